import type { LonLat } from '../../domain/geo';
import { compoundOrigins, gatesByCompound } from '../../domain/origins';
import { serviceRadiusM, type VolunteerFeature } from '../../domain/volunteers/availability';
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
    const gates = gatesByCompound(dataset);
    const compounds = dataset.compounds.features.map((c) => ({
      id: c.properties.id,
      origins: compoundOrigins(c, gates).points,
      population: c.properties.population,
      elderly60: c.properties.elderly60,
      elderly80: c.properties.elderly80,
    }));
    this.volunteers = new Map(dataset.volunteers.features.map((v) => [v.properties.id, v]));
    const sites = dataset.volunteers.features.map((v) => ({ id: v.properties.id, point: v.geometry.coordinates as LonLat, radiusM: serviceRadiusM(v.properties) }));
    this.coverage = new VolunteerCoverage(dataset.network, compounds, sites);
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
