import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { schemaFor, validateDocument, type SchemaProblem } from '../src/load/validate.js';

// The FORMAT.md examples, verbatim.
const SERVICE = `
apiVersion: rollgate.dev/v1
kind: Service
metadata:
  name: payments
spec:
  owner: team-payments          # required
  tier: 1
  lifecycle: production         # experimental | production | deprecated (default production)
  version: 2.3.4                # required: version deployed now
  regions: [eu-west-1, us-east-1]   # default: [] (region-agnostic)
  runbook: https://runbooks.example/payments
  oncall: payments-primary
  datastores: [payments-db]     # datastores this service owns (names, free text)
  provides:                     # API contracts implemented by the deployed version
    - api: payments-api         # API name, unique across the catalogue (else graph/multiple-providers)
      version: 2.3.0            # contract version
      deprecated: false
      sunset: 2026-06-30        # optional date after which the API may be removed
  consumes:                     # APIs this service calls, with the versions it accepts
    - api: ledger-api
      versions: "^1.4.0"
  dependsOn: [auth]             # other runtime dependencies by service name (no contract version)
`;

const CALENDAR = `
apiVersion: rollgate.dev/v1
kind: ChangeCalendar
metadata:
  name: platform
spec:
  timeZone: UTC                         # default for entries below
  windows:                              # ALLOW windows (maintenance windows)
    - name: eu-nightly
      timeZone: Europe/Berlin
      scope: {regions: [eu-west-1], tiers: [1, 2]}
      weekly:                           # one or more weekly slots
        - days: [mon, tue, wed, thu]
          start: "22:00"                # local wall time
          duration: 4h                  # may cross midnight
    - name: us-monthly
      timeZone: America/New_York
      scope: {regions: [us-east-1]}
      rrule: "FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1"   # RFC 5545 RRULE (FREQ DAILY/WEEKLY/MONTHLY; BYDAY, BYSETPOS, BYMONTHDAY, INTERVAL, COUNT, UNTIL)
      start: "02:00"
      duration: 6h
    - name: one-off
      start: 2026-03-14T01:00           # one-time window: start + end (or duration)
      end: 2026-03-14T05:00
  freezes:                              # DENY windows (blackouts, code freezes)
    - name: holiday-freeze
      timeZone: America/New_York
      start: 2026-12-15T00:00
      end: 2027-01-05T00:00             # end is exclusive
      scope: {tiers: [1, 2]}
      allowRollback: true               # default true: a freeze never blocks a rollback unless it says so
      exceptions:                       # audited overrides for named plans
        - plan: payments-hotfix
          approvedBy: vp-eng
          reason: "PCI deadline"
`;

const PLAN = `
apiVersion: rollgate.dev/v1
kind: RolloutPlan
metadata:
  name: payments-2-4
spec:
  owner: team-payments                  # required
  author: alice                         # who wrote the plan (approvals by the author do not count)
  change: CHG-1234                      # change ticket, free text
  environment: production               # production | staging | other text
  calendar: platform                    # optional: restrict to one ChangeCalendar
  timeZone: Europe/Berlin               # context for local instants in this plan
  start: 2026-03-10T22:00               # planned start
  end: 2026-03-11T02:00                 # planned end (optional; the window must hold the whole plan)
  overrun: abort                        # abort | pause | continue: what happens if the plan runs past \`end\`
  approvals:
    - role: engineering                 # role names are free text; which are required is policy config
      by: bob
      at: 2026-03-08T10:00Z
  readiness:
    runbook: https://runbooks.example/payments-2-4
    oncall: payments-primary
    backups:
      - datastore: payments-db
        verifiedAt: 2026-03-10T20:00Z   # backup taken and restore-verified
    canaryResults:
      - service: payments
        version: 2.4.0
        environment: staging
        passed: true
        at: 2026-03-09T12:00Z
  steps:                                # the change, as a DAG of steps
    - id: ledger                        # unique within the plan
      service: ledger                   # a Service name
      to: 2.0.0                         # target version; \`from\` is the Service's spec.version
      after: []                         # step ids that must finish first
      regions: [eu-west-1]              # default: all of the service's regions, rolled one after another
      provides:                         # contract versions the NEW version implements; omitted = unchanged
        - api: ledger-api
          version: 2.0.0
      consumes:                         # API needs of the NEW version; omitted = unchanged
        - api: auth-api
          versions: "^3.0.0"
      strategy: canary                  # canary | blueGreen | rolling | recreate
      stages:                           # progressive exposure, in order
        - name: canary
          traffic: 5                    # percent of traffic on the new version after this stage
          bake: 30m                     # how long the stage is observed
          gates:                        # automated health gates evaluated during the bake
            - metric: error_rate
              max: 0.01                 # threshold: \`max\` and/or \`min\`
              for: 5m                   # must hold over this window
              onNoData: fail            # fail | pass | ignore  (pass/ignore on a gate is risky)
        - name: full
          traffic: 100
          bake: 15m
      migrations:
        - id: add-currency
          datastore: ledger-db
          phase: expand                 # expand | migrate | contract
          runs: before                  # before | after the deploy of this step
          destructive: false            # drops or rewrites data (drop column/table, type change)
          reversible: true
          down: db/0042_add_currency.down.sql
          duration: 10m
      flags:
        - name: ledger-v2-path
          default: false                # state at deploy time
          killSwitch: true              # can be turned off at runtime without a deploy
      rollback:
        automatic: true                 # triggers roll back without a human
        triggers:
          - metric: error_rate
            max: 0.02
            for: 5m
        procedure: https://runbooks.example/ledger#rollback   # or a list of steps:
        steps: ["argo rollouts undo ledger"]
        duration: 10m                   # estimated time to roll this step back
        testedAt: 2026-03-01            # last time this rollback was rehearsed
`;

