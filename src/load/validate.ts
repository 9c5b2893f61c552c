import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnySchemaObject, ErrorObject } from 'ajv';
import { DATE, WALL_TIME, isInstant, isVersion } from './formats.js';
import * as compiled from './validators.generated.js';

/** One JSON Schema problem of a document, cleaned of ajv's cascades (one per real problem). */
export interface SchemaProblem {
  /** JSON pointer of the offending value, or of the parent object for a missing required key. */
  path: string;
  /** For missing/unknown properties: the property name. */
  key?: string;
  /** True when the location should be the key rather than the value (unknown property). */
  onKey: boolean;
  /** One line: what is wrong, quoting the offending text, and the expected form. */
  message: string;
}

export type DocumentKind = 'Service' | 'ChangeCalendar' | 'RolloutPlan';

const SCHEMA_FILES: Record<DocumentKind, string> = {
  Service: 'service.schema.json',
  ChangeCalendar: 'change-calendar.schema.json',
  RolloutPlan: 'rollout-plan.schema.json',
};
const COMMON_FILE = 'common.schema.json';
const COMMON_REF = `${COMMON_FILE}#/$defs/`;

// ------------------------------------------------------------------------------------------------
// Schema files: `schemas/` at the package root, reached from src/load (tests) or dist/src/load.

let schemaDirCache: URL | undefined;
const schemaCache = new Map<string, AnySchemaObject>();

function schemaDir(): URL {
  if (schemaDirCache) return schemaDirCache;
  for (const rel of ['../../schemas/', '../../../schemas/']) {
    const dir = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(new URL(COMMON_FILE, dir)))) return (schemaDirCache = dir);
  }
  throw new Error(`rollgate's JSON Schemas were not found next to ${fileURLToPath(import.meta.url)}: the installation is incomplete`);
}

function readSchema(file: string): AnySchemaObject {
  let schema = schemaCache.get(file);
  if (!schema) {
    schema = JSON.parse(readFileSync(fileURLToPath(new URL(file, schemaDir())), 'utf8')) as AnySchemaObject;
    schemaCache.set(file, schema);
  }
  return schema;
}

// ------------------------------------------------------------------------------------------------
// Validators: compiled from schemas/ at build time by scripts/build-validators.mjs (ajv standalone,
// same options as before: allErrors, strict, verbose), so no schema is compiled at run time.

interface CompiledValidator {
  (doc: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const VALIDATORS: Record<DocumentKind, CompiledValidator> = {
  Service: compiled.Service as CompiledValidator,
  ChangeCalendar: compiled.ChangeCalendar as CompiledValidator,
  RolloutPlan: compiled.RolloutPlan as CompiledValidator,
};

/** Validate a config file's content against schemas/config.schema.json: cleaned problems, sorted by path. */
export function validateConfigValue(value: unknown): SchemaProblem[] {
  const validate = compiled.Config as CompiledValidator;
  return validate(value) ? [] : cleanErrors(validate.errors ?? []);
}

/** Validate one document against its kind's schema: cleaned problems, sorted by path. */
export function validateDocument(kind: DocumentKind, doc: unknown): SchemaProblem[] {
  const validate = VALIDATORS[kind];
  if (validate(doc)) return [];
  return cleanErrors(validate.errors ?? []);
}

/**
 * The JSON Schema of a kind, self-contained (common definitions copied into `$defs`), for
 * `rollgate schema [KIND]` and editors. Accepts the kind (`RolloutPlan`), case-insensitively, or
 * its file stem (`rollout-plan`); `common` gives the shared definitions.
 */
export function schemaFor(kind: string): object | undefined {
  const wanted = kind.toLowerCase().replace(/[-_]/g, '');
  if (wanted === 'common') return structuredClone(readSchema(COMMON_FILE));
  const match = (Object.keys(SCHEMA_FILES) as DocumentKind[]).find((k) => k.toLowerCase() === wanted);
  if (!match) return undefined;
  const schema = structuredClone(readSchema(SCHEMA_FILES[match]));
  const common = readSchema(COMMON_FILE);
  schema.$defs = { ...structuredClone(common.$defs as Record<string, unknown>), ...(schema.$defs ?? {}) };
  return rewriteRefs(schema) as object;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith(COMMON_REF)
        ? `#/$defs/${value.slice(COMMON_REF.length)}`
        : rewriteRefs(value);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Cleaning ajv's errors.

type AjvError = ErrorObject<string, Record<string, unknown>, unknown>;

interface Candidate {
  problem: SchemaProblem;
  keyword: string;
}

/** Lower wins when two problems land on the same place. */
const RANK: Record<string, number> = {
  type: 0,
  required: 1,
  additionalProperties: 1,
  'false schema': 1,
  oneOf: 2,
  anyOf: 2,
  format: 3,
  pattern: 4,
  enum: 5,
  const: 5,
};

export function cleanErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  const candidates = toCandidates(errors as AjvError[], errors as AjvError[]);
  const best = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const id = `${candidate.problem.path}\u0000${candidate.problem.key ?? ''}`;
    const seen = best.get(id);
    if (!seen || rank(candidate) < rank(seen)) best.set(id, candidate);
  }
  return [...best.values()].map((c) => c.problem).sort(compareProblems);
}

function rank(c: Candidate): number {
  return RANK[c.keyword] ?? 6;
}

function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent + '/');
}

