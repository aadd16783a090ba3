import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import { Rng } from '../../data/sample/prng';
import { EARTH_RADIUS_M, type LonLat } from '../../domain/geo';
import type { BBoxLonLat } from '../../domain/gridSpec';
import { CATEGORIES, type CategoryId } from '../../domain/taxonomy';

/**
 * The deterministic synthetic city the benchmark's graph tasks run on: a perturbed grid of
 * streets (~100k intersection-to-intersection segments, ~5k with --quick) around 岳峰镇's
 * latitude, cut by an east–west river crossed only at bridges, plus facility points in 8
 * categories and compound points. Streets are long LineStrings (like OSM ways) that share
 * their vertices exactly at intersections, so a graph builder has to split them there.
 */

export const CITY_CENTRE: LonLat = [119.33, 26.09];
export const CITY_SEED = 15;

/** Street spacing, metres: dense old-town blocks with alleys. */
const BLOCK_M = 50;
/** Nodes move up to this share of a block each way, so no street is straight. */
const JITTER = 0.15;
/** Share of segments missing (dead ends, irregular blocks). */
const DROP_RATE = 0.06;
/** Share of segments drawn with a bend (an extra vertex that is not an intersection). */
const BEND_RATE = 0.2;
/** A bridge every this many streets along the river. */
const BRIDGE_EVERY = 12;
/** Facilities per km² per category, for the first 8 taxonomy categories. */
const FACILITIES_PER_KM2 = [0.6, 0.8, 0.15, 1.0, 2.0, 0.4, 0.6, 0.5];

export interface StreetProps {
  id: string;
  highway: 'primary' | 'secondary' | 'residential' | 'footway';
}

export interface FacilityPointProps {
  id: string;
  category: CategoryId;
}

export interface CompoundPointProps {
  id: string;
  population: number;
}

export interface SyntheticCity {
  network: FeatureCollection<LineString, StreetProps>;
  /** Segments between intersections or dead ends: the edges of a graph split at shared vertices. */
  edges: number;
  /** Intersections, dead ends and way ends. */
  nodes: number;
  bbox: BBoxLonLat;
  /** The 8 facility categories used, from the taxonomy. */
  categories: readonly CategoryId[];
  facilities: FeatureCollection<Point, FacilityPointProps>;
  compounds: FeatureCollection<Point, CompoundPointProps>;
}

export interface CityOptions {
  /** ~5k edges and 500 compounds instead of ~100k and 5,000. */
  quick?: boolean;
  seed?: number;
}

export function syntheticCity(options: CityOptions = {}): SyntheticCity {
  const quick = options.quick ?? false;
  const rng = new Rng(options.seed ?? CITY_SEED);
  const targetEdges = quick ? 5_000 : 100_000;
  const n = Math.ceil(Math.sqrt(targetEdges / (2 * (1 - DROP_RATE)))) + 1;
  const sideM = (n - 1) * BLOCK_M;
  const toLonLat = localProjection(CITY_CENTRE);

  // Grid nodes (i = column west→east, j = row south→north), positions in metres from the centre.
  const nodeLonLat: Position[] = new Array<Position>(n * n);
  const jitter = rng.fork('jitter');
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const xM = i * BLOCK_M - sideM / 2 + jitter.range(-JITTER, JITTER) * BLOCK_M;
      const yM = j * BLOCK_M - sideM / 2 + jitter.range(-JITTER, JITTER) * BLOCK_M;
      nodeLonLat[j * n + i] = toLonLat(xM, yM);
    }
  }

  const riverRow = Math.floor(n * 0.55);
  const drops = rng.fork('drops');
  const keepH = (i: number) => i < n - 1 && !drops.chance(DROP_RATE);
  const keepV = (i: number, j: number) => j < n - 1 && (j === riverRow ? i % BRIDGE_EVERY === BRIDGE_EVERY / 2 : !drops.chance(DROP_RATE));

  const streets = new StreetWriter(n, nodeLonLat, rng.fork('streets'));
  for (let j = 0; j < n; j++)
    streets.addLine(
      j,
      (k) => j * n + k,
      (k) => keepH(k),
    );
  for (let i = 0; i < n; i++)
    streets.addLine(
      i,
      (k) => k * n + i,
      (k) => keepV(i, k),
    );

  const half = sideM / 2 + BLOCK_M;
  const [west, south] = toLonLat(-half, -half) as LonLat;
  const [east, north] = toLonLat(half, half) as LonLat;
  const areaKm2 = (2 * half) ** 2 / 1e6;
  const randomPoint = (r: Rng): Position => toLonLat(r.range(-half, half), r.range(-half, half));

  const categories = CATEGORIES.slice(0, FACILITIES_PER_KM2.length).map((c) => c.id);
  const placing = rng.fork('facilities');
  const facilities = categories.flatMap((category, c) =>
    Array.from({ length: Math.max(2, Math.round(FACILITIES_PER_KM2[c]! * areaKm2)) }, (_, k) =>
      point(randomPoint(placing), { id: `f-${category}-${k}`, category }),
    ),
  );
  const housing = rng.fork('compounds');
  const compounds = Array.from({ length: quick ? 500 : 5_000 }, (_, k) => point(randomPoint(housing), { id: `c-${k}`, population: housing.int(300, 3_000) }));

  const { edges, nodes } = streets.countGraph();
  return {
    network: { type: 'FeatureCollection', features: streets.features },
    edges,
    nodes,
    bbox: [west, south, east, north],
    categories,
    facilities: { type: 'FeatureCollection', features: facilities },
    compounds: { type: 'FeatureCollection', features: compounds },
  };
}

