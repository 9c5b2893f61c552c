import path from 'node:path';
import type { Waiver } from '../config/config-file.js';
import type { Finding } from '../findings/finding.js';
import type { PendingFinding } from '../findings/pending.js';
import { globToRegExp } from './glob.js';

/** Where the waivers came from: needed to match `file` globs and to locate config/* findings. */
export interface WaiverContext {
  /** The config file, absolute and as displayed. */
  configAbsolute: string;
  configDisplay: string;
  cwd: string;
  nowEpoch: number;
}

function describe(w: Waiver): string {
  const scope = [w.plan !== undefined ? `plan '${w.plan}'` : '', w.file !== undefined ? `files '${w.file}'` : ''].filter(Boolean).join(' and ');
  return `waiver #${w.index + 1} (${w.rule} on ${scope})`;
}

function matches(w: Waiver, f: Finding, ctx: WaiverContext): boolean {
  if (w.rule !== f.ruleId) return false;
  if (w.plan !== undefined && !(f.document?.kind === 'RolloutPlan' && f.document.name === w.plan)) return false;
  if (w.file !== undefined) {
    // Globs are relative to the config file's folder, like `policies:`; findings are relative to cwd.
    const rel = path.relative(path.dirname(ctx.configAbsolute), path.resolve(ctx.cwd, f.file)).split(path.sep).join('/');
    if (!globToRegExp(w.file).test(rel)) return false;
  }
  return true;
}

/**
 * Mark findings covered by a live waiver as suppressed (they stay in the report, but do not count
 * and do not fail the gate), and report expired waivers and waivers that matched nothing as
 * config/* findings at the waiver. An expired waiver suppresses nothing.
 */
export function applyWaivers(findings: Finding[], waivers: Waiver[], ctx: WaiverContext): { findings: Finding[]; problems: PendingFinding[] } {
  const used = new Set<Waiver>();
  const out = findings.map((f) => {
    const matching = waivers.filter((w) => matches(w, f, ctx));
    for (const w of matching) used.add(w);
    const waiver = matching.find((w) => w.expiresEpoch > ctx.nowEpoch);
    if (!waiver) return f;
    return {
      ...f,
      suppressed: { reason: waiver.reason, ...(waiver.approvedBy !== undefined ? { approvedBy: waiver.approvedBy } : {}), expires: waiver.expires },
    };
  });
  const problems: PendingFinding[] = [];
  const target = (w: Waiver) => ({ file: ctx.configDisplay, region: w.region });
  for (const w of waivers) {
    if (w.expiresEpoch <= ctx.nowEpoch) {
      const covered = out.filter((f) => matches(w, f, ctx)).length;
      problems.push({
        ruleId: 'config/expired-waiver',
        message:
          `${describe(w)} has expired (expires: ${w.expires}; reason was: ${w.reason}${w.approvedBy !== undefined ? `, approved by ${w.approvedBy}` : ''}); ` +
          `${covered === 0 ? 'it matches no finding any more' : `the ${covered === 1 ? 'finding' : `${covered} findings`} it covered ${covered === 1 ? 'is reported and fails' : 'are reported and fail'} the gate again`}: ` +
          'renew it with a new expiry and approval, or fix the finding and remove the waiver',
        target: target(w),
      });
    } else if (!used.has(w)) {
      problems.push({
        ruleId: 'config/unused-waiver',
        message: `${describe(w)} matched no finding: what it waived is fixed, or its rule, plan or file is wrong; remove it so it cannot hide a future problem, or correct it`,
        target: target(w),
      });
    }
  }
  return { findings: out, problems };
}
