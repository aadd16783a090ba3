import type { FeatureCollection, MultiLineString, MultiPolygon } from 'geojson';
import type { ContourProps } from '../contours';
import { straightLineM, type LonLat } from '../geo';
import { circleOverclaim, type Overclaim } from '../overclaim';
import { contextOf, type NetworkOrContext } from './context';
import type { WalkGraph } from './graph';
import { categoryFields, ChainPoints, nearestStrategy, type CategoryFields, type FacilityPoint, type NearestStrategy } from './nearest';
import { reachOf } from './distanceAt';
import { searchFrom, SearchSpace, withCutoff, type Search, type SearchOptions } from './dijkstra';
import { routeTo, type Route } from './route';
import type { Snap, Snapper } from './snap';
import { reachedWays, travelTimeGrid, walkshedPolygons, type ReachedWayProps, type TravelTimeGrid } from './walkshed';

export interface WalkRequest {
  origins: LonLat[];
  speedMPerMin: number;
  /** Band limits in minutes, ascending (5, 10, 15). */
  bandMinutes: number[];
  /** Elder profile: avoid steps where another way exists. */
  avoidSteps?: boolean;
}

/** A facility reached within the largest band. */
export interface ReachedFacility {
  facilityId: string;
  category: string;
  walkM: number;
  straightM: number;
}

export interface NearestFacility {
  category: string;
  facilityId: string;
  /** Network metres (snap legs included). */
  walkM: number;
  /** Straight-line metres from the nearest origin to the same facility. */
  straightM: number;
}

export interface WalkResult {
  walksheds: FeatureCollection<MultiPolygon, ContourProps>;
  reachedWays: FeatureCollection<MultiLineString, ReachedWayProps>;
  times: TravelTimeGrid | null;
  nearest: NearestFacility[];
  /** Every facility reachable within the largest band, nearest first. */
  reachable: ReachedFacility[];
  /** For the largest band. */
  overclaim: Overclaim;
}

const originsKey = (origins: readonly LonLat[]) => origins.map((o) => `${o[0].toFixed(7)},${o[1].toFixed(7)}`).join(';');

/**
 * The walking engine for one dataset: the graph, its snapper and the per-category distance
 * fields are built once; each request runs one cut-off search from the origins, which is
 * cached so a new band or a slower speed reuses it (Conveyal's split of search and polygon).
 */
export class WalkEngine {
  readonly graph: WalkGraph;
  readonly snapper: Snapper;
  readonly fields: CategoryFields;
  private readonly nearest: NearestStrategy;
  private readonly facilities: readonly FacilityPoint[];
  private readonly facilitySnaps: (Snap | null)[];
  private readonly facilityPoints: ChainPoints;
  /** One search at a time is kept (the cached one), so its arrays are reused by the next. */
  private readonly space: SearchSpace;
  private cached: { key: string; search: Search } | null = null;
  /** Searches run so far (the rest were answered from the cached one). */
  searchesRun = 0;

  /** Give the session's context to share its graph; a network builds one (throws when it has no walkable way). */
  constructor(network: NetworkOrContext, facilities: readonly FacilityPoint[]) {
    const ctx = contextOf(network);
    if (!ctx) throw new Error('a walking engine needs a walkable network');
    this.graph = ctx.graph;
    this.snapper = ctx.snapper;
    this.facilities = facilities;
    this.facilitySnaps = facilities.map((f) => this.snapper.snap(f.point));
    this.facilityPoints = new ChainPoints(this.graph, this.facilitySnaps);
    this.space = new SearchSpace(this.graph.nodeCount);
    this.fields = categoryFields(this.graph, this.snapper, facilities, Infinity, this.facilitySnaps);
    this.nearest = nearestStrategy(ctx, facilities, this.fields);
  }

  /** The cut-off search from these origins, reused when only the cutoff shrinks. */
  search(origins: readonly LonLat[], cutoffM: number, options: SearchOptions = {}): Search {
    const key = `${originsKey(origins)}|${options.avoidSteps ? 'no-steps' : 'any'}`;
    if (this.cached?.key === key && this.cached.search.cutoffM >= cutoffM) {
      return this.cached.search.cutoffM === cutoffM ? this.cached.search : withCutoff(this.cached.search, cutoffM);
    }
    const sources = origins.flatMap((origin, label) => {
      const snap = this.snapper.snap(origin);
      return snap ? [{ snap, label }] : [];
    });
    const search = searchFrom(this.graph, sources, cutoffM, { ...options, space: this.space });
    this.searchesRun++;
    this.cached = { key, search };
    return search;
  }

  /** Facilities reachable within the search's cutoff, nearest first. */
  private reachableFrom(search: Search, origins: readonly LonLat[]): ReachedFacility[] {
    const found: ReachedFacility[] = [];
    this.facilityPoints.reached(search, (i, reach) => {
      const f = this.facilities[i]!;
      const straightM = straightLineM(f.point, origins);
      found.push({ facilityId: f.id, category: f.category, walkM: reach.walkM, straightM });
    });
    return found.sort((a, b) => a.walkM - b.walkM || a.facilityId.localeCompare(b.facilityId));
  }

  /** The walking route from the origins to a facility (any distance), or null when unreachable. */
  route(origins: LonLat[], facilityId: string, options: SearchOptions = {}): Route | null {
    const index = this.facilities.findIndex((f) => f.id === facilityId);
    const target = this.facilitySnaps[index];
    const facility = this.facilities[index];
    if (!target || !facility) return null;
    let search = this.cached && this.cached.key === `${originsKey(origins)}|${options.avoidSteps ? 'no-steps' : 'any'}` ? this.cached.search : null;
    if (!search || !reachOf(search, target)) search = this.search(origins, Infinity, options);
    return routeTo(search, target, facility.point, new Map(origins.map((o, i) => [i, o])));
  }

  walk(request: WalkRequest): WalkResult {
    const maxMinutes = Math.max(...request.bandMinutes);
    const search = this.search(request.origins, maxMinutes * request.speedMPerMin, { avoidSteps: request.avoidSteps ?? false });
    const times = travelTimeGrid(search, request.speedMPerMin, { origins: request.origins });
    const nearestOf = this.nearest.at(request.origins);
    const nearest: NearestFacility[] = [];
    for (const category of this.fields.byCategory.keys()) {
      const found = nearestOf(category);
      if (!found) continue;
      const straightM = straightLineM(found.facility.point, request.origins);
      nearest.push({ category, facilityId: found.facility.id, walkM: found.walkM, straightM });
    }
    return {
      walksheds: times ? walkshedPolygons(times, request.bandMinutes) : { type: 'FeatureCollection', features: [] },
      reachedWays: reachedWays(search, request.speedMPerMin),
      times,
      nearest,
      reachable: this.reachableFrom(search, request.origins),
      overclaim: circleOverclaim(request.origins, request.speedMPerMin, maxMinutes, times),
    };
  }
}