/** Local equirectangular projection: metres east/north of `origin` → [lon, lat] rounded to 1e-7°. */
export function localProjection(origin: LonLat): (xM: number, yM: number) => Position {
  const latDegPerM = 180 / Math.PI / EARTH_RADIUS_M;
  const lonDegPerM = latDegPerM / Math.cos((origin[1] * Math.PI) / 180);
  return (xM, yM) => [round7(origin[0] + xM * lonDegPerM), round7(origin[1] + yM * latDegPerM)];
}

function round7(deg: number): number {
  return Math.round(deg * 1e7) / 1e7;
}

function point<P>(coordinates: Position, properties: P): Feature<Point, P> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates }, properties };
}

/** Turns rows and columns of kept segments into ways of a few blocks each. */
class StreetWriter {
  readonly features: Feature<LineString, StreetProps>[] = [];
  /** Per grid node: how many way vertices sit on it, and whether a way ends there. */
  private readonly uses: Uint8Array;
  private readonly ends: Uint8Array;
  /** Grid node ids of each way's vertices (bends excluded), to count graph edges. */
  private readonly wayNodes: number[][] = [];

  constructor(
    private readonly n: number,
    private readonly nodeLonLat: Position[],
    private readonly rng: Rng,
  ) {
    this.uses = new Uint8Array(n * n);
    this.ends = new Uint8Array(n * n);
  }

  /** One street line (a row or a column): `node(k)` is its k-th grid node, `kept(k)` its k-th segment. */
  addLine(line: number, node: (k: number) => number, kept: (k: number) => boolean): void {
    const highway: StreetProps['highway'] = line % 10 === 0 ? 'primary' : line % 5 === 0 ? 'secondary' : 'residential';
    let run: number[] = [];
    let wayLength = this.rng.int(3, 12);
    const flush = () => {
      if (run.length >= 2) this.addWay(run, highway === 'residential' && this.rng.chance(0.1) ? 'footway' : highway);
      run = [];
      wayLength = this.rng.int(3, 12);
    };
    for (let k = 0; k < this.n - 1; k++) {
      if (!kept(k)) {
        flush();
        continue;
      }
      if (run.length === 0) run.push(node(k));
      run.push(node(k + 1));
      if (run.length > wayLength) {
        const last = run[run.length - 1]!;
        flush();
        run.push(last);
      }
    }
    flush();
  }

  private addWay(nodes: number[], highway: StreetProps['highway']): void {
    const coordinates: Position[] = [];
    nodes.forEach((id, k) => {
      const here = this.nodeLonLat[id]!;
      if (k > 0 && this.rng.chance(BEND_RATE)) coordinates.push(bend(this.nodeLonLat[nodes[k - 1]!]!, here, this.rng.range(-0.1, 0.1)));
      coordinates.push(here);
      this.uses[id]!++;
    });
    this.ends[nodes[0]!] = 1;
    this.ends[nodes[nodes.length - 1]!] = 1;
    this.wayNodes.push(nodes);
    const id = `s${this.features.length}`;
    this.features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { id, highway } });
  }

  /** Splitting every way at vertices shared with another way (or its ends), as the graph builder does. */
  countGraph(): { edges: number; nodes: number } {
    const isNode = (id: number) => this.uses[id]! >= 2 || this.ends[id] === 1;
    let edges = 0;
    for (const way of this.wayNodes) edges += way.filter(isNode).length - 1;
    let nodes = 0;
    for (let id = 0; id < this.uses.length; id++) if (this.uses[id]! > 0 && isNode(id)) nodes++;
    return { edges, nodes };
  }
}

/** A vertex beside the middle of a segment, `side` × its length to the left (a slight bend). */
function bend(a: Position, b: Position, side: number): Position {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  return [round7((ax + bx) / 2 - (by - ay) * side), round7((ay + by) / 2 + (bx - ax) * side)];
}
