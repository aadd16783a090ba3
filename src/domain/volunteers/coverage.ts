import type { FeatureCollection, MultiPolygon } from 'geojson';
import { gridContours, type ContourProps } from '../contours';
import { DEFAULT_CELL_M, summarise } from '../coverage';
import type { NetworkOrContext } from '../engine/context';
import type { LonLat } from '../geo';
import { gridForBBox, type BBoxLonLat, type GridSpec } from '../gridSpec';
import { addReach, OFF_NETWORK_M, ReachNetwork, type CompoundSite, type VolunteerReach, type VolunteerSite } from './volunteerReach';

export interface CoveredCompound {
  id: string;
  /** Metres walked (straight-line without a network) from the nearest volunteer. */
  nearestM: number;
  /** How many of the chosen volunteers reach it. */
  volunteers: number;
}

export interface PeopleCovered {
  covered: number;
  total: number;
}

/** Coverage of the chosen volunteers: the area, the compounds and the residents they reach. */
export interface VolunteerCoverageResult {
  distance: 'network' | 'straight-line';
  volunteers: number;
  /** Where at least one chosen volunteer reaches (contour of the rasterised counts at 0.5). */
  area: FeatureCollection<MultiPolygon, ContourProps>;
  coveredAreaM2: number;
  covered: CoveredCompound[];
  /** Ids of the compounds no chosen volunteer reaches, in input order. */
  uncovered: string[];
  population: PeopleCovered;
  elderly60: PeopleCovered;
  elderly80: PeopleCovered;
}

/**
 * Volunteer coverage by rasterising (DESIGN.md "Coverage of many circles"): each volunteer's
 * walk within `service_radius_m` is one cut-off search, turned into walked metres per cell
 * on a window of one city grid and cached, so a new time or skill only re-adds the cached
 * windows and contours the sum once; no polygon is ever unioned.
 */
export class VolunteerCoverage {
  private readonly net: ReachNetwork;
  private sites = new Map<string, VolunteerSite>();
  private cache = new Map<string, VolunteerReach>();
  private city: GridSpec;

  constructor(
    /** The session's walking context (shared), or a network to build one from. */
    network: NetworkOrContext,
    private readonly compounds: readonly CompoundSite[],
    volunteers: readonly VolunteerSite[] = [],
    private readonly cellM = DEFAULT_CELL_M,
  ) {
    this.net = new ReachNetwork(network, compounds);
    this.city = this.cityGrid(volunteers);
    this.setVolunteers(volunteers);
  }

  get hasNetwork(): boolean {
    return this.net.hasNetwork;
  }

  /** New volunteer data (a live refresh): forgets every cached reach. */
  setVolunteers(volunteers: readonly VolunteerSite[]): void {
    this.sites = new Map(volunteers.map((v) => [v.id, v]));
    this.cache.clear();
    this.city = this.cityGrid(volunteers);
  }

  private reachOf(site: VolunteerSite): VolunteerReach {
    let reach = this.cache.get(site.id);
    if (!reach) {
      reach = this.net.reach(site, this.city);
      this.cache.set(site.id, reach);
    }
    return reach;
  }

  /** Coverage of the volunteers with these ids (unknown ids are ignored). */
  coverage(ids: readonly string[]): VolunteerCoverageResult {
    const counts = new Uint16Array(this.city.cols * this.city.rows);
    const best = new Map<number, CoveredCompound>();
    let volunteers = 0;
    for (const id of ids) {
      const site = this.sites.get(id);
      if (!site) continue;
      volunteers++;
      const reach = this.reachOf(site);
      addReach(counts, this.city, site, reach, this.net.hasNetwork);
      for (const [index, metres] of reach.compounds) {
        const current = best.get(index);
        if (current) {
          current.volunteers++;
          current.nearestM = Math.min(current.nearestM, metres);
        } else best.set(index, { id: this.compounds[index]!.id, nearestM: metres, volunteers: 1 });
      }
    }
    const summary = summarise(this.city, counts);
    const people = (key: 'population' | 'elderly60' | 'elderly80'): PeopleCovered => ({
      covered: [...best.keys()].reduce((n, i) => n + this.compounds[i]![key], 0),
      total: this.compounds.reduce((n, c) => n + c[key], 0),
    });
    return {
      distance: this.net.hasNetwork ? 'network' : 'straight-line',
      volunteers,
      area: summary.coveredCells ? gridContours(counts, this.city, [0.5]) : { type: 'FeatureCollection', features: [] },
      coveredAreaM2: summary.coveredAreaM2,
      covered: [...best.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c),
      uncovered: this.compounds.filter((_, i) => !best.has(i)).map((c) => c.id),
      population: people('population'),
      elderly60: people('elderly60'),
      elderly80: people('elderly80'),
    };
  }

  /** Metres walked from `point` to each volunteer with these ids (null: unreachable or unknown id). */
  walkTo(point: LonLat, ids: readonly string[]): Map<string, number | null> {
    const sites = ids.map((id) => this.sites.get(id));
    const known = sites.filter((s): s is VolunteerSite => s !== undefined);
    const metres = this.net.walkFrom(point, known);
    const byId = new Map(known.map((s, i) => [s.id, metres[i] ?? null]));
    return new Map(ids.map((id) => [id, byId.get(id) ?? null]));
  }

  /** One grid over the network, the compounds and every volunteer's farthest reach. */
  private cityGrid(volunteers: readonly VolunteerSite[]): GridSpec {
    let [w, s, e, n]: BBoxLonLat = [Infinity, Infinity, -Infinity, -Infinity];
    const add = (p: LonLat, marginM = 0) => {
      const dLat = marginM / 111_195;
      const dLon = dLat / Math.cos((p[1] * Math.PI) / 180);
      w = Math.min(w, p[0] - dLon);
      e = Math.max(e, p[0] + dLon);
      s = Math.min(s, p[1] - dLat);
      n = Math.max(n, p[1] + dLat);
    };
    const graph = this.net.graph;
    if (graph) for (let i = 0; i < graph.nodeCount; i++) add([graph.nodeLon[i]!, graph.nodeLat[i]!]);
    for (const c of this.compounds) for (const o of c.origins) add(o);
    for (const v of volunteers) add(v.point, v.radiusM + OFF_NETWORK_M);
    if (w > e) return gridForBBox([0, 0, 0, 0], this.cellM);
    return gridForBBox([w, s, e, n], this.cellM, OFF_NETWORK_M + 2 * this.cellM);
  }
}
