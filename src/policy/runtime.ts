import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { describeThrown, ToolError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Severity } from '../findings/finding.js';
import type { RuleInfo } from './catalogue.js';
import { customBuiltins } from './builtins.js';

/** The compiled built-in rules: policy.wasm and the rule catalogue built from METADATA. */
export interface PolicyBundle {
  /** Where it came from, for messages. */
  origin: string;
  wasm: Uint8Array;
  rules: RuleInfo[];
}

/** What a Rego rule returns (docs/input-document.md), with the rule id the entrypoint adds. */
export interface PolicyFinding {
  rule: string;
  path: string;
  message: string;
  document?: { kind: string; name: string };
  severity?: Severity;
  related?: { document?: { kind: string; name: string }; path: string; message: string }[];
}

const ENTRYPOINT = 'rollgate/main/findings';

/** The built-in rules: bundle/ at the package root. */
export function defaultBundleDir(): string {
  return path.join(PACKAGE_ROOT, 'bundle');
}

export async function loadBundle(dir: string): Promise<PolicyBundle> {
  const origin = path.relative(process.cwd(), dir) || dir;
  let wasm: Uint8Array;
  let rules: unknown;
  try {
    wasm = await readFile(path.join(dir, 'policy.wasm'));
    rules = JSON.parse(await readFile(path.join(dir, 'rules.json'), 'utf8'));
  } catch (err) {
    throw new ToolError('policy', `cannot load policy bundle '${origin}': ${describeThrown(err)}`, { cause: err });
  }
  if (!Array.isArray(rules) || !rules.every((r) => typeof r?.id === 'string' && typeof r?.severity === 'string')) {
    throw new ToolError('policy', `cannot load policy bundle '${origin}': rules.json is not a list of rules`);
  }
  return { origin, wasm, rules: rules as RuleInfo[] };
}

/**
 * One WASM instance of a bundle. The catalogue goes in once with setData; each evaluation passes
 * a small input. The SDK throws strings and plain objects: everything is wrapped in ToolError so
 * the CLI fails closed with a one-line message.
 */
export class PolicyEngine {
  private policy!: LoadedPolicy;
  private data: object = {};

  private constructor(
    private readonly bundle: PolicyBundle,
    private readonly nowEpoch: number,
  ) {}

  static async create(bundle: PolicyBundle, nowEpoch: number): Promise<PolicyEngine> {
    const engine = new PolicyEngine(bundle, nowEpoch);
    await engine.instantiate();
    return engine;
  }

  private async instantiate(): Promise<void> {
    try {
      this.policy = await loadPolicy(this.bundle.wasm, { initial: 32 }, customBuiltins(this.nowEpoch));
    } catch (err) {
      throw new ToolError('policy', `cannot load policy bundle '${this.bundle.origin}': ${describeThrown(err)}`, { cause: err });
    }
    if (!(ENTRYPOINT in (this.policy.entrypoints ?? {}))) {
      throw new ToolError('policy', `policy bundle '${this.bundle.origin}' has no entrypoint ${ENTRYPOINT}`);
    }
  }

  setData(data: object): void {
    this.data = data;
    try {
      this.policy.setData(data);
    } catch (err) {
      throw new ToolError('policy', `policy bundle '${this.bundle.origin}' rejected its data: ${describeThrown(err)}`, { cause: err });
    }
  }

  /**
   * Evaluate once. After an allocation failure the instance is unusable (ARCHITECTURE.md), so it
   * is reloaded and the evaluation tried once more before giving up.
   */
  async evaluate(input: object, what: string): Promise<PolicyFinding[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return this.parseResult(this.policy.evaluate(input, ENTRYPOINT), what);
      } catch (err) {
        if (err instanceof ToolError) throw err;
        const message = describeThrown(err);
        if (attempt === 0 && /opa_malloc|out of memory|memory access out of bounds/i.test(message)) {
          await this.instantiate();
          this.setData(this.data);
          continue;
        }
        throw new ToolError('policy', `policy bundle '${this.bundle.origin}' failed to evaluate ${what}: ${message}`, { cause: err });
      }
    }
  }

  private parseResult(result: unknown, what: string): PolicyFinding[] {
    // The result set is [{result: [...findings]}], or [] when the entrypoint is undefined.
    if (!Array.isArray(result)) throw this.malformed(what, 'result set is not a list');
    const findings = result.length === 0 ? [] : (result[0] as { result?: unknown }).result;
    if (!Array.isArray(findings)) throw this.malformed(what, 'findings are not a list');
    for (const f of findings) {
      if (typeof f?.rule !== 'string' || typeof f?.message !== 'string' || typeof f?.path !== 'string') {
        throw this.malformed(what, `finding ${JSON.stringify(f).slice(0, 200)} lacks rule, message or path`);
      }
    }
    return findings as PolicyFinding[];
  }

  private malformed(what: string, detail: string): ToolError {
    return new ToolError('policy', `policy bundle '${this.bundle.origin}' returned a malformed result for ${what}: ${detail}`);
  }
}
