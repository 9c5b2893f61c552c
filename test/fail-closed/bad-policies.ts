import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const OPA = path.resolve('.tools/bin/opa');

/**
 * Small Rego sources that break the policy runtime in each way rollgate must fail closed on. Each
 * is compiled with the pinned opa CLI into a bundle folder (policy.wasm + rules.json) for
 * ROLLGATE_BUNDLE or loadBundle.
 */
export const BAD_POLICIES = {
  // Two complete definitions with different values: a runtime conflict, an abort inside WASM.
  trap: `package rollgate.main

x := 1 if input.scope

x := 2 if input.scope

findings contains f if {
	x > 0
	f := {"rule": "x/trap", "path": "", "message": "unreachable"}
}
`,
  // A builtin neither the SDK nor rollgate implements.
  'missing-builtin': `package rollgate.main

findings contains f if {
	h := crypto.sha256(input.scope)
	f := {"rule": "x/builtin", "path": "", "message": h}
}
`,
  // Plan "hog" allocates far more than a capped instance holds; plan "ok" gives one finding.
  hog: `package rollgate.main

findings contains f if {
	input.plan.metadata.name == "hog"
	xs := numbers.range(1, 50000000)
	f := {"rule": "x/hog", "path": "", "message": sprintf("%d", [count(xs)])}
}

findings contains f if {
	input.plan.metadata.name == "ok"
	f := {"rule": "x/ok", "path": "", "message": "fine"}
}
`,
} as const;

export type BadPolicy = keyof typeof BAD_POLICIES;

/** Build every bad policy into `<tmp>/<name>/`; returns the folder of each. */
export function buildBadPolicies(): Record<BadPolicy, string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rollgate-bad-policy-'));
  const out = {} as Record<BadPolicy, string>;
  for (const [name, source] of Object.entries(BAD_POLICIES) as [BadPolicy, string][]) {
    const dir = path.join(root, name);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'policy.rego'), source);
    run(OPA, ['build', '-t', 'wasm', '-e', 'rollgate/main/findings', 'policy.rego', '-o', 'bundle.tar.gz'], dir);
    writeFileSync(path.join(dir, 'policy.wasm'), run('tar', ['xzf', 'bundle.tar.gz', '-O', '/policy.wasm'], dir));
    writeFileSync(path.join(dir, 'rules.json'), '[]\n');
    out[name] = dir;
  }
  return out;
}

function run(cmd: string, args: string[], cwd: string): Buffer {
  const res = spawnSync(cmd, args, { cwd });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${String(res.stderr)}`);
  return res.stdout;
}

/** A schema-valid catalogue with plans named `names` (one step each on service "web"). */
export function planFolder(names: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rollgate-plans-'));
  writeFileSync(
    path.join(dir, 'web.yaml'),
    'apiVersion: rollgate.dev/v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  owner: team-web\n  version: "1.0.0"\n',
  );
  for (const name of names) {
    writeFileSync(
      path.join(dir, `${name}.yaml`),
      `apiVersion: rollgate.dev/v1\nkind: RolloutPlan\nmetadata:\n  name: ${name}\nspec:\n  owner: team-web\n  start: "2026-03-10T20:00:00Z"\n  steps:\n    - id: web\n      service: web\n      to: "1.1.0"\n`,
    );
  }
  return dir;
}
