import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { regionOf, type Region } from './locate.js';

export const API_VERSION = 'rollgate.dev/v1';

/** A YAML document of ours (apiVersion rollgate.dev/v1), with what is needed to locate paths in it. */
export interface ParsedDocument {
  file: string;
  /** 0-based position of the document in its file. */
  index: number;
  kind: unknown;
  value: Record<string, unknown>;
  /** The YAML tree, rebuilt from `source` on first use (see lazyDocument). */
  readonly yaml: Document;
  readonly lineCounter: LineCounter;
  source: string;
}

/** A problem found while reading a file, before any schema: becomes an `input/*` finding. */
export interface ParseProblem {
  ruleId: 'input/yaml-syntax' | 'input/duplicate-key';
  file: string;
  message: string;
  region: Region;
}

// logLevel error: yaml's warnings (e.g. a mapping used as a key) would go to stderr through
// process.emitWarning; the schema reports such documents instead.
const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

/** Aliases a document may expand before it is treated as a YAML bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 1000;

/**
 * Parse one file's text into our documents. YAML errors become problems with positions; documents
 * of other apiVersions (and empty ones) are skipped quietly, as FORMAT.md says.
 */
export function parseFile(file: string, source: string): { documents: ParsedDocument[]; problems: ParseProblem[] } {
  const lineCounter = new LineCounter();
  const documents: ParsedDocument[] = [];
  const problems: ParseProblem[] = [];
  const docs = parseAllDocuments(source, { ...PARSE_OPTIONS, lineCounter });
  const reparse = reparser(source);
  const list: Document[] = Array.isArray(docs) ? docs : [];

  list.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      // Only the first syntax error of a document: the ones after it are mostly its echoes.
      let syntaxReported = false;
      for (const err of doc.errors) {
        if (err.code === 'DUPLICATE_KEY') {
          // yaml marks one character; cover the whole repeated key.
          const key = keyAt(source, err.pos[0]);
          problems.push({
            ruleId: 'input/duplicate-key',
            file,
            message: `mapping key '${key}' appears more than once: YAML keeps only one of the values, so the other is silently lost; remove or rename the duplicate`,
            region: regionOf(lineCounter, err.pos[0], err.pos[0] + Math.max(key.length, 1)),
          });
          continue;
        }
        if (syntaxReported) continue;
        syntaxReported = true;
        problems.push({
          ruleId: 'input/yaml-syntax',
          file,
          message: syntaxMessage(err.message),
          region: regionOf(lineCounter, err.pos[0], err.pos[1]),
        });
      }
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      // yaml throws a ReferenceError when aliases expand past maxAliasCount, or name no anchor.
      const start = (doc.contents?.range?.[0] ?? 0) as number;
      const text = err instanceof Error ? err.message : String(err);
      problems.push({
        ruleId: 'input/yaml-syntax',
        file,
        message: /excessive alias/i.test(text)
          ? `document ${index + 1} expands too many aliases (over ${MAX_ALIAS_COUNT}): refusing it as a possible YAML bomb; write the values out or use fewer anchors`
          : `invalid YAML in document ${index + 1}: ${text.split('\n')[0]}`,
        region: regionOf(lineCounter, start, start),
      });
      return;
    }
    if (!isRecord(value) || value.apiVersion !== API_VERSION) return;
    documents.push(
      value.kind === 'Service'
        ? lazyDocument(file, index, value, source, reparse)
        : { file, index, kind: value.kind, value, yaml: doc, lineCounter, source },
    );
  });
  return { documents, problems };
}

/**
 * The YAML tree is only needed to locate findings. Services are most of a large catalogue and
 * few of them get findings, so their tree (about 14 times the text in memory) is dropped after
 * parsing and rebuilt, once per file, on demand: same text and options, so the same tree and
 * ranges. Plans and calendars keep theirs: most plans get findings, and rebuilding all of them
 * cost more time (a third of a 5,000-service run) than it saved in memory.
 */
function lazyDocument(file: string, index: number, value: Record<string, unknown>, source: string, reparse: () => Reparsed): ParsedDocument {
  return {
    file,
    index,
    kind: value.kind,
    value,
    source,
    get yaml() {
      return reparse().docs[index]!;
    },
    get lineCounter() {
      return reparse().lineCounter;
    },
  };
}

interface Reparsed {
  docs: Document[];
  lineCounter: LineCounter;
}

function reparser(source: string): () => Reparsed {
  let cached: Reparsed | undefined;
  return () => {
    if (!cached) {
      const lineCounter = new LineCounter();
      const docs = parseAllDocuments(source, { ...PARSE_OPTIONS, lineCounter });
      cached = { docs: Array.isArray(docs) ? docs : [], lineCounter };
    }
    return cached;
  };
}

/** The text of a plain or quoted key starting at `offset` (up to its ':'). */
function keyAt(source: string, offset: number): string {
  const line = source.slice(offset, source.indexOf('\n', offset) === -1 ? undefined : source.indexOf('\n', offset));
  return (/^("[^"]*"|'[^']*'|[^:]*)/.exec(line)?.[1] ?? '').trim();
}

/** yaml's messages carry a trailing code excerpt after a colon and newline; keep one line. */
function syntaxMessage(message: string): string {
  if (/maximum call stack/i.test(message)) {
    return 'invalid YAML: the document is nested too deeply to read (rollgate documents need only a few levels)';
  }
  const firstLine = message.split('\n')[0] ?? message;
  return `invalid YAML: ${firstLine.replace(/\s+at line \d+, column \d+:?\s*$/, '')}`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
