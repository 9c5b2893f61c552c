import { ToolError } from '../errors.js';
import { isFormatName, reporters, type FormatName } from '../report/index.js';

/** One `-f NAME[=FILE]` request: where a format goes (stdout when no file). */
export interface OutputRequest {
  format: FormatName;
  file?: string;
}

export function parseFormatFlags(flags: string[]): OutputRequest[] {
  const requests = (flags.length === 0 ? ['text'] : flags).map((flag): OutputRequest => {
    const eq = flag.indexOf('=');
    const name = eq === -1 ? flag : flag.slice(0, eq);
    const file = eq === -1 ? undefined : flag.slice(eq + 1);
    if (!isFormatName(name)) {
      throw new ToolError('usage', `unknown format '${name}' (available: ${Object.keys(reporters).sort().join(', ')})`);
    }
    if (file === '') throw new ToolError('usage', `-f ${name}= needs a file name after '='`);
    return file === undefined ? { format: name } : { format: name, file };
  });
  if (requests.filter((r) => r.file === undefined).length > 1) {
    throw new ToolError('usage', 'only one format can go to standard output: write the others to files with -f NAME=FILE');
  }
  return requests;
}