/** Whether error `e` was produced inside the subschemas of the applicator error `outer`. */
function isInside(e: AjvError, outer: AjvError): boolean {
  return e !== outer && e.schemaPath.startsWith(outer.schemaPath + '/') && isUnder(e.instancePath, outer.instancePath);
}

/**
 * Turn raw errors into candidate problems. `all` is the whole error list, used to find the `if`
 * that guards a `then` error.
 */
function toCandidates(errors: AjvError[], all: AjvError[]): Candidate[] {
  const composites = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const outer = composites.filter((c) => !composites.some((o) => isInside(c, o)));
  const consumed = new Set<AjvError>(composites);
  const out: Candidate[] = [];
  for (const composite of outer) {
    const branchErrors = errors.filter((e) => isInside(e, composite));
    branchErrors.forEach((e) => consumed.add(e));
    out.push(...compositeCandidates(composite, branchErrors, all));
  }
  for (const e of errors) {
    if (consumed.has(e) || e.keyword === 'if') continue; // `if` only says "must match then": its then-errors say why
    out.push({ problem: primitiveProblem(e, all), keyword: e.keyword });
  }
  return out;
}

/** One problem for a failed oneOf/anyOf: the single relevant branch, or one "X or Y" message. */
function compositeCandidates(c: AjvError, branchErrors: AjvError[], all: AjvError[]): Candidate[] {
  const branches = (Array.isArray(c.schema) ? c.schema : []) as AnySchemaObject[];
  const at = (message: string): Candidate[] => [{ problem: { path: c.instancePath, onKey: false, message }, keyword: c.keyword }];
  const passing = c.params.passingSchemas;
  if (c.keyword === 'oneOf' && Array.isArray(passing)) {
    const names = (passing as number[]).map((i) => branchLabel(branches[i]));
    return at(`must have only one of ${orList(names, 'or')}`);
  }
  const prefix = c.schemaPath + '/';
  const perBranch: Candidate[][] = branches.map((_, i) =>
    toCandidates(
      branchErrors.filter((e) => e.schemaPath.slice(prefix.length).split('/')[0] === String(i)),
      all,
    ),
  );
  const here = (cand: Candidate) => cand.problem.path === c.instancePath;
  const typeFails = perBranch.map((cands) => cands.some((x) => x.keyword === 'type' && here(x)));
  if (perBranch.length > 0 && typeFails.every(Boolean)) {
    const types = branches.flatMap((b) => (b.type === undefined ? [] : Array.isArray(b.type) ? b.type : [b.type])) as string[];
    return at(`must be ${orList(unique(types).map(typeName), 'or')}, got ${describe(c.data)}`);
  }
  const onlyMissing = perBranch.map((cands) => cands.length > 0 && cands.every((x) => x.keyword === 'required' && here(x)));
  if (perBranch.length > 0 && onlyMissing.every(Boolean)) {
    const names = unique(perBranch.map((cands, i) => branchLabel(branches[i], cands[0]?.problem.key)));
    return at(`missing ${names.length > 1 ? 'one of ' : ''}${orList(names, 'or')}`);
  }
  // Pick the branch the user most likely meant: right type, its distinguishing keys present, fewest problems.
  let bestIndex = -1;
  let bestScore = Infinity;
  perBranch.forEach((cands, i) => {
    if (cands.length === 0) return;
    const score =
      (typeFails[i] ? 1e6 : 0) + (cands.some((x) => x.keyword === 'required' && here(x)) ? 1e3 : 0) + cands.length;
    if (score < bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  });
  return bestIndex >= 0 ? perBranch[bestIndex]! : at(c.message ?? 'is invalid');
}

function branchLabel(branch: AnySchemaObject | undefined, key?: string): string {
  const required = Array.isArray(branch?.required) ? (branch.required as string[]) : [];
  const name = key ?? required[0];
  const title = typeof branch?.title === 'string' ? branch.title : undefined;
  if (name === undefined) return title ?? 'one allowed form';
  return title && title !== name ? `'${name}' (${title})` : `'${name}'`;
}

function primitiveProblem(e: AjvError, all: AjvError[]): SchemaProblem {
  const p = e.params;
  const path = e.instancePath;
  const parent = (e.parentSchema ?? {}) as AnySchemaObject;
  switch (e.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      return { path, key, onKey: false, message: `missing required property '${key}'` };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((parent.properties ?? {}) as Record<string, unknown>);
      const guess = closest(key, allowed);
      const hint = guess ? `; did you mean '${guess}'?` : '';
      const list = allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : 'no properties are allowed here';
      return { path: `${path}/${escapePointer(key)}`, key, onKey: true, message: `unknown property '${key}' (${list}${hint})` };
    }
    case 'false schema': {
      const key = unescapePointer(path.slice(path.lastIndexOf('/') + 1));
      const condition = guardingCondition(e, all);
      return {
        path,
        key,
        onKey: true,
        message: condition
          ? `'${key}' cannot be used together with '${condition}': remove one of them`
          : `property '${key}' is not allowed here`,
      };
    }
    case 'type':
      return { path, onKey: false, message: typeMessage(p.type as string | string[], e.data, parent) };
    case 'format':
      return { path, onKey: false, message: formatMessage(String(p.format), e.data) };
    case 'pattern':
      return { path, onKey: false, message: patternMessage(String(p.pattern), e.data) };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const guess =
        typeof e.data === 'string'
          ? allowed.find((a) => typeof a === 'string' && a.toLowerCase() === (e.data as string).toLowerCase())
          : undefined;
      const hint = guess !== undefined ? ` (did you mean '${String(guess)}'?)` : '';
      return { path, onKey: false, message: `${quoteValue(e.data)} is not allowed: use ${orList(allowed.map(String), 'or')}${hint}` };
    }
    case 'const':
      return { path, onKey: false, message: `must be ${JSON.stringify(p.allowedValue)}, got ${quoteValue(e.data)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, onKey: false, message: `must be ${COMPARISONS[String(p.comparison)] ?? String(p.comparison)} ${String(p.limit)}, got ${String(e.data)}` };
    case 'minItems':
      return {
        path,
        onKey: false,
        message: p.limit === 1 ? 'must not be an empty list: give at least one item' : `must have at least ${String(p.limit)} items`,
      };
    case 'maxItems':
      return {
        path,
        onKey: false,
        message: `has ${Array.isArray(e.data) ? e.data.length : 'too many'} items, more than the ${String(p.limit)} allowed: split it up`,
      };
    case 'minLength':
      return {
        path,
        onKey: false,
        message: p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters long`,
      };
    case 'uniqueItems': {
      // ajv's i/j order depends on the item type: point at the later copy, name the earlier one.
      const items = Array.isArray(e.data) ? (e.data as unknown[]) : [];
      const later = Math.max(Number(p.i), Number(p.j));
      const earlier = Math.min(Number(p.i), Number(p.j));
      return {
        path: `${path}/${later}`,
        onKey: false,
        message: `${quoteValue(items[later])} is listed twice (also item ${earlier + 1} of the list): remove the duplicate`,
      };
    }
    default:
      return { path, onKey: false, message: e.message ?? `breaks the schema (${e.keyword})` };
  }
}

