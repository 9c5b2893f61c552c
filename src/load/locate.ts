import { isCollection, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A 1-based region in one file. */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Split a JSON pointer ("/spec/steps/0") into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function regionOf(lineCounter: LineCounter, start: number, end: number): Region {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * Resolve a JSON pointer to the most specific place in a parsed YAML document, falling back to
 * the nearest existing parent (as Spectral's getLocationForJsonPath(..., closest) does).
 * A scalar is located at its text; a mapping or sequence at the key that introduces it (or, for a
 * sequence item, its first line), so regions stay on one line where they can. `onKey` asks for the
 * key of the last segment rather than its value (an unknown property is its key's fault).
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  source: string,
  pointer: string,
  onKey = false,
): Region {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of pointerSegments(pointer)) {
    const next = child(node, segment);
    if (!next) break;
    node = next.value;
    keyNode = next.key;
  }
  if (onKey && keyNode?.range) return regionOf(lineCounter, keyNode.range[0], keyNode.range[1]);
  if (isScalar(node) && node.range) return regionOf(lineCounter, node.range[0], node.range[1]);
  if (keyNode?.range) return regionOf(lineCounter, keyNode.range[0], keyNode.range[1]);
  if (isCollection(node) && node.range) return firstLine(lineCounter, source, node.range[0], node.range[1]);
  const contents = doc.contents as Node | null;
  if (contents?.range) return firstLine(lineCounter, source, contents.range[0], contents.range[1]);
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The part of [start, end) on its first line, trailing spaces trimmed. */
function firstLine(lineCounter: LineCounter, source: string, start: number, end: number): Region {
  const newline = source.indexOf('\n', start);
  let stop = newline === -1 || newline > end ? end : newline;
  while (stop > start && /\s/.test(source[stop - 1] ?? '')) stop--;
  return regionOf(lineCounter, start, stop);
}

function child(node: unknown, segment: string): { key?: Node; value: unknown } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = item.key;
      const keyText = isScalar(key) ? String(key.value) : undefined;
      if (keyText === segment) return { key: isScalar(key) ? key : undefined, value: item.value ?? key };
    }
    return undefined;
  }
  if (isSeq(node) && /^\d+$/.test(segment)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}
