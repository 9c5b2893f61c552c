/** FORMAT.md scope: each listed key must match (AND); an absent key or scope matches everything. */
export interface Scope {
  services?: string[];
  regions?: string[];
  tiers?: number[];
}

/**
 * Does an entry with `scope` apply to a step of `service` (tier `tier`) in `region`? A
 * region-agnostic step (no regions) has region null: it matches only scopes that list no regions.
 */
export function scopeMatches(scope: Scope | undefined, service: string, region: string | null, tier: number): boolean {
  if (!scope) return true;
  if (scope.services && !scope.services.includes(service)) return false;
  if (scope.regions && (region === null || !scope.regions.includes(region))) return false;
  if (scope.tiers && !scope.tiers.includes(tier)) return false;
  return true;
}
