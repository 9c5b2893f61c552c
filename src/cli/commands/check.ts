import path from 'node:path';
import { check } from '../../check/check.js';
import { allRules, mergeCatalogues } from '../../check/check.js';
import { InputDump } from '../../check/dump-input.js';
import { parseParamFlags } from '../../check/params.js';
import { timerFromEnv } from '../../check/timings.js';
import { effectiveConfig, paramOverrides, validateAgainstRules, type FailOn } from '../../config/effective.js';
import { printConfig } from '../../config/print-config.js';
import { ToolError, describeThrown } from '../../errors.js';
import { SEVERITY_RANK, type Severity } from '../../findings/finding.js';
import type { Report } from '../../findings/report.js';
import { loadExtraPolicy } from '../../policy/extra.js';
import { defaultBundleDir, loadBundle } from '../../policy/runtime.js';
import { markdownReporter, reporters } from '../../report/index.js';
import { useColor } from '../color.js';
import { parseFormatFlags } from '../formats.js';
import type { CliIO } from '../io.js';
import { parseNow } from '../now.js';
import { VERSION } from '../version.js';

export interface CheckFlags {
  format: string[];
  failOn?: string;
  now?: string;
  param: string[];
  policy: string[];
  config?: string;
  waivers: boolean;
  printConfig?: boolean;
  quiet?: boolean;
  color: boolean;
}

/** `rollgate check`: returns the exit code (0 clean, 1 findings at or above --fail-on). */
export async function runCheck(paths: string[], flags: CheckFlags, io: CliIO): Promise<number> {
  const outputs = parseFormatFlags(flags.format);
  const config = effectiveConfig(
    { config: flags.config, failOn: flags.failOn, now: flags.now, param: parseParamFlags(flags.param), policy: flags.policy, waivers: flags.waivers },
    io.env,
    io.cwd,
  );
  const nowEpoch = parseNow(config.now?.value, io.clock);
  const timer = timerFromEnv(io.env);
  const bundle = await loadBundle(io.env.ROLLGATE_BUNDLE ? path.resolve(io.cwd, io.env.ROLLGATE_BUNDLE) : defaultBundleDir());
  const memoryCap = io.env.ROLLGATE_POLICY_MEMORY_MB;
  if (memoryCap) {
    if (!/^[1-9]\d*$/.test(memoryCap)) throw new ToolError('usage', `ROLLGATE_POLICY_MEMORY_MB takes a whole number of MiB; got '${memoryCap}'`);
    bundle.maxMemoryMiB = Number(memoryCap);
  }
  const extraBundles = [];
  for (const p of config.policies) extraBundles.push(await loadExtraPolicy(p.value, io.env, io.cwd));
  const rules = allRules(mergeCatalogues([bundle, ...extraBundles]));
  validateAgainstRules(config, rules);

  if (flags.printConfig) {
    io.stdout(printConfig(config, rules, io.cwd));
    return 0;
  }

  const report = await check({
    paths: paths.length > 0 ? paths : ['.'],
    cwd: io.cwd,
    nowEpoch,
    paramOverrides: paramOverrides(config),
    bundle,
    extraBundles,
    ruleSettings: new Map([...config.rules].map(([id, v]) => [id, v.value])),
    waivers: config.waivers,
    ...(config.file ? { configFile: { absolute: config.file.absolute, display: config.file.display, source: config.file.source } } : {}),
    readStdin: io.readStdin,
    version: VERSION,
    timer,
    dump: io.env.ROLLGATE_DUMP_INPUT ? new InputDump(path.resolve(io.cwd, io.env.ROLLGATE_DUMP_INPUT)) : undefined,
  });

  const shown: Report = flags.quiet ? { ...report, findings: report.findings.filter((f) => f.severity === 'error') } : report;
  for (const out of outputs) {
    const color = out.file === undefined && useColor(flags.color, io.isTTY, io.env);
    const text = reporters[out.format](shown, { color, failOn: config.failOn.value });
    if (out.file === undefined) io.stdout(text);
    else {
      try {
        await io.writeFile(path.resolve(io.cwd, out.file), text);
      } catch (err) {
        throw new ToolError('io', `cannot write ${out.format} report to '${out.file}': ${describeThrown(err)}`);
      }
    }
  }
  // In GitHub Actions the github format also writes the review to the job's summary page.
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && outputs.some((o) => o.format === 'github')) {
    try {
      await io.appendFile(summaryFile, markdownReporter(shown, { color: false, failOn: config.failOn.value }));
    } catch (err) {
      throw new ToolError('io', `cannot append the step summary to GITHUB_STEP_SUMMARY '${summaryFile}': ${describeThrown(err)}`);
    }
  }
  if (timer) {
    timer.mark('report');
    io.stderr(`${timer.toJson()}\n`);
  }
  return failed(report, config.failOn.value) ? 1 : 0;
}

/** Suppressed (waived) findings never fail the gate. */
function failed(report: Report, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const threshold = SEVERITY_RANK[failOn as Severity];
  return report.findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] >= threshold);
}