type Doc = Record<string, any>;
const load = (text: string): Doc => parse(text) as Doc;

/** Validate after applying `edit` to a fresh copy of the example. */
function problems(kind: 'Service' | 'ChangeCalendar' | 'RolloutPlan', text: string, edit: (doc: Doc) => void): SchemaProblem[] {
  const doc = load(text);
  edit(doc);
  return validateDocument(kind, doc);
}

describe('validateDocument: valid documents', () => {
  it('accepts the FORMAT.md Service example', () => {
    expect(validateDocument('Service', load(SERVICE))).toEqual([]);
  });
  it('accepts the FORMAT.md ChangeCalendar example', () => {
    expect(validateDocument('ChangeCalendar', load(CALENDAR))).toEqual([]);
  });
  it('accepts the FORMAT.md RolloutPlan example', () => {
    expect(validateDocument('RolloutPlan', load(PLAN))).toEqual([]);
  });
  it('accepts a minimal plan and service', () => {
    const plan = {
      apiVersion: 'rollgate.dev/v1',
      kind: 'RolloutPlan',
      metadata: { name: 'p' },
      spec: { owner: 'o', start: '2026-03-10T22:00:00+01:00', steps: [{ id: 'a', service: 's', to: '3.0.0-rc.1' }] },
    };
    expect(validateDocument('RolloutPlan', plan)).toEqual([]);
    const service = { apiVersion: 'rollgate.dev/v1', kind: 'Service', metadata: { name: 's' }, spec: { owner: 'o', version: '1.0.0+build.5' } };
    expect(validateDocument('Service', service)).toEqual([]);
  });
  it('accepts a one-time window with a duration, and testedAt as an instant', () => {
    expect(
      problems('ChangeCalendar', CALENDAR, (d) => {
        d.spec.windows[2] = { name: 'one-off', start: '2026-03-14T01:00Z', duration: '4h' };
      }),
    ).toEqual([]);
    expect(problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].rollback.testedAt = '2026-03-01T10:00Z'))).toEqual([]);
  });
});

