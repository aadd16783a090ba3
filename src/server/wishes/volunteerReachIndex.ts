import type { VolunteerFeature } from '../../domain/volunteers/availability';
import { compoundSites, volunteerSites } from '../../domain/volunteers/coverageSites';
import { VolunteerCoverage } from '../../domain/volunteers/coverage';
import type { ServerContext } from '../context';

/**
 * Which compounds each volunteer of the dataset walks to within their service radius (the
 * volunteers view's coverage, on the walking network): built once per server, each
 * volunteer's walk computed on first use and kept.
 */
export class VolunteerReachIndex {
  private readonly coverage: VolunteerCoverage;
  private readonly volunteers: Map<string, VolunteerFeature>;
  private readonly walks = new Map<string, Map<string, number>>();

  constructor(ctx: ServerContext) {
    const { dataset } = ctx;
    this.volunteers = new Map(dataset.volunteers.features.map((v) => [v.properties.id, v]));
    this.coverage = new VolunteerCoverage(dataset.network, compoundSites(dataset), volunteerSites(dataset.volunteers.features));
  }

  volunteer(id: string): VolunteerFeature | undefined {
    return this.volunteers.get(id);
  }

  /** Metres walked from the volunteer to each compound they reach (by compound id). */
  walksOf(volunteerId: string): Map<string, number> {
    let walks = this.walks.get(volunteerId);
    if (!walks) {
      walks = new Map(this.volunteers.has(volunteerId) ? this.coverage.coverage([volunteerId]).covered.map((c) => [c.id, c.nearestM]) : []);
      this.walks.set(volunteerId, walks);
    }
    return walks;
  }
}

const indexes = new WeakMap<ServerContext, VolunteerReachIndex>();

export function reachIndexOf(ctx: ServerContext): VolunteerReachIndex {
  let index = indexes.get(ctx);
  if (!index) indexes.set(ctx, (index = new VolunteerReachIndex(ctx)));
  return index;
}
