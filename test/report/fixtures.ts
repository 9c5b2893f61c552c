import type { Finding } from '../../src/findings/finding.js';
import type { Report } from '../../src/findings/report.js';
import type { RuleInfo } from '../../src/policy/catalogue.js';

/** A small catalogue: one rule per severity, one with parameters, one that finds nothing. */
export const RULES: RuleInfo[] = [
  {
    id: 'approvals/required',
    severity: 'error',
    title: 'Plans carry the required approvals',
    description: 'A plan must be approved by every group in requiredApprovals before it may start.',
    parameters: [
      {
        name: 'requiredApprovals',
        type: 'string-list',
        default: ['engineering', 'change-manager'],
        description: 'Groups that must each approve a plan.',
      },
    ],
  },
  {
    id: 'calendar/implicit-timezone',
    severity: 'note',
    title: 'Calendars name their timezone',
    description: 'A calendar without spec.timezone is read as UTC, which is rarely what its authors meant.',
    parameters: [],
  },
  {
    id: 'readiness/missing-runbook',
    severity: 'warning',
    title: 'Rollbacks link a runbook',
    description: 'A rollback section must link the runbook an on-call engineer follows.',
    parameters: [],
  },
  {
    id: 'readiness/stale-backup',
    severity: 'warning',
    title: 'Backups are fresh',
    description: 'The last backup of every stateful service must be younger than maxBackupAge | when the plan starts.',
    parameters: [
      { name: 'maxBackupAge', type: 'duration', default: '48h', description: 'Oldest acceptable backup.' },
    ],
  },
  {
    id: 'window/freeze-conflict',
    severity: 'error',
    title: 'Steps avoid change freezes',
    description: 'No step of a plan may run during a freeze of the change calendar.',
    parameters: [],
    examples: {
      fails: 'spec:\n  window: {start: "2026-03-13T22:00", end: "2026-03-13T23:10"}\n',
      passes: 'spec:\n  window: {start: "2026-03-20T22:00", end: "2026-03-20T23:10"}\n',
    },
  },
  {
    id: 'window/plan-overlap',
    severity: 'warning',
    title: 'Plans touching one service do not overlap',
    description: 'Two plans that deploy the same service or its dependencies must not run at the same time.',
    parameters: [],
  },
];

export const LEDGER = [
  'apiVersion: rollgate.dev/v1',
  'kind: RolloutPlan',
  'metadata:',
  '  name: ledger-1-7',
  'spec:',
  '  approvals: [engineering]',
  '  window:',
  '    start: 2026-03-13T22:00',
  '    end: 2026-03-13T23:10',
  '    timezone: Europe/Berlin',
  '  steps:',
  '    - service: ledger',
  '      version: 1.7.0',
  '      duration: 70m',
  '    - service: payments',
  '      version: 4.2.1',
  '      duration: 20m',
  '      dependsOn: [ledger]',
  '  rollback:',
  '    strategy: redeploy',
  '    steps:',
  '      - service: payments',
  '  verification:',
  '    ticket: ""',
  '',
].join('\n');

export const CALENDAR = [
  'apiVersion: rollgate.dev/v1',
  'kind: ChangeCalendar',
  'metadata:',
  '  name: ops',
  'spec:',
  '  windows:',
  '    - name: weeknights',
  '      days: [Mon, Tue, Wed, Thu]',
  '      start: "20:00"',
  '      end: "23:59"',
  '  freezes:',
  '    - name: year-end',
  '      start: 2025-12-20',
  '      end: 2026-01-05',
  '    - name: spring-freeze',
  '      start: 2026-03-13',
  '      end: 2026-03-16',
  '',
].join('\r\n'); // CRLF on purpose: the text reporter must not print stray carriage returns

const plan = { kind: 'RolloutPlan', name: 'ledger-1-7' };