describe('validateDocument: one cleaned problem per error', () => {
  it('unknown key in a step: on the key, listing the allowed keys', () => {
    const result = problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].strategyy = 'canary'));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ path: '/spec/steps/0/strategyy', key: 'strategyy', onKey: true });
    expect(result[0]!.message).toMatch(/^unknown property 'strategyy' \(allowed: id, service, to, after, .*; did you mean 'strategy'\?\)$/);
  });

  it('missing owner: at the parent, naming the key', () => {
    const result = problems('Service', SERVICE, (d) => delete d.spec.owner);
    expect(result).toEqual([{ path: '/spec', key: 'owner', onKey: false, message: "missing required property 'owner'" }]);
  });

  it('missing metadata.name', () => {
    const result = problems('ChangeCalendar', CALENDAR, (d) => delete d.metadata.name);
    expect(result).toEqual([{ path: '/metadata', key: 'name', onKey: false, message: "missing required property 'name'" }]);
  });

  it('wrong type: an unquoted 2.0 version arrives as number 2 and is told to quote it', () => {
    const yaml = SERVICE.replace('version: 2.3.4 ', 'version: 2.0   ');
    const result = validateDocument('Service', load(yaml));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ path: '/spec/version', onKey: false });
    expect(result[0]!.message).toBe('must be a string, got number 2 (YAML read the version as a number: quote it, like "2.0.0")');
  });

  it('wrong type: a number where a string is expected, a quoted boolean, a scalar for a list', () => {
    expect(problems('Service', SERVICE, (d) => (d.spec.owner = 42))).toEqual([
      { path: '/spec/owner', onKey: false, message: 'must be a string, got number 42 (quote it: "42")' },
    ]);
    expect(problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].flags[0].killSwitch = 'true'))).toEqual([
      { path: '/spec/steps/0/flags/0/killSwitch', onKey: false, message: 'must be a boolean (true or false), got string "true" (remove the quotes: true)' },
    ]);
    expect(problems('Service', SERVICE, (d) => (d.spec.regions = 'eu-west-1'))).toEqual([
      { path: '/spec/regions', onKey: false, message: 'must be a list, got string "eu-west-1" (write a list: [eu-west-1])' },
    ]);
  });

  it('bad duration: quotes the text and shows the form', () => {
    const result = problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].stages[0].bake = '90 mins'));
    expect(result).toEqual([
      {
        path: '/spec/steps/0/stages/0/bake',
        onKey: false,
        message: "'90 mins' is not a duration: use units w d h m s, largest first, like 1h30m",
      },
    ]);
    // smallest unit first is not a duration either
    expect(problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].rollback.duration = '30m1h'))[0]!.message).toContain("'30m1h'");
    expect(problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].rollback.duration = ''))).toHaveLength(1);
  });

  it('bad version', () => {
    const result = problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].to = '2.4'));
    expect(result).toEqual([
      { path: '/spec/steps/0/to', onKey: false, message: "'2.4' is not a semver version: give all three parts MAJOR.MINOR.PATCH, like 2.4.0" },
    ]);
    expect(problems('Service', SERVICE, (d) => (d.spec.version = 'v2.3.4'))[0]!.message).toBe(
      "'v2.3.4' is not a semver version: drop the leading 'v' (2.3.4)",
    );
  });

  it('bad range', () => {
    const result = problems('Service', SERVICE, (d) => (d.spec.consumes[0].versions = '>>1.4'));
    expect(result).toEqual([
      {
        path: '/spec/consumes/0/versions',
        onKey: false,
        message: "'>>1.4' is not a version range: use an npm semver range, like ^1.4.0, >=1.4 <2 or 1.x",
      },
    ]);
  });

  it('bad enum: lists the allowed values and suggests the right case', () => {
    const result = problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].strategy = 'Canary'));
    expect(result).toEqual([
      {
        path: '/spec/steps/0/strategy',
        onKey: false,
        message: "'Canary' is not allowed: use canary, blueGreen, rolling or recreate (did you mean 'canary'?)",
      },
    ]);
    const days = problems('ChangeCalendar', CALENDAR, (d) => (d.spec.windows[0].weekly[0].days = ['mon', 'monday']));
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ path: '/spec/windows/0/weekly/0/days/1' });
    expect(days[0]!.message).toBe("'monday' is not allowed: use mon, tue, wed, thu, fri, sat or sun");
  });

  it('bad tier: a quoted number gets one problem, not a type and an enum one', () => {
    expect(problems('Service', SERVICE, (d) => (d.spec.tier = '1'))).toEqual([
      { path: '/spec/tier', onKey: false, message: 'must be an integer, got string "1" (remove the quotes: 1)' },
    ]);
    expect(problems('Service', SERVICE, (d) => (d.spec.tier = 4))).toEqual([
      { path: '/spec/tier', onKey: false, message: '4 is not allowed: use 1, 2 or 3' },
    ]);
  });

  it('bad instant', () => {
    expect(problems('RolloutPlan', PLAN, (d) => (d.spec.start = 'next tuesday 22:00'))).toEqual([
      {
        path: '/spec/start',
        onKey: false,
        message:
          "'next tuesday 22:00' is not an instant: use RFC 3339 with an offset, like 2026-03-10T22:00:00+01:00 or 2026-03-10T21:00Z, or a local time like 2026-03-10T22:00",
      },
    ]);
    expect(problems('RolloutPlan', PLAN, (d) => (d.spec.approvals[0].at = '2026-03-08'))).toEqual([
      {
        path: '/spec/approvals/0/at',
        onKey: false,
        message: "'2026-03-08' is a date, not an instant: add a time, like 2026-03-08T22:00 (local) or 2026-03-08T22:00:00Z",
      },
    ]);
    // right shape, impossible calendar day
    expect(problems('RolloutPlan', PLAN, (d) => (d.spec.end = '2026-02-30T10:00'))[0]).toMatchObject({ path: '/spec/end' });
  });

  it('bad date and wall time', () => {
    expect(problems('Service', SERVICE, (d) => (d.spec.provides[0].sunset = '30/06/2026'))).toEqual([
      { path: '/spec/provides/0/sunset', onKey: false, message: "'30/06/2026' is not a date: use YYYY-MM-DD, like 2026-06-30" },
    ]);
    expect(problems('ChangeCalendar', CALENDAR, (d) => (d.spec.windows[0].weekly[0].start = '10pm'))).toEqual([
      {
        path: '/spec/windows/0/weekly/0/start',
        onKey: false,
        message: "'10pm' is not a wall time: use HH:MM on a 24-hour clock, quoted, like \"22:00\"",
      },
    ]);
  });

  it('bad name', () => {
    const result = problems('Service', SERVICE, (d) => (d.metadata.name = 'Payments'));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ path: '/metadata/name' });
    expect(result[0]!.message).toMatch(/^'Payments' is not a valid name: use lowercase letters/);
  });

  it('a window with neither weekly, rrule nor start: one problem, not the anyOf cascade', () => {
    const result = problems('ChangeCalendar', CALENDAR, (d) => (d.spec.windows[1] = { name: 'nothing', duration: '2h' }));
    expect(result).toEqual([
      {
        path: '/spec/windows/1',
        onKey: false,
        message: "missing one of 'weekly' (weekly slots), 'rrule' (recurrence rule) or 'start' (one-time window)",
      },
    ]);
  });

  it('a one-time window without end or duration, or with both', () => {
    expect(problems('ChangeCalendar', CALENDAR, (d) => delete d.spec.windows[2].end)).toEqual([
      { path: '/spec/windows/2', onKey: false, message: "missing one of 'end' (end instant) or 'duration' (length)" },
    ]);
    expect(problems('ChangeCalendar', CALENDAR, (d) => (d.spec.windows[2].duration = '4h'))).toEqual([
      { path: '/spec/windows/2', onKey: false, message: "must have only one of 'end' (end instant) or 'duration' (length)" },
    ]);
  });

  it('a weekly window that also has rrule: one problem on the extra key', () => {
    const result = problems('ChangeCalendar', CALENDAR, (d) => (d.spec.windows[0].rrule = 'FREQ=DAILY'));
    expect(result).toEqual([
      { path: '/spec/windows/0/rrule', key: 'rrule', onKey: true, message: "'rrule' cannot be used together with 'weekly': remove one of them" },
    ]);
  });

  it('an rrule window needs a wall-time start, a one-time window an instant start', () => {
    expect(problems('ChangeCalendar', CALENDAR, (d) => (d.spec.windows[1].start = '2026-03-14T02:00'))).toEqual([
      {
        path: '/spec/windows/1/start',
        onKey: false,
        message: "'2026-03-14T02:00' is not a wall time: use HH:MM on a 24-hour clock, quoted, like \"22:00\"",
      },
    ]);
    const missing = problems('ChangeCalendar', CALENDAR, (d) => delete d.spec.windows[1].duration);
    expect(missing).toEqual([{ path: '/spec/windows/1', key: 'duration', onKey: false, message: "missing required property 'duration'" }]);
  });

  it('a time of day where a one-time window needs an instant says so', () => {
    const result = problems('ChangeCalendar', CALENDAR, (d) => (d.spec.windows[2] = { name: 'w', start: '02:00', duration: '1h' }));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ path: '/spec/windows/2/start' });
    expect(result[0]!.message).toMatch(/^'02:00' is a time of day, not an instant: add the date/);
  });

  it('numbers: an unquoted unitless duration, traffic over 100', () => {
    expect(problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].migrations[0].duration = 10))).toEqual([
      {
        path: '/spec/steps/0/migrations/0/duration',
        onKey: false,
        message: 'must be a string, got number 10 (a duration needs a unit: w d h m s, like 10m)',
      },
    ]);
    expect(problems('RolloutPlan', PLAN, (d) => (d.spec.steps[0].stages[1].traffic = 150))).toEqual([
      { path: '/spec/steps/0/stages/1/traffic', onKey: false, message: 'must be at most 100, got 150' },
    ]);
  });

  it('a duplicate list item points at the second copy', () => {
    for (const days of [['mon', 'tue', 'mon'], ['mon', 'mon']]) {
      const result = problems('ChangeCalendar', CALENDAR, (d) => (d.spec.windows[0].weekly[0].days = days));
      expect(result).toEqual([
        {
          path: `/spec/windows/0/weekly/0/days/${days.length - 1}`,
          onKey: false,
          message: "'mon' is listed twice (also item 1 of the list): remove the duplicate",
        },
      ]);
    }
    expect(problems('ChangeCalendar', CALENDAR, (d) => (d.spec.windows[0].scope.tiers = [1, 2, 1]))[0]).toMatchObject({
      path: '/spec/windows/0/scope/tiers/2',
    });
  });

  it('several problems: one each, sorted by path (indexes numerically)', () => {
    const result = problems('RolloutPlan', PLAN, (d) => {
      const step = d.spec.steps[0];
      d.spec.steps = Array.from({ length: 11 }, (_, i) => ({ ...step, id: `s${i}` }));
      d.spec.steps[10].to = 'x';
      d.spec.steps[2].bake = '1h';
      delete d.spec.owner;
    });
    expect(result.map((p) => p.path)).toEqual(['/spec', '/spec/steps/2/bake', '/spec/steps/10/to']);
  });

  it('an empty steps list and an unknown top-level key', () => {
    const result = problems('RolloutPlan', PLAN, (d) => {
      d.spec.steps = [];
      d.status = {};
    });
    expect(result).toEqual([
      { path: '/spec/steps', onKey: false, message: 'must not be an empty list: give at least one item' },
      { path: '/status', key: 'status', onKey: true, message: "unknown property 'status' (allowed: apiVersion, kind, metadata, spec)" },
    ]);
  });
});

