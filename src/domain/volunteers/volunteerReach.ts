import { addCellsWithin, addCircle } from '../coverage';
import { contextOf, type NetworkOrContext } from '../engine/context';
import { haversineM, type WalkGraph } from '../engine/graph';
import { reachOf } from '../engine/distanceAt';
import { searchFrom, SearchSpace } from '../engine/dijkstra';
import type { Snap, Snapper } from '../engine/snap';
import { travelTimeGrid } from '../engine/walkshed';
import type { LonLat } from '../geo';
import { cellCentre, gridX, gridY, subGrid, type GridSpec } from '../gridSpec';

/** Where a volunteer serves from and how far they go. */
export interface VolunteerSite {
  id: string;
  point: LonLat;
  /** Metres, walked along the network (straight-line without one). */
  radiusM: number;
}

/** A compound as coverage sees it: where its walks start (gates or point on surface) and who lives there. */
export interface CompoundSite {
  id: string;
  origins: LonLat[];
  population: number;
  elderly60: number;
  elderly80: number;
}

/** What one volunteer reaches: cells on a window of the city grid, and compounds. */
export interface VolunteerReach {
  /** Window of the city grid and walked metres per cell (NaN where unreached); null without a network. */
  window: GridSpec | null;
  metres: Float32Array | null;
  /** Compound index → metres walked from the volunteer to the nearest origin. */
  compounds: Map<number, number>;
}

/** How far off the network a volunteer still walks to a door (courtyards, squares), metres. */
export const OFF_NETWORK_M = 50;

/**
 * The walking network prepared for volunteer reach: the graph and snapper (built once) and
 * the compound origins snapped once. Without a network everything is straight-line.
 */
export class ReachNetwork {
  readonly graph: WalkGraph | null;
  readonly snapper: Snapper | null;
  private readonly originSnaps: (Snap | null)[][];
  /** Each site's search is used and dropped within reach(), so one space serves them all. */
  private readonly space: SearchSpace | null;

  constructor(
    network: NetworkOrContext,
    readonly compounds: readonly CompoundSite[],
  ) {
    const ctx = contextOf(network);
    this.graph = ctx?.graph ?? null;
    this.snapper = ctx?.snapper ?? null;
    this.originSnaps = compounds.map((c) => c.origins.map((o) => this.snapper?.snap(o) ?? null));
    this.space = this.graph ? new SearchSpace(this.graph.nodeCount) : null;
  }

  get hasNetwork(): boolean {
    return this.graph !== null;
  }

  /** Every cell and compound `site` reaches within its radius, rasterised on a window of `city`. */
  reach(site: VolunteerSite, city: GridSpec): VolunteerReach {
    const compounds = new Map<number, number>();
    const snap = this.snapper?.snap(site.point) ?? null;
    if (!this.graph || !snap) {
      this.compounds.forEach((c, i) => {
        const d = Math.min(...c.origins.map((o) => haversineM(site.point[0], site.point[1], o[0], o[1])));
        if (d <= site.radiusM) compounds.set(i, d);
      });
      return { window: null, metres: null, compounds };
    }
    const search = searchFrom(this.graph, [{ snap, label: 0 }], site.radiusM, { space: this.space ?? undefined });
    this.originSnaps.forEach((snaps, i) => {
      let best = Infinity;
      for (const s of snaps) {
        const r = s && reachOf(search, s);
        if (r && r.walkM < best) best = r.walkM;
      }
      if (best <= site.radiusM) compounds.set(i, best);
    });
    // travelTimeGrid at 1 m/min gives metres per cell, on its own fitted grid.
    const times = travelTimeGrid(search, 1, { origins: [site.point], offNetworkM: OFF_NETWORK_M });
    if (!times) return { window: null, metres: null, compounds };
    const g = times.grid;
    const window = subGrid(city, [g.westLon, g.northLat - g.rows * g.cellLatDeg, g.westLon + g.cols * g.cellLonDeg, g.northLat]);
    const metres = new Float32Array(window.cols * window.rows).fill(NaN);
    // Nearest-neighbour resampling at each window cell's centre: the grids share the cell size.
    for (let row = 0; row < window.rows; row++) {
      for (let col = 0; col < window.cols; col++) {
        const [lon, lat] = cellCentre(window, col, row);
        const c = Math.floor(gridX(g, lon));
        const r = Math.floor(gridY(g, lat));
        if (c < 0 || r < 0 || c >= g.cols || r >= g.rows) continue;
        const m = times.minutes[r * g.cols + c]!;
        if (m <= site.radiusM) metres[row * window.cols + col] = m;
      }
    }
    return { window, metres, compounds };
  }

  /** Metres walked from `point` to each site (straight-line without a network); null when unreachable. */
  walkFrom(point: LonLat, sites: readonly VolunteerSite[]): (number | null)[] {
    const snap = this.snapper?.snap(point) ?? null;
    if (!this.graph || !this.snapper || !snap) return sites.map((s) => haversineM(point[0], point[1], s.point[0], s.point[1]));
    const search = searchFrom(this.graph, [{ snap, label: 0 }]);
    return sites.map((s) => {
      const target = this.snapper!.snap(s.point);
      return (target && reachOf(search, target)?.walkM) ?? null;
    });
  }
}

/** Adds one volunteer's reach to the city counts (its walked cells, or its circle without a network). */
export function addReach(counts: Uint16Array, city: GridSpec, site: VolunteerSite, reach: VolunteerReach, hasNetwork: boolean): void {
  if (reach.window && reach.metres) addCellsWithin(counts, city, reach.metres, reach.window, site.radiusM);
  else if (!hasNetwork) addCircle(counts, city, { centre: site.point, radiusM: site.radiusM });
}