/** Deliberately out of order: every reporter sorts. */
export const FINDINGS: Finding[] = [
  {
    ruleId: 'org/change-ticket',
    severity: 'note',
    message: 'Ticket is empty: set spec.verification.ticket to the change ticket (e.g. "CHG-1234").',
    file: 'plans/ledger.yaml',
    line: 24,
    column: 13,
    endLine: 24,
    endColumn: 15,
    path: '/spec/verification/ticket',
    document: plan,
  },
  {
    ruleId: 'window/plan-overlap',
    severity: 'warning',
    message: "Step 'ledger' (22:00-23:10 Europe/Berlin) overlaps plan 'payments-4-2', which also deploys payments → ledger.",
    file: 'plans/ledger.yaml',
    line: 12,
    column: 5,
    endLine: 12,
    endColumn: 22,
    path: '/spec/steps/0',
    document: plan,
    related: [
      { file: 'plans/payments.yaml', line: 9, column: 5, endLine: 9, endColumn: 24, message: "step 'payments' of plan 'payments-4-2'" },
      { file: 'plans/payments.yaml', line: 3, column: 9, endLine: 3, endColumn: 21, message: "plan 'payments-4-2'" },
    ],
  },
  {
    ruleId: 'window/freeze-conflict',
    severity: 'error',
    message: "Step 'ledger' (22:00-23:10 Europe/Berlin, 13 Mar) falls in freeze 'spring-freeze'; move the window after 16 Mar or get a waiver.",
    file: 'plans/ledger.yaml',
    line: 12,
    column: 5,
    endLine: 12,
    endColumn: 22,
    path: '/spec/steps/0',
    document: plan,
    related: [{ file: 'calendar.yaml', line: 15, column: 13, endLine: 15, endColumn: 26, message: "freeze 'spring-freeze'" }],
  },
  {
    ruleId: 'readiness/missing-runbook',
    severity: 'warning',
    message: "Rollback of plan 'ledger-1-7' links no runbook; add spec.rollback.runbook so on-call knows what to do.",
    file: 'plans/ledger.yaml',
    line: 19,
    column: 3,
    endLine: 22,
    endColumn: 27,
    path: '/spec/rollback',
    document: plan,
  },
  {
    ruleId: 'approvals/required',
    severity: 'error',
    message: "Plan 'ledger-1-7' is approved by [engineering] but needs [engineering, change-manager]; ask a change manager to approve.",
    file: 'plans/ledger.yaml',
    line: 6,
    column: 3,
    endLine: 6,
    endColumn: 12,
    path: '/spec/approvals',
    document: plan,
  },
  {
    ruleId: 'calendar/implicit-timezone',
    severity: 'note',
    message: "Calendar 'ops' sets no timezone, so its times are read as UTC; set spec.timezone (e.g. Europe/Berlin).",
    file: 'calendar.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 28,
    path: '',
    document: { kind: 'ChangeCalendar', name: 'ops' },
  },
];

export function sampleReport(): Report {
  return {
    tool: { name: 'rollgate', version: '1.0.0' },
    summary: { files: 3, documents: 3, errors: 2, warnings: 2, notes: 2, suppressed: 0 },
    findings: FINDINGS.map((f) => structuredClone(f)),
    rules: RULES.map((r) => structuredClone(r)),
    sources: new Map([
      ['plans/ledger.yaml', LEDGER],
      ['calendar.yaml', CALENDAR],
    ]),
    executionSuccessful: true,
  };
}

export function emptyReport(): Report {
  return {
    tool: { name: 'rollgate', version: '1.0.0' },
    summary: { files: 2, documents: 5, errors: 0, warnings: 0, notes: 0, suppressed: 0 },
    findings: [],
    rules: RULES.map((r) => structuredClone(r)),
    sources: new Map(),
    executionSuccessful: true,
  };
}

/**
 * The sample report with the first error waived in the config file: reporters show it as
 * suppressed (JSON `suppressed`, SARIF `suppressions`, text only a count line).
 */
export function suppressedReport(): Report {
  return waive(sampleReport(), 1);
}

/** The sample report with every error waived: the gate passes on errors. */
export function allErrorsWaivedReport(): Report {
  return waive(sampleReport(), Infinity);
}

function waive(report: Report, errors: number): Report {
  let left = errors;
  report.findings = report.findings.map((f) => {
    if (f.severity !== 'error' || left <= 0) return f;
    left--;
    return { ...f, suppressed: { reason: 'PCI deadline agreed with the CAB', approvedBy: 'vp-eng', expires: '2026-12-31' } };
  });
  const waived = report.findings.filter((f) => f.suppressed).length;
  report.summary = { ...report.summary, errors: report.summary.errors - waived, suppressed: waived };
  return report;
}