/** For an error inside a `then`, the property whose presence triggered it (`if: {required: [x]}`). */
function guardingCondition(e: AjvError, all: AjvError[]): string | undefined {
  for (const guard of all) {
    if (guard.keyword !== 'if' || !guard.schemaPath.endsWith('/if')) continue;
    const base = guard.schemaPath.slice(0, -'/if'.length);
    if (!e.schemaPath.startsWith(base + '/then/') || !isUnder(e.instancePath, guard.instancePath)) continue;
    const condition = (guard.parentSchema as AnySchemaObject | undefined)?.if as AnySchemaObject | undefined;
    const required = condition?.required;
    if (Array.isArray(required) && typeof required[0] === 'string') return required[0];
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------------
// Messages.

const FORMAT_OF_PATTERN: Record<string, string> = {};
const NAME_PATTERN = '^[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?$';

function registerPatterns(): void {
  if (Object.keys(FORMAT_OF_PATTERN).length > 0) return;
  const defs = (readSchema(COMMON_FILE).$defs ?? {}) as Record<string, AnySchemaObject>;
  for (const def of Object.values(defs)) {
    if (typeof def.pattern === 'string' && typeof def.format === 'string') FORMAT_OF_PATTERN[def.pattern] = def.format;
  }
}

function patternMessage(pattern: string, data: unknown): string {
  if (pattern === NAME_PATTERN) {
    return `${quoteValue(data)} is not a valid name: use lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, at most 63 characters`;
  }
  registerPatterns();
  const format = FORMAT_OF_PATTERN[pattern];
  if (format) return formatMessage(format, data);
  return `${quoteValue(data)} does not match the pattern ${pattern}`;
}

function formatMessage(format: string, data: unknown): string {
  const text = typeof data === 'string' ? data : String(data);
  const q = quoteValue(text);
  switch (format) {
    case 'rollgate-duration':
      return /^\d+$/.test(text.trim())
        ? `${q} is not a duration: add a unit (w d h m s), like ${text.trim()}m or ${text.trim()}s`
        : `${q} is not a duration: use units w d h m s, largest first, like 1h30m`;
    case 'rollgate-instant':
      if (DATE.test(text)) return `${q} is a date, not an instant: add a time, like ${text}T22:00 (local) or ${text}T22:00:00Z`;
      if (WALL_TIME.test(text)) {
        return `${q} is a time of day, not an instant: add the date, like 2026-03-10T${text} (repeating windows use weekly or rrule with a wall-time start)`;
      }
      return `${q} is not an instant: use RFC 3339 with an offset, like 2026-03-10T22:00:00+01:00 or 2026-03-10T21:00Z, or a local time like 2026-03-10T22:00`;
    case 'rollgate-date':
      return isInstant(text)
        ? `${q} is an instant, not a date: give the day only, like ${text.slice(0, 10)}`
        : `${q} is not a date: use YYYY-MM-DD, like 2026-06-30`;
    case 'rollgate-date-or-instant':
      return `${q} is not a date or an instant: use YYYY-MM-DD (2026-03-01) or an instant like 2026-03-01T10:00Z`;
    case 'rollgate-expiry':
      return `${q} is not a date or an instant with an offset: use YYYY-MM-DD (2026-03-01) or an instant like 2026-03-01T10:00Z`;
    case 'rollgate-wall-time':
      return `${q} is not a wall time: use HH:MM on a 24-hour clock, quoted, like "22:00"`;
    case 'semver': {
      const trimmed = text.trim();
      if (/^[vV=]/.test(trimmed) && isVersion(trimmed.replace(/^[vV=]+/, ''))) {
        return `${q} is not a semver version: drop the leading '${trimmed[0]}' (${trimmed.replace(/^[vV=]+/, '')})`;
      }
      if (/^\d+(\.\d+)?$/.test(trimmed)) {
        return `${q} is not a semver version: give all three parts MAJOR.MINOR.PATCH, like ${threeParts(trimmed)}`;
      }
      return `${q} is not a semver version: use MAJOR.MINOR.PATCH with an optional -prerelease, like 2.4.0 or 3.0.0-rc.1`;
    }
    case 'semver-range':
      return `${q} is not a version range: use an npm semver range, like ^1.4.0, >=1.4 <2 or 1.x`;
    default:
      return `${q} is not a valid ${format}`;
  }
}

const COMPARISONS: Record<string, string> = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'more than' };

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean (true or false)',
  array: 'a list',
  object: 'a mapping (key: value)',
  null: 'empty (null)',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function typeMessage(expected: string | string[], data: unknown, schema: AnySchemaObject): string {
  const types = Array.isArray(expected) ? expected : [expected];
  const base = `must be ${orList(types.map(typeName), 'or')}, got ${describe(data)}`;
  if (types.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    if (schema.format === 'semver' && typeof data === 'number') {
      return `${base} (YAML read the version as a number: quote it, like "${threeParts(String(data))}")`;
    }
    if (schema.format === 'rollgate-duration' && typeof data === 'number') {
      return `${base} (a duration needs a unit: w d h m s, like ${data}m)`;
    }
    return `${base} (quote it: "${String(data)}")`;
  }
  if (typeof data === 'string') {
    const trimmed = data.trim();
    if (types.includes('boolean') && /^(true|false)$/i.test(trimmed)) return `${base} (remove the quotes: ${trimmed.toLowerCase()})`;
    if (types.includes('boolean') && /^(yes|no|on|off|y|n)$/i.test(trimmed)) return `${base} (use true or false)`;
    if ((types.includes('number') || types.includes('integer')) && trimmed !== '' && Number.isFinite(Number(trimmed))) {
      return `${base} (remove the quotes: ${trimmed})`;
    }
    if (types.includes('array')) return `${base} (write a list: [${data}])`;
  }
  if (types.includes('integer') && typeof data === 'number') return `must be a whole number, got ${data}`;
  return base;
}

function describe(data: unknown): string {
  if (data === null || data === undefined) return 'an empty value';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (typeof data === 'string') return `string ${JSON.stringify(truncate(data))}`;
  return `${typeof data} ${String(data)}`;
}

/** The offending text in single quotes, one line, shortened. */
function quoteValue(data: unknown): string {
  if (typeof data === 'string') return `'${truncate(data).replace(/\n/g, '\\n')}'`;
  if (data === null || data === undefined) return 'an empty value';
  if (typeof data === 'object') return JSON.stringify(data).length > 60 ? Array.isArray(data) ? 'a list' : 'a mapping' : JSON.stringify(data);
  return String(data);
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function threeParts(text: string): string {
  const parts = text.split('.');
  while (parts.length < 3) parts.push('0');
  return parts.join('.');
}

function orList(items: string[], word: 'or' | 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]!}`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** The allowed name closest to a misspelt one (edit distance ≤ 2, or a case difference). */
function closest(key: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.min(2, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** By path segment (numbers numerically), then key: stable, readable order. */
function compareProblems(a: SchemaProblem, b: SchemaProblem): number {
  const as = a.path.split('/');
  const bs = b.path.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i]!;
    const y = bs[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  if (as.length !== bs.length) return as.length - bs.length;
  const ka = a.key ?? '';
  const kb = b.key ?? '';
  return ka < kb ? -1 : ka > kb ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
