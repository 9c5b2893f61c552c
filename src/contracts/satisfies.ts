import semver from 'semver';
import { boundedMemo } from '../bounded-memo.js';

/**
 * Whether a version is in a node-semver range (a range that does not parse matches nothing). By
 * default a prerelease only matches a range naming its line (node-semver's rule); with
 * `includePrerelease` it matches as its release would, which tells a prerelease miss from a range
 * miss. Memoised: a hub's consumers repeat a few ranges thousands of times, and parsing a range
 * is the expensive part.
 */
export const satisfies = boundedMemo(
  100_000,
  (version: string, range: string, includePrerelease: boolean = false) => `${version}\u0000${range}\u0000${includePrerelease ? 1 : 0}`,
  (version: string, range: string, includePrerelease: boolean = false): boolean => {
    try {
      return semver.satisfies(version, range, { includePrerelease });
    } catch {
      return false;
    }
  },
);
