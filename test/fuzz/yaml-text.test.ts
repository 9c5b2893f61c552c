import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseDocuments, FUZZ, params, runOnText, toYaml } from './harness.js';

const TOKENS = ['- ', ': ', '? ', '{', '}', '[', ']', ',', '&a ', '*a', '!!str ', '!!binary ', '!custom ', '---\n', '...\n', '|\n', '>-\n', '#', '"', "'", '\t', '\n', '  ', '%YAML 1.2\n', '<<: *a\n', 'apiVersion: rollgate.dev/v1\n', 'kind: RolloutPlan\n', 'kind: Service\n', 'metadata:\n  name: x\n', 'spec:\n', '\\u0000', '\u2028', '\uFFFD'];

// Random text and corrupted YAML: always a report or a tool error, never a crash.
describe('fuzz: random YAML text', () => {
  it('survives token soup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 80 }), async (parts) => {
        const outcome = await runOnText(parts.join(''));
        expect([0, 1, 2]).toContain(outcome.exitCode);
      }),
      params(),
    );
  }, 120_000);

  it('survives byte-level corruption of a valid file', async () => {
    const text = toYaml(baseDocuments());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 6 }), async (edits) => {
        let t = text;
        for (const [at, del, ins] of edits) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + ins + t.slice(i + del);
        }
        const outcome = await runOnText(t);
        expect([0, 1, 2]).toContain(outcome.exitCode);
      }),
      params(Math.max(10, Math.round(FUZZ.runs / 2))),
    );
  }, 120_000);
});
