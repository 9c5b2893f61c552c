import type { Consumed, ServiceDoc } from '../model/documents.js';
import { pushTo } from '../list-map.js';

/** One `consumes` entry of a catalogue Service. */
export interface CatalogueNeed {
  consumer: string;
  consumerVersion: string;
  consumesIndex: number;
  need: Consumed;
}

/** The catalogue's needs on one API with one version range: they all break, or none does. */
export interface NeedGroup {
  api: string;
  range: string;
  /** In consumer, consumesIndex order. */
  needs: CatalogueNeed[];
}

/**
 * The catalogue's `consumes` entries indexed for the contract states, built once per run. A hub's
 * API has thousands of consumers but only a handful of distinct ranges, so a state checks each
 * range once against a provider version and walks the consumers only of a range that breaks:
 * checking every consumer of every changed hub for every plan made a run quadratic.
 */
export class NeedIndex {
  /** Provider (the API's first provider, as the contract model resolves it) → its needs by range. */
  private readonly byProvider = new Map<string, NeedGroup[]>();
  /** API → every service that consumes it, sorted. */
  private readonly byApi = new Map<string, string[]>();

  constructor(services: Map<string, ServiceDoc>, providers: Map<string, string[]>) {
    const groups = new Map<string, NeedGroup>();
    for (const consumer of [...services.keys()].sort()) {
      const spec = services.get(consumer)!.spec;
      (spec.consumes ?? []).forEach((need, consumesIndex) => {
        const users = this.byApi.get(need.api) ?? [];
        if (users[users.length - 1] !== consumer) users.push(consumer);
        this.byApi.set(need.api, users);
        const provider = providers.get(need.api)?.[0];
        if (provider === undefined || provider === consumer) return;
        const key = `${provider}\u0000${need.api}\u0000${need.versions}`;
        let group = groups.get(key);
        if (!group) {
          group = { api: need.api, range: need.versions, needs: [] };
          groups.set(key, group);
          pushTo(this.byProvider, provider, group);
        }
        group.needs.push({ consumer, consumerVersion: spec.version, consumesIndex, need });
      });
    }
  }

  /** The catalogue's needs whose API `provider` provides (first), grouped by API and range. */
  needsOn(provider: string): readonly NeedGroup[] {
    return this.byProvider.get(provider) ?? [];
  }

  /** Every catalogue service consuming `api`, sorted. */
  consumersOf(api: string): readonly string[] {
    return this.byApi.get(api) ?? [];
  }
}
