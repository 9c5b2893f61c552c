import type { Severity } from '../findings/finding.js';

/** A rule parameter as declared in the rule's METADATA (`custom.parameters`). */
export interface RuleParameter {
  name: string;
  type: 'duration' | 'integer' | 'string-list';
  default: unknown;
  description: string;
}

/** One rule of the catalogue, as built from METADATA into bundle/rules.json (or by the loader for input/*). */
export interface RuleInfo {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  parameters: RuleParameter[];
  /** Minimal failing and passing examples (YAML), for `rollgate explain`. */
  examples?: { fails?: string; passes?: string };
}