describe('schemas', () => {
  it('every property has a title and a description', () => {
    const missing: string[] = [];
    for (const kind of ['common', 'Service', 'ChangeCalendar', 'RolloutPlan']) {
      const walk = (node: unknown, at: string): void => {
        if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
        if (node === null || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if (key === 'properties' && value && typeof value === 'object') {
            for (const [prop, sub] of Object.entries(value as Record<string, unknown>)) {
              if (typeof sub !== 'object' || sub === null) continue; // `false` in a then-branch
              const s = sub as { title?: unknown; description?: unknown };
              if (at.includes('/then') || at.includes('/allOf')) continue; // conditional refinements
              if (typeof s.title !== 'string' || typeof s.description !== 'string') missing.push(`${kind}${at}/properties/${prop}`);
            }
          }
          walk(value, `${at}/${key}`);
        }
      };
      walk(schemaFor(kind), '');
    }
    expect(missing).toEqual([]);
  });

  it('the self-contained schemas compile on their own (as an editor would use them) and accept the examples', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const examples = { Service: SERVICE, ChangeCalendar: CALENDAR, RolloutPlan: PLAN };
    for (const [kind, text] of Object.entries(examples)) {
      const validate = ajv.compile(schemaFor(kind)!);
      expect(validate(load(text)), kind).toBe(true);
    }
  });

  it('schemaFor gives a self-contained schema per kind, and undefined for others', () => {
    const plan = schemaFor('RolloutPlan') as { $id: string; $defs: Record<string, unknown> };
    expect(plan.$id).toBe('https://rollgate.dev/schemas/v1/rollout-plan.schema.json');
    expect(JSON.stringify(plan)).not.toContain('common.schema.json');
    expect(plan.$defs.duration).toBeDefined();
    expect(schemaFor('rollout-plan')).toEqual(plan);
    expect(schemaFor('Nope')).toBeUndefined();
  });
});
