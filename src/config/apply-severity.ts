import type { Finding } from '../findings/finding.js';
import type { RuleSetting } from './config-file.js';

/**
 * Per-rule severity from the config: `off` drops the rule's findings, a severity replaces the
 * one the rule chose (also a rule's per-finding choice, such as error for tier-1 only).
 */
export function applySeverity(findings: Finding[], settings: Map<string, RuleSetting>): Finding[] {
  if (settings.size === 0) return findings;
  return findings.flatMap((f) => {
    const setting = settings.get(f.ruleId);
    if (setting === undefined) return [f];
    if (setting === 'off') return [];
    return [{ ...f, severity: setting }];
  });
}
