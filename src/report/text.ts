import { Chalk, type ChalkInstance } from 'chalk';
import { compareFindings, type Finding, type Severity } from '../findings/finding.js';
import type { Report, ReporterOptions } from '../findings/report.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function severityColor(c: ChalkInstance, s: Severity): ChalkInstance {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.blue;
}

/** Source lines of a file (1-based access), or undefined when the reporter was not given the text. */
function lineOf(lines: string[] | undefined, line: number): string | undefined {
  if (!lines || line < 1 || line > lines.length) return undefined;
  return lines[line - 1];
}

/**
 * The offending line and a caret underline under [column, endColumn) (to the end of the line
 * when the range spans lines). Tabs before the range are kept so the carets line up.
 */
function snippet(c: ChalkInstance, f: Finding, text: string, gutterWidth: number): string[] {
  const start = Math.min(Math.max(1, f.column), text.length + 1);
  const stop = f.endLine === f.line ? Math.min(f.endColumn, text.length + 1) : text.length + 1;
  const width = Math.max(1, stop - start);
  const pad = text.slice(0, start - 1).replace(/[^\t]/g, ' ');
  const gutter = String(f.line).padStart(gutterWidth);
  return [
    `    ${c.dim(`${gutter} |`)} ${text}`.trimEnd(),
    `    ${c.dim(`${' '.repeat(gutterWidth)} |`)} ${pad}${severityColor(c, f.severity)('^'.repeat(width))}`,
  ];
}

/**
 * `--format text`: findings grouped by file, each with the offending source line, then a summary.
 * Colours only when options.color (a private Chalk instance, never the global one).
 */
export function textReporter(report: Report, options: ReporterOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  // Suppressed (waived) findings only show in a count line: they are accepted, not to act on.
  const findings = [...report.findings].filter((f) => !f.suppressed).sort(compareFindings);
  const suppressed = report.findings.length - findings.length;
  const out: string[] = [];

  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = byFile.get(f.file);
    if (group) group.push(f);
    else byFile.set(f.file, [f]);
  }

  for (const [file, group] of byFile) {
    const source = report.sources.get(file);
    const lines = source === undefined ? undefined : source.split(/\r?\n/);
    const posWidth = Math.max(...group.map((f) => `${f.line}:${f.column}`.length));
    const sevWidth = Math.max(...group.map((f) => f.severity.length));
    const gutterWidth = Math.max(...group.map((f) => String(f.line).length));
    out.push(c.underline(file));
    for (const f of group) {
      const pos = `${f.line}:${f.column}`.padEnd(posWidth);
      const sev = severityColor(c, f.severity)(f.severity.padEnd(sevWidth));
      out.push(`  ${c.dim(pos)}  ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
      const text = lineOf(lines, f.line);
      if (text !== undefined) out.push(...snippet(c, f, text, gutterWidth));
      for (const r of f.related ?? []) {
        out.push(`    ${c.cyan('↳')} ${r.file}:${r.line}:${r.column} ${r.message}`);
      }
    }
    out.push('');
  }

  if (findings.length === 0) {
    const { files, documents } = report.summary;
    out.push(c.green(`✔ no problems in ${plural(files, 'file')} (${plural(documents, 'document')})`));
  } else {
    const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
    const errors = count('error');
    const paint = errors > 0 ? c.red.bold : count('warning') > 0 ? c.yellow.bold : c.bold;
    out.push(
      paint(
        `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(count('warning'), 'warning')}, ` +
          `${plural(count('note'), 'note')}) in ${plural(byFile.size, 'file')}`,
      ),
    );
  }
  if (suppressed > 0) out.push(c.dim(`${plural(suppressed, 'finding')} suppressed by waivers in the config file (--no-waivers shows them)`));
  return out.join('\n') + '\n';
}
