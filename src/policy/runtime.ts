import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as opaWasm from '@open-policy-agent/opa-wasm';
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';
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
  /** Cap on the WASM instance's memory (ROLLGATE_POLICY_MEMORY_MB); WebAssembly's 4 GiB without it. */
  maxMemoryMiB?: number;
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

// The package's ESM entry exports loadPolicy by name and loadPolicySync only on its default export
// (its types declare both by name).
const { loadPolicySync } = (opaWasm as unknown as { default: typeof opaWasm }).default;

const ENTRYPOINT = 'rollgate/main/findings';
/** Builtins the opa-wasm SDK implements in JS (@open-policy-agent/opa-wasm src/builtins). */
const SDK_BUILTINS = new Set(['sprintf', 'regex.split', 'json.is_valid', 'yaml.is_valid', 'yaml.marshal', 'yaml.unmarshal']);
const WASM_PAGE = 64 * 1024;
const MIN_PAGES = 32;
/**
 * Heap an instance needs per byte of JSON data: OPA's values take about ten times their JSON
 * (242 MB for the 23.8 MB of data of 20,000 services), with room to spare.
 */
const HEAP_PER_DATA_BYTE = 12;
/** Messages of a failed allocation or a trap that may leave the instance unusable. */
const BROKEN_INSTANCE = /opa_malloc|out of memory|memory access out of bounds|maximum memory size/i;

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
 * One WASM instance of a bundle. The catalogue goes in once, when it is created; each evaluation
 * passes a small input. The SDK throws strings and plain objects: everything is wrapped in ToolError so
 * the CLI fails closed with a one-line message.
 */
export class PolicyEngine {
  private policy!: LoadedPolicy;
  /** The compiled module, kept for reloading the instance after an out-of-memory. */
  private module: WebAssembly.Module | undefined;
  /** The data as JSON, kept for reloading the instance after an out-of-memory. */
  private readonly dataJson: Uint8Array;
  /** Memory the instance starts with (pages): room for its data. */
  private readonly initialPages: number;
  /** How many times the instance was reloaded after a failed allocation (for tests and diagnostics). */
  reloads = 0;

  private readonly builtins: ReturnType<typeof customBuiltins>;

  private constructor(
    private readonly bundle: PolicyBundle,
    nowEpoch: number,
    data: object,
  ) {
    this.builtins = customBuiltins(nowEpoch);
    this.dataJson = new TextEncoder().encode(JSON.stringify(data));
    // OPA's allocator grows the memory a page or so at a time, and each grow may copy all of it:
    // loading the 24 MB of data of 20,000 services took 13 s from the default 2 MiB, 0.2 s from a
    // memory that already has room.
    this.initialPages = MIN_PAGES + Math.ceil((this.dataJson.length * HEAP_PER_DATA_BYTE) / WASM_PAGE);
  }

  /** An instance of `bundle` holding `data` (the policies' `data` document). */
  static async create(bundle: PolicyBundle, nowEpoch: number, data: object): Promise<PolicyEngine> {
    const engine = new PolicyEngine(bundle, nowEpoch, data);
    await engine.instantiate();
    return engine;
  }

  private async instantiate(): Promise<void> {
    try {
      // Compiled here and instantiated with the SDK's synchronous loader: its async one tests
      // `instanceof Response`, which makes Node load its fetch implementation (15 ms of a
      // pre-commit run) only to find that we pass bytes.
      this.module ??= await WebAssembly.compile(new Uint8Array(this.bundle.wasm));
    } catch (err) {
      throw new ToolError('policy', `cannot load policy bundle '${this.bundle.origin}': ${describeThrown(err)}`, { cause: err });
    }
    this.createInstance();
    this.loadData();
  }

  private createInstance(): void {
    try {
      const maximum = this.bundle.maxMemoryMiB === undefined ? undefined : Math.max(MIN_PAGES, Math.ceil((this.bundle.maxMemoryMiB * 1024 * 1024) / WASM_PAGE));
      const memory: WebAssembly.MemoryDescriptor = { initial: maximum === undefined ? this.initialPages : Math.min(this.initialPages, maximum) };
      if (maximum !== undefined) memory.maximum = maximum;
      this.policy = loadPolicySync(this.module!, memory, this.builtins);
    } catch (err) {
      throw new ToolError('policy', `cannot load policy bundle '${this.bundle.origin}': ${describeThrown(err)}`, { cause: err });
    }
    if (!(ENTRYPOINT in (this.policy.entrypoints ?? {}))) {
      throw new ToolError('policy', `policy bundle '${this.bundle.origin}' has no entrypoint ${ENTRYPOINT}`);
    }
    // Fail before evaluating anything: otherwise a missing builtin only fails the plans that reach it.
    const missing = this.requiredBuiltins().filter((name) => !SDK_BUILTINS.has(name) && !(name in this.builtins));
    if (missing.length > 0) {
      throw new ToolError(
        'policy',
        `policy bundle '${this.bundle.origin}' calls builtins rollgate does not provide: ${missing.sort().join(', ')}; build it with policies/capabilities.json (node scripts/build-policies.mjs)`,
      );
    }
  }

  /** The builtin names the compiled policy imports (its `builtins` export: name → id). */
  private requiredBuiltins(): string[] {
    try {
      const instance = this.policy.wasmInstance as WebAssembly.Instance;
      const exports = instance.exports as Record<string, (...args: number[]) => number>;
      const addr = exports.opa_json_dump!(exports.builtins!());
      const bytes = new Uint8Array(this.policy.mem.buffer);
      let end = addr;
      while (bytes[end] !== 0) end++;
      return Object.keys(JSON.parse(new TextDecoder().decode(bytes.subarray(addr, end))) as object);
    } catch (err) {
      throw new ToolError('policy', `cannot load policy bundle '${this.bundle.origin}': cannot list its builtins: ${describeThrown(err)}`, { cause: err });
    }
  }

  private loadData(): void {
    try {
      // The SDK copies an ArrayBuffer as it is (JSON text) instead of stringifying an object again.
      const json = this.dataJson;
      this.policy.setData(json.buffer.slice(json.byteOffset, json.byteOffset + json.byteLength) as ArrayBuffer);
    } catch (err) {
      throw new ToolError('policy', `policy bundle '${this.bundle.origin}' rejected its data: ${describeThrown(err)}`, { cause: err });
    }
  }

  /**
   * Evaluate once. After an allocation failure the instance is unusable (ARCHITECTURE.md), so it
   * is reloaded and the evaluation tried once more before giving up; when the retry fails too the
   * instance is reloaded again before the error is thrown, so the engine stays usable for later
   * evaluations. Any failure is a ToolError (exit 2): never an empty, passing result.
   */
  async evaluate(input: object, what: string): Promise<PolicyFinding[]> {
    for (let attempt = 0; ; attempt++) {
      let raw: unknown;
      try {
        raw = this.policy.evaluate(input, ENTRYPOINT);
      } catch (err) {
        const message = describeThrown(err);
        const broken = BROKEN_INSTANCE.test(message);
        if (broken) await this.reload();
        if (broken && attempt === 0) continue;
        throw new ToolError('policy', `policy bundle '${this.bundle.origin}' failed to evaluate ${what}: ${message}`, { cause: err });
      }
      return this.parseResult(raw, what);
    }
  }

  private async reload(): Promise<void> {
    this.reloads++;
    await this.instantiate();
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
