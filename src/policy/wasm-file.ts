import { ToolError } from '../errors.js';
import type { RuleInfo } from './catalogue.js';

/**
 * The single-file policy bundle `rollgate policy build` writes: the policy.wasm opa compiled, with
 * the rule catalogue appended as a WebAssembly custom section (which engines ignore). One file to
 * ship and cache, still a valid module.
 */
export const RULES_SECTION = 'rollgate.rules';

function leb128(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function embedRules(wasm: Uint8Array, rules: RuleInfo[]): Buffer {
  const name = Buffer.from(RULES_SECTION, 'utf8');
  const payload = Buffer.from(JSON.stringify(rules), 'utf8');
  const body = Buffer.concat([Buffer.from(leb128(name.length)), name, payload]);
  return Buffer.concat([Buffer.from(wasm), Buffer.from([0]), Buffer.from(leb128(body.length)), body]);
}

/** The catalogue of a policy file, or a ToolError naming it when it is not one of ours. */
export function extractRules(wasm: Uint8Array, display: string): RuleInfo[] {
  let sections: ArrayBuffer[];
  try {
    sections = WebAssembly.Module.customSections(new WebAssembly.Module(new Uint8Array(wasm)), RULES_SECTION);
  } catch (err) {
    throw new ToolError('policy', `cannot load policy '${display}': not a WebAssembly module (${err instanceof Error ? err.message : String(err)})`);
  }
  if (sections.length !== 1) {
    throw new ToolError('policy', `cannot load policy '${display}': it has no rule catalogue; build it with 'rollgate policy build DIR -o FILE'`);
  }
  const rules = JSON.parse(Buffer.from(sections[0]!).toString('utf8')) as unknown;
  if (!Array.isArray(rules) || !rules.every((r) => typeof r?.id === 'string' && typeof r?.severity === 'string')) {
    throw new ToolError('policy', `cannot load policy '${display}': its rule catalogue is malformed`);
  }
  return rules as RuleInfo[];
}
