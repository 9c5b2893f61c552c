import type { RuleInfo } from '../policy/catalogue.js';

/** The input/* rules: produced by the loader in TypeScript (RULES.md), so described here. */
export const INPUT_RULES: RuleInfo[] = [
  {
    id: 'input/duplicate-key',
    severity: 'error',
    title: 'Duplicate mapping key',
    description: 'A YAML mapping repeats a key. YAML keeps only one of the values, so part of what was written is silently lost.',
    parameters: [],
    examples: { fails: 'spec:\n  owner: team-a\n  owner: team-b\n', passes: 'spec:\n  owner: team-a\n' },
  },
  {
    id: 'input/duplicate-name',
    severity: 'error',
    title: 'Two documents of one kind share a name',
    description: 'Two documents of the same kind have the same metadata.name, so references to that name are ambiguous.',
    parameters: [],
  },
  {
    id: 'input/schema',
    severity: 'error',
    title: 'Document breaks the schema of its kind',
    description:
      'A document does not match the JSON Schema of its kind (rollgate schema KIND prints it): unknown or missing properties, wrong types, malformed durations, instants, versions or ranges, and step graphs whose `after` names a missing step or forms a cycle. One finding per problem, at the offending key or value. Invalid documents are not evaluated by the other rules.',
    parameters: [],
    examples: { fails: 'steps:\n  - id: ledger\n    service: ledger\n    to: 2.0.0\n    stages:\n      - traffic: 5\n        bake: 30 mins\n', passes: 'steps:\n  - id: ledger\n    service: ledger\n    to: 2.0.0\n    stages:\n      - traffic: 5\n        bake: 30m\n' },
  },
  {
    id: 'input/unknown-kind',
    severity: 'warning',
    title: 'Unknown kind',
    description: 'A document has apiVersion rollgate.dev/v1 but a kind other than Service, ChangeCalendar or RolloutPlan, so it is not checked.',
    parameters: [],
    examples: { fails: 'apiVersion: rollgate.dev/v1\nkind: Rollout\n', passes: 'apiVersion: rollgate.dev/v1\nkind: RolloutPlan\n' },
  },
  {
    id: 'input/yaml-syntax',
    severity: 'error',
    title: 'File is not valid YAML',
    description: 'A file cannot be read as YAML: a syntax error, an unreadable or binary file, or a document that expands too many aliases (a YAML bomb).',
    parameters: [],
    examples: { fails: 'spec:\n  steps: [a,\n', passes: 'spec:\n  steps: [a]\n' },
  },
];
