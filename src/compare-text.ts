/**
 * Strings in UTF-16 code-unit order: the same on every machine and locale (localeCompare is not),
 * so that sorted output, and with it every report, is byte-identical everywhere.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
