/**
 * TypeScript views of the documents of FORMAT.md, for the facts computed here. Only documents
 * that passed schema validation are read through these types, so the shapes hold.
 */
export interface Provided {
  api: string;
  version: string;
  deprecated?: boolean;
  sunset?: string;
}

export interface Consumed {
  api: string;
  versions: string;
}

export interface ServiceSpec {
  owner: string;
  tier?: number;
  lifecycle?: string;
  version: string;
  regions?: string[];
  runbook?: string;
  oncall?: string;
  datastores?: string[];
  provides?: Provided[];
  consumes?: Consumed[];
  dependsOn?: string[];
}

export interface Migration {
  id: string;
  datastore: string;
  phase?: string;
  runs?: string;
  destructive?: boolean;
  reversible?: boolean;
  down?: string;
  duration?: string;
}

export interface Stage {
  name?: string;
  traffic?: number;
  bake?: string;
}

export interface Step {
  id: string;
  service: string;
  to: string;
  after?: string[];
  regions?: string[];
  provides?: Provided[];
  consumes?: Consumed[];
  strategy?: string;
  stages?: Stage[];
  migrations?: Migration[];
  rollback?: { duration?: string; testedAt?: string; automatic?: boolean };
}

export interface PlanSpec {
  owner: string;
  author?: string;
  environment?: string;
  calendar?: string;
  timeZone?: string;
  start?: string;
  end?: string;
  approvals?: { role: string; by: string; at?: string }[];
  readiness?: {
    runbook?: string;
    oncall?: string;
    backups?: { datastore: string; verifiedAt?: string }[];
    canaryResults?: { service: string; version: string; passed?: boolean }[];
  };
  steps: Step[];
}

export interface Doc<S> {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: S;
}

export type ServiceDoc = Doc<ServiceSpec>;
export type PlanDoc = Doc<PlanSpec>;
