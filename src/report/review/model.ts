/**
 * The review model: what a change advisory board looks at, computed once in the pipeline and
 * rendered by the HTML and Markdown reporters. Times are epoch seconds; every list is sorted so
 * that the same files and --now give byte-identical reports.
 */
export interface ReviewModel {
  plans: ReviewPlan[];
}

export interface ReviewPlan {
  name: string;
  file: string;
  line: number;
  owner: string;
  author?: string;
  change?: string;
  environment?: string;
  /** The plan's time zone; times are shown as wall times there (UTC when absent). */
  timeZone?: string;
  start?: number;
  end?: number;
  /** start + longest path through the step DAG (undefined without a start). */
  rolloutEnd?: number;
  /** The largest rollback.duration of the steps, in seconds. */
  rollbackSeconds: number;
  steps: ReviewStep[];
  /** Number of waves (steps of one wave may run at the same time). */
  waves: number;
  approvals: { role: string; by: string; at?: number }[];
  readiness: ReviewReadiness;
  /** The services the plan changes and everything that depends on them. */
  graph: ReviewGraph;
  /**
   * Occurrences of the allow windows (one-off, weekly, RRULE) and freezes that apply to at least
   * one step and touch the plan's span, in time order: the calendar expansion the window rules read.
   */
  windows: CalendarInterval[];
  /** Calendar entries that could not be placed in time (their findings say why). */
  notShown: { calendar: string; name: string; reason: string }[];
  /** Where a window/* finding on a step lies in time: freeze conflicts and time outside allow windows. */
  conflicts: Conflict[];
  /** Findings on this plan by severity. */
  findings: { errors: number; warnings: number; notes: number };
}

export interface ReviewStep {
  index: number;
  id: string;
  service: string;
  /** Version deployed now (the Service's spec.version); absent for an unknown service. */
  from?: string;
  to: string;
  tier?: number;
  /** Regions rolled one after another; [] for a region-agnostic service. */
  regions: string[];
  after: string[];
  /** 1-based wave from the step DAG. */
  wave: number;
  /** The whole step, migrations included. */
  start?: number;
  end?: number;
  /**
   * One interval per region rolled ('' for a region-agnostic step), from the pipeline's timeline:
   * they partition the step, so the first holds the `runs: before` migrations and the last the
   * `runs: after` ones.
   */
  intervals: StepInterval[];
  /** Seconds of migrations at the start of the first interval and at the end of the last. */
  migrations: { before: number; after: number };
  /** Worst severity of the findings located in this step, if any. */
  worst?: 'error' | 'warning' | 'note';
}

export interface StepInterval {
  region: string;
  start: number;
  end: number;
}

export interface CalendarInterval {
  calendar: string;
  name: string;
  kind: 'allow' | 'deny';
  start: number;
  end: number;
  /** The step rows ({step id, region}) the entry's scope matches, sorted. */
  appliesTo: { step: string; region: string }[];
}

export interface Conflict {
  step: string;
  region: string;
  /** 'freeze': the step runs in a freeze (window/freeze-conflict); 'outside': outside every allow window that applies (window/outside-maintenance). */
  kind: 'freeze' | 'outside';
  /** The freeze's name, or the allow windows that apply ("calendar/window", comma-separated). */
  window: string;
  /** The finding's rule and severity; suppressed when a waiver covers it. */
  rule: string;
  severity: 'error' | 'warning' | 'note';
  suppressed?: boolean;
  start: number;
  end: number;
}

export interface ReviewReadiness {
  runbook?: string;
  oncall?: string;
  backups: { datastore: string; verifiedAt?: number }[];
  canaryResults: { service: string; version: string; environment?: string; passed?: boolean; at?: number }[];
}

export interface ReviewGraph {
  nodes: ReviewNode[];
  /** dependent → dependency, sorted. */
  edges: { from: string; to: string }[];
  /** Dependents (direct or not) left out of the drawing, nearest kept (absent when none are). */
  omitted?: number;
}

export interface ReviewNode {
  name: string;
  tier?: number;
  /** True for services a step of the plan changes. */
  changed: boolean;
  /** False for a step's service that is not in the catalogue. */
  known: boolean;
  /** Waves of the steps changing this service (1-based), sorted. */
  waves: number[];
}
