import path from 'node:path';
import { check } from '../../check/check.js';
import { InputDump } from '../../check/dump-input.js';
import { parseParamFlags } from '../../check/params.js';
import { timerFromEnv } from '../../check/timings.js';
import { ToolError, describeThrown } from '../../errors.js';
import { SEVERITY_RANK, type Severity } from '../../findings/finding.js';
import type { Report } from '../../findings/report.js';
import { defaultBundleDir, loadBundle } from '../../policy/runtime.js';
import { reporters } from '../../report/index.js';
import { useColor } from '../color.js';
import { parseFormatFlags } from '../formats.js';
import type { CliIO } from '../io.js';
import { parseNow } from '../now.js';
import { VERSION } from '../version.js';

export interface CheckFlags {
  format: string[];
  failOn: string;
  now?: string;
  param: string[];
  quiet?: boolean;
  color: boolean;
}

const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;

/** `rollgate check`: returns the exit code (0 clean, 1 findings at or above --fail-on). */
export async function runCheck(paths: string[], flags: CheckFlags, io: CliIO): Promise<number> {
  if (!(FAIL_ON as readonly string[]).includes(flags.failOn)) {
    throw new ToolError('usage', `--fail-on takes ${FAIL_ON.join(', ')}; got '${flags.failOn}'`);
  }
  const outputs = parseFormatFlags(flags.format);
  const nowEpoch = parseNow(flags.now, io.clock);
  const timer = timerFromEnv(io.env);
  const bundle = await loadBundle(io.env.ROLLGATE_BUNDLE ? path.resolve(io.cwd, io.env.ROLLGATE_BUNDLE) : defaultBundleDir());
  const memoryCap = io.env.ROLLGATE_POLICY_MEMORY_MB;
  if (memoryCap) {
    if (!/^[1-9]\d*$/.test(memoryCap)) throw new ToolError('usage', `ROLLGATE_POLICY_MEMORY_MB takes a whole number of MiB; got '${memoryCap}'`);
    bundle.maxMemoryMiB = Number(memoryCap);
  }
  const report = await check({
    paths: paths.length > 0 ? paths : ['.'],
    cwd: io.cwd,
    nowEpoch,
    paramOverrides: parseParamFlags(flags.param),
    bundle,
    readStdin: io.readStdin,
    version: VERSION,
    timer,
    dump: io.env.ROLLGATE_DUMP_INPUT ? new InputDump(path.resolve(io.cwd, io.env.ROLLGATE_DUMP_INPUT)) : undefined,
  });

  const shown: Report = flags.quiet ? { ...report, findings: report.findings.filter((f) => f.severity === 'error') } : report;
  for (const out of outputs) {
    const color = out.file === undefined && useColor(flags.color, io.isTTY, io.env);
    const text = reporters[out.format](shown, { color });
    if (out.file === undefined) io.stdout(text);
    else {
      try {
        await io.writeFile(path.resolve(io.cwd, out.file), text);
      } catch (err) {
        throw new ToolError('io', `cannot write ${out.format} report to '${out.file}': ${describeThrown(err)}`);
      }
    }
  }
  if (timer) {
    timer.mark('report');
    io.stderr(`${timer.toJson()}\n`);
  }
  return failed(report, flags.failOn as (typeof FAIL_ON)[number]) ? 1 : 0;
}

function failed(report: Report, failOn: (typeof FAIL_ON)[number]): boolean {
  if (failOn === 'none') return false;
  const threshold = SEVERITY_RANK[failOn as Severity];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold);
}
