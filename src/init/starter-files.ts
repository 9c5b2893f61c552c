import type { DateTime } from '../time/luxon.js';

const ZONE = 'Europe/Berlin';

/**
 * The starter files of `rollgate init`, dated relative to `now` so they pass `rollgate check` when
 * written: the plan starts on the first Tuesday, Wednesday or Thursday evening (inside the
 * calendar's window) at least a day ahead, approvals and the rollback test are from the day before.
 */
export function starterFiles(now: DateTime): [string, string][] {
  let start = now.setZone(ZONE).plus({ days: 1 }).startOf('day').set({ hour: 20 });
  while (![2, 3, 4].includes(start.weekday) || start <= now.plus({ days: 1 })) start = start.plus({ days: 1 });
  const local = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm");
  const utc = (d: DateTime) => d.toUTC().toFormat("yyyy-MM-dd'T'HH:mm'Z'");
  const approved = now.minus({ hours: 1 });
  const tested = now.minus({ days: 1 });

  const config = `# rollgate configuration: https://rollgate.dev (docs/configuration.md).
# Precedence: command-line flags > ROLLGATE_* environment variables > this file > rule defaults.
# 'rollgate check --print-config' shows the effective values and where each came from.
rules:                          # per-rule severity: error | warning | note | off
  readiness/missing-bake: warning
params:                         # rule parameters ('rollgate rules' lists them with defaults)
  requiredApprovals: [engineering]
  maxApprovalAge: 7d
policies: []                    # your own Rego rules: folders or .wasm files, relative to this file
waivers: []                     # accepted findings: {rule, plan or file, reason, approvedBy, expires}
`;

  const service = `apiVersion: rollgate.dev/v1
kind: Service
metadata:
  name: hello
spec:
  owner: team-hello
  tier: 3
  lifecycle: production
  version: "1.0.0"
  regions: [eu-west-1]
  runbook: https://runbooks.example.com/hello
  oncall: hello-primary
  provides:
    - api: hello-api
      version: "1.0.0"
`;

  const calendar = `apiVersion: rollgate.dev/v1
kind: ChangeCalendar
metadata:
  name: platform
spec:
  timeZone: ${ZONE}
  windows:
    - name: weekday-evenings
      timeZone: ${ZONE}
      weekly:
        - days: [tue, wed, thu]
          start: "20:00"
          duration: 6h
  freezes: []
`;

  const plan = `apiVersion: rollgate.dev/v1
kind: RolloutPlan
metadata:
  name: hello-1-1
spec:
  owner: team-hello
  author: alice
  change: CHG-1
  environment: production
  calendar: platform
  timeZone: ${ZONE}
  start: "${local(start)}"
  end: "${local(start.plus({ hours: 3 }))}"
  overrun: abort
  approvals:
    - role: engineering
      by: bob
      at: "${utc(approved)}"
  steps:
    - id: hello
      service: hello
      to: "1.1.0"
      after: []
      provides:
        - api: hello-api
          version: "1.1.0"
      strategy: canary
      stages:
        - name: canary
          traffic: 5
          bake: 15m
          gates:
            - metric: error_rate
              max: 0.01
              for: 5m
              onNoData: fail
        - name: full
          traffic: 100
          bake: 15m
          gates:
            - metric: error_rate
              max: 0.01
              for: 5m
              onNoData: fail
      rollback:
        automatic: true
        triggers:
          - metric: error_rate
            max: 0.02
            for: 5m
        procedure: https://runbooks.example.com/hello#rollback
        duration: 15m
        testedAt: "${tested.toFormat('yyyy-MM-dd')}"
`;
  return [
    ['.rollgate.yaml', config],
    ['services/hello.yaml', service],
    ['calendar.yaml', calendar],
    ['plans/hello-1-1.yaml', plan],
  ];
}
