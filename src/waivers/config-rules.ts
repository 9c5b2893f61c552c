import type { RuleInfo } from '../policy/catalogue.js';

/**
 * The config/* rules: problems of the configuration's waivers, produced in TypeScript (like
 * input/*) and located at the waiver in the config file.
 */
export const CONFIG_RULES: RuleInfo[] = [
  {
    id: 'config/expired-waiver',
    severity: 'warning',
    title: 'Waiver has expired',
    description:
      'A waiver in the config file is past its `expires` date (relative to --now), so it no longer suppresses anything: the findings it covered are reported and fail the gate again. Renew it with a new expiry and approval, or fix what it waived and remove it.',
    parameters: [],
    examples: {
      fails: 'waivers:\n  - rule: window/freeze-conflict\n    plan: payments-hotfix\n    reason: PCI deadline agreed with the CAB\n    approvedBy: vp-eng\n    expires: 2026-01-31\n',
      passes: 'waivers:\n  - rule: window/freeze-conflict\n    plan: payments-hotfix\n    reason: PCI deadline agreed with the CAB\n    approvedBy: vp-eng\n    expires: 2026-12-31\n',
    },
  },
  {
    id: 'config/unused-waiver',
    severity: 'warning',
    title: 'Waiver matches no finding',
    description:
      'A waiver in the config file matched no finding: what it waived was fixed, or its rule, plan or file does not match what it was meant to. Remove it (a stale waiver would silently hide the next problem of that kind), or correct it.',
    parameters: [],
    examples: {
      fails: 'waivers:\n  - rule: window/freeze-conflict\n    plan: plan-that-no-longer-exists\n    reason: PCI deadline\n    expires: 2026-12-31\n',
      passes: 'waivers: []\n',
    },
  },
];
