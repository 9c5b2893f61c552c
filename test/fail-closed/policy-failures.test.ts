import { beforeAll, describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.js';
import { loadBundle, PolicyEngine } from '../../src/policy/runtime.js';
import { cli } from '../helpers/cli.js';
import { buildBadPolicies, planFolder, type BadPolicy } from './bad-policies.js';

// A broken policy must end the run with exit 2 and a one-line message: never exit 0 or 1, never
// a report (which a CI step could read as "no problems").
let bundles: Record<BadPolicy, string>;
beforeAll(() => {
  bundles = buildBadPolicies();
}, 60_000);

function check(bundle: string, folder: string, env: Record<string, string> = {}, format = 'text') {
  return cli(['check', folder, '--now', '2026-03-10T12:00:00Z', '--format', format], { env: { ROLLGATE_BUNDLE: bundle, ...env } });
}

function expectFailClosed(result: ReturnType<typeof cli>, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^rollgate: /);
  expect(lines[0]).toMatch(pattern);
}

describe('fail closed: broken policies exit 2', () => {
  it('a policy that traps (conflicting rule values)', () => {
    for (const format of ['text', 'json', 'sarif']) {
      expectFailClosed(check(bundles.trap, planFolder(['ok']), {}, format), /failed to evaluate the catalogue: .*var assignment conflict/);
    }
  });

  it('a policy that calls a builtin rollgate does not provide, before evaluating anything', () => {
    expectFailClosed(check(bundles['missing-builtin'], planFolder(['ok'])), /calls builtins rollgate does not provide: crypto\.sha256/);
  });

  it('a policy that runs out of memory on one plan', () => {
    const result = check(bundles.hog, planFolder(['a-first', 'hog', 'ok']), { ROLLGATE_POLICY_MEMORY_MB: '64' });
    expectFailClosed(result, /failed to evaluate plan 'hog': opa_malloc: failed/);
  });

  it('the same bundle passes plans that stay within memory (the failure is the plan, not the setup)', () => {
    const result = check(bundles.hog, planFolder(['ok']), { ROLLGATE_POLICY_MEMORY_MB: '64' }, 'json');
    expect(result.code).toBe(1); // x/ok is not in rules.json: an error by default
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.map((f) => f.ruleId)).toEqual(['x/ok']);
  });

  it('rejects a malformed memory cap', () => {
    const result = check(bundles.hog, planFolder(['ok']), { ROLLGATE_POLICY_MEMORY_MB: 'lots' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ROLLGATE_POLICY_MEMORY_MB takes a whole number/);
  });
});

describe('out of memory: the instance is reloaded', () => {
  const now = 1_773_144_000;
  const plan = (name: string) => ({ scope: 'plan', plan: { metadata: { name } } });

  it('reloads before the retry and after it fails, so later evaluations still work', async () => {
    const bundle = { ...(await loadBundle(bundles.hog)), maxMemoryMiB: 64 };
    const engine = await PolicyEngine.create(bundle, now, { some: 'data' });
    const failure = await engine.evaluate(plan('hog'), "plan 'hog'").then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ToolError);
    expect((failure as ToolError).message).toMatch(/opa_malloc: failed/);
    expect(engine.reloads).toBe(2);
    for (let i = 0; i < 3; i++) {
      expect(await engine.evaluate(plan('ok'), "plan 'ok'")).toEqual([{ rule: 'x/ok', path: '', message: 'fine' }]);
    }
  });

  it('a transient allocation failure is retried on a fresh instance with the same data', async () => {
    const bundle = { ...(await loadBundle(bundles.hog)), maxMemoryMiB: 64 };
    const engine = await PolicyEngine.create(bundle, now, { some: 'data' });
    // Break the current instance the way a failed opa_malloc leaves it: the next call throws.
    const internals = engine as unknown as { policy: { evaluate: () => unknown } };
    internals.policy.evaluate = () => {
      throw 'opa_malloc: failed';
    };
    expect(await engine.evaluate(plan('ok'), "plan 'ok'")).toEqual([{ rule: 'x/ok', path: '', message: 'fine' }]);
    expect(engine.reloads).toBe(1);
  });
});
