import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMutation, baseDocuments, FUZZ, mutation, params, runOnText, toYaml } from './harness.js';

// Property: whatever is done to valid documents, rollgate returns a well-formed report (exit 0/1)
// or a one-line tool error (exit 2); it never crashes and never hangs. Seeded: FUZZ_SEED, FUZZ_RUNS.
describe('fuzz: mutated documents', () => {
  it('the unmutated organisation is clean input (no input/* findings)', async () => {
    const outcome = await runOnText(toYaml(baseDocuments()));
    expect(outcome.kind).toBe('report');
    if (outcome.kind === 'report') expect(outcome.report.findings.filter((f) => f.ruleId.startsWith('input/'))).toEqual([]);
  });

  it('survives 1-4 mutations of valid documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 5 }), async (mutations, seed) => {
        const docs = baseDocuments(seed);
        for (const m of mutations) applyMutation(docs, m);
        const outcome = await runOnText(toYaml(docs));
        expect([0, 1, 2]).toContain(outcome.exitCode);
        // Policy failures would be exit 2: mutated documents must never break the policies.
        if (outcome.kind === 'tool-error') expect(outcome.message).not.toMatch(/policy bundle/);
      }),
      params(),
    );
  }, 120_000);
});
