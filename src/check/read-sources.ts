import { readFileSync, statSync } from 'node:fs';
import type { PendingFinding } from '../findings/pending.js';
import type { Source } from '../load/discover.js';
import { ioMessage } from '../load/discover.js';
import { parseFile, type ParsedDocument } from '../load/parse.js';

const START = { line: 1, column: 1, endLine: 1, endColumn: 1 };
/**
 * Larger files are refused with a finding instead of being parsed: YAML with positions costs
 * about 14 times the file's size in memory, and no hand-written catalogue file gets near this.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Read and parse every source. A file that cannot be read or decoded is a finding on that file
 * (the others are still checked); it never stops the run.
 */
export async function readSources(
  sources: Source[],
  readStdin: () => Promise<string>,
): Promise<{ documents: ParsedDocument[]; findings: PendingFinding[]; texts: Map<string, string> }> {
  const documents: ParsedDocument[] = [];
  const findings: PendingFinding[] = [];
  const texts = new Map<string, string>();
  for (const source of sources) {
    let text: string;
    try {
      text = source.absolute === undefined ? await readStdin() : decode(readBounded(source.absolute));
    } catch (err) {
      findings.push({
        ruleId: 'input/yaml-syntax',
        message: `cannot read ${source.display}: ${err instanceof DecodeError ? err.message : ioMessage(err)}`,
        target: { file: source.display, region: START },
      });
      continue;
    }
    texts.set(source.display, text);
    const parsed = parseFile(source.display, text);
    documents.push(...parsed.documents);
    for (const p of parsed.problems) findings.push({ ruleId: p.ruleId, message: p.message, target: { file: p.file, region: p.region } });
  }
  return { documents, findings, texts };
}

class DecodeError extends Error {}

/**
 * Synchronous on purpose: files are read one after the other anyway, and the async API costs four
 * thread-pool round trips per file (a third of the run on a catalogue of 1,000 small files).
 */
function readBounded(file: string): Uint8Array {
  const { size } = statSync(file);
  if (size > MAX_FILE_BYTES) {
    const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
    throw new DecodeError(`it is ${mib(size)}, more than the ${mib(MAX_FILE_BYTES)} rollgate reads from one file; split it into several files`);
  }
  return readFileSync(file);
}

function decode(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new DecodeError('it is a binary file (it contains NUL bytes), not YAML');
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DecodeError('it is not valid UTF-8 text; save it as UTF-8');
  }
}
