import { distance } from '@turf/turf';
import type { LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { FC, NetworkProps } from '../../src/domain/dataset';
import { buildGraph, SEGMENT_STEPS } from '../../src/domain/engine/graph';
import { routeTo } from '../../src/domain/engine/route';
import { chainsOf } from '../../src/domain/engine/chains';
import { decodeGraph, encodeGraph } from '../../src/domain/engine/graphBinary';
import { ChainPoints } from '../../src/domain/engine/nearest';
import { reachOf } from '../../src/domain/engine/distanceAt';
import { searchFrom, SearchSpace, STEPS_COST_FACTOR, type Search, type Source } from '../../src/domain/engine/dijkstra';
import { Snapper } from '../../src/domain/engine/snap';
import { EARTH_RADIUS_M, type LonLat } from '../../src/domain/geo';
import { Rng } from '../../src/data/sample/prng';

type Way = { coords: LonLat[] | LonLat[][]; props?: Partial<NetworkProps> };
function net(ways: Way[]): FC<LineString | MultiLineString, NetworkProps> {
  return {
    type: 'FeatureCollection',
    features: ways.map((w, i) => ({
      type: 'Feature',
      properties: { id: `w${i}`, ...w.props },
      geometry: Array.isArray(w.coords[0]?.[0])
        ? { type: 'MultiLineString', coordinates: w.coords as LonLat[][] }
        : { type: 'LineString', coordinates: w.coords as LonLat[] },
    })),
  };
}

/** ~111 m per 0.001° of latitude; longitudes scaled at the equator for easy paper checks. */
const M = distance([0, 0], [0, 0.001], { units: 'meters' });

describe('graph build', () => {
  it('joins ways only at shared coordinates and measures with haversine', () => {
    const g = buildGraph(
      net([
        {
          coords: [
            [0, 0],
            [0, 0.001],
            [0, 0.002],
          ],
        },
        {
          coords: [
            [0, 0.001],
            [0.001, 0.001],
          ],
        },
        {
          coords: [
            [0.0005, 0],
            [0.0005, 0.002],
          ],
        },
      ]),
    );
    expect(g.nodeCount).toBe(6);
    expect(g.segmentCount).toBe(4);
    expect(g.segmentLengthM[0]).toBeCloseTo(M, 6);
    // the third way crosses the first visually but shares no coordinate: not joined
    const s = searchFrom(g, [{ snap: new Snapper(g).snap([0, 0])!, label: 0 }]);
    expect(Number.isFinite(s.distM[4]!)).toBe(false);
  });

  it('joins ways at shared coordinates anywhere on Earth, across hemispheres and over a wide extent', () => {
    // Two ways meeting in the west and south, one spanning 300° of longitude, one at the date line.
    const g = buildGraph(
      net([
        {
          coords: [
            [-122.4194, -33.8688],
            [-70.6693, -33.4489],
          ],
        },
        {
          coords: [
            [-70.6693, -33.4489],
            [151.2093, 33.8688],
          ],
        },
        {
          coords: [
            [179.9999999, -89.9999999],
            [-179.9999999, 89.9999999],
            [151.2093, 33.8688],
          ],
        },
      ]),
    );
    expect(g.nodeCount).toBe(5);
    expect(g.segmentCount).toBe(4);
    const s = searchFrom(g, [{ snap: new Snapper(g).snap([-122.4194, -33.8688])!, label: 0 }]);
    for (let n = 0; n < g.nodeCount; n++) expect(Number.isFinite(s.distM[n]!)).toBe(true);
  });

  it('keeps every distinct coordinate of a large network apart (no merged nodes)', () => {
    // 40,000 distinct vertices on a grid of 1e-7° steps: neighbours differ in the last digit only.
    const coords: LonLat[] = [];
    for (let i = 0; i < 200; i++) for (let j = 0; j < 200; j++) coords.push([116.3 + i * 1e-7, 39.9 + j * 1e-7]);
    const g = buildGraph(net([{ coords }, { coords: [coords[0]!, coords[39_999]!] }]));
    expect(g.nodeCount).toBe(40_000);
    expect(g.segmentCount).toBe(40_000);
  });

  it('rounds coordinates to 1e-7° before joining, drops zero-length and duplicate segments', () => {
    const g = buildGraph(
      net([
        {
          coords: [
            [0, 0],
            [0, 0],
            [0.001, 0],
          ],
        },
        {
          coords: [
            [0.00100000001, 0],
            [0, 0],
          ],
        },
        {
          coords: [
            [0.001, 0],
            [0.002, 0],
          ],
        },
      ]),
    );
    expect(g.nodeCount).toBe(3);
    expect(g.segmentCount).toBe(2);
  });

  it('leaves out access=no/private, keeps steps flagged, reads MultiLineStrings', () => {
    const g = buildGraph(
      net([
        {
          coords: [
            [0, 0],
            [0.001, 0],
          ],
          props: { access: 'private' },
        },
        {
          coords: [
            [0, 0.001],
            [0.001, 0.001],
          ],
          props: { access: 'no' },
        },
        {
          coords: [
            [
              [0, 0.002],
              [0.001, 0.002],
            ],
            [
              [0, 0.003],
              [0.001, 0.003],
            ],
          ],
        },
        {
          coords: [
            [0, 0.004],
            [0.001, 0.004],
          ],
          props: { highway: 'steps' },
        },
      ]),
    );
    expect(g.segmentCount).toBe(3);
    expect(Array.from(g.segmentFlags)).toEqual([0, 0, SEGMENT_STEPS]);
    expect(Array.from(g.segmentFeature)).toEqual([2, 2, 3]);
  });
});

describe('snapping', () => {
  const g = buildGraph(
    net([
      {
        coords: [
          [0, 0],
          [0, 0.002],
        ],
      },
      {
        coords: [
          [0.002, 0],
          [0.002, 0.002],
        ],
      },
    ]),
  );
  const snapper = new Snapper(g);

  it('takes the nearest point on the nearest segment and counts the leg', () => {
    const s = snapper.snap([0.0005, 0.001])!;
    expect(s.segment).toBe(0);
    expect(s.point[0]).toBeCloseTo(0, 9);
    expect(s.point[1]).toBeCloseTo(0.001, 9);
    expect(s.offsetM).toBeCloseTo(distance([0.0005, 0.001], [0, 0.001], { units: 'meters' }), 3);
    expect(s.alongM).toBeCloseTo(M, 1);
  });

  it('clamps beyond a segment end to the end vertex', () => {
    const s = snapper.snap([0, -0.001])!;
    expect(s.alongM).toBe(0);
    expect(s.offsetM).toBeCloseTo(M, 1);
  });

  it('breaks an exact tie by the lower segment index', () => {
    expect(snapper.snap([0.001, 0.001])!.segment).toBe(0);
  });

  it('returns null on an empty graph', () => {
    expect(new Snapper(buildGraph(net([]))).snap([0, 0])).toBeNull();
  });

  it('finds the nearest segment of all, also where a long diagonal box is nearer than the segment in it', () => {
    // Short streets on a jittered grid, crossed by long diagonal ways whose boxes cover
    // everything: the nearest boxes are often not the nearest segments.
    const rng = new Rng(7);
    const ways: Way[] = [];
    for (let k = 0; k < 300; k++) {
      const x = rng.range(0, 0.02);
      const y = rng.range(0, 0.02);
      ways.push({
        coords: [
          [x, y],
          [x + rng.range(-0.0008, 0.0008), y + rng.range(-0.0008, 0.0008)],
        ],
      });
    }
    for (let k = 0; k < 12; k++)
      ways.push({
        coords: [
          [rng.range(0, 0.004), rng.range(0, 0.004)],
          [rng.range(0.016, 0.02), rng.range(0.016, 0.02)],
        ],
      });
    const graph = buildGraph(net(ways));
    const snapper = new Snapper(graph);
    // Brute force in the same local plane as the snapper (its mean node, equirectangular).
    let lon0 = 0;
    let lat0 = 0;
    for (let i = 0; i < graph.nodeCount; i++) {
      lon0 += graph.nodeLon[i]! / graph.nodeCount;
      lat0 += graph.nodeLat[i]! / graph.nodeCount;
    }
    const ky = (EARTH_RADIUS_M * Math.PI) / 180;
    const kx = ky * Math.cos((lat0 * Math.PI) / 180);
    const xy = (i: number) => [(graph.nodeLon[i]! - lon0) * kx, (graph.nodeLat[i]! - lat0) * ky] as const;
    const nearest = (point: LonLat) => {
      const px = (point[0] - lon0) * kx;
      const py = (point[1] - lat0) * ky;
      let best = -1;
      let bestD2 = Infinity;
      for (let s = 0; s < graph.segmentCount; s++) {
        const [ax, ay] = xy(graph.segmentA[s]!);
        const [bx, by] = xy(graph.segmentB[s]!);
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
        const d2 = (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2;
        if (d2 < bestD2 - 1e-9 || (Math.abs(d2 - bestD2) <= 1e-9 && s < best)) {
          best = s;
          bestD2 = d2;
        }
      }
      return best;
    };
    let differ = 0;
    for (let k = 0; k < 2_000; k++) {
      const point: LonLat = [rng.range(-0.002, 0.022), rng.range(-0.002, 0.022)];
      if (snapper.snap(point)!.segment !== nearest(point)) differ++;
    }
    expect(differ).toBe(0);
  });
});

describe('search', () => {
  // A square block 0.001° a side with a diagonal alley missing: paths go round.
  const g = buildGraph(
    net([
      {
        coords: [
          [0, 0],
          [0.001, 0],
          [0.001, 0.001],
          [0, 0.001],
          [0, 0],
        ],
      },
      {
        coords: [
          [0.005, 0.005],
          [0.006, 0.005],
        ],
      },
    ]),
  );
  const snapper = new Snapper(g);

  it('walks round the block, including both snap legs', () => {
    const from = snapper.snap([0, -0.0001])!; // 11 m south of the SW corner
    const to = snapper.snap([0.001, 0.0011])!; // 11 m north of the NE corner
    const s = searchFrom(g, [{ snap: from, label: 7 }]);
    const reach = reachOf(s, to)!;
    expect(reach.label).toBe(7);
    const eq = distance([0, 0], [0.001, 0], { units: 'meters' });
    expect(reach.walkM).toBeCloseTo(from.offsetM + eq + M + to.offsetM, 6);
  });

  it('walks along the shared segment when source and target snap to it', () => {
    const from = snapper.snap([0.0002, -0.0001])!;
    const to = snapper.snap([0.0008, 0.0001])!;
    expect(from.segment).toBe(to.segment);
    const reach = reachOf(searchFrom(g, [{ snap: from, label: 0 }]), to)!;
    expect(reach.via).toBe('same-segment');
    expect(reach.walkM).toBeCloseTo(from.offsetM + Math.abs(to.alongM - from.alongM) + to.offsetM, 6);
  });

  it('gives null for a disconnected island and beyond the cutoff', () => {
    const from = snapper.snap([0, 0])!;
    const island = snapper.snap([0.0055, 0.005])!;
    expect(reachOf(searchFrom(g, [{ snap: from, label: 0 }]), island)).toBeNull();
    const near = snapper.snap([0.001, 0.001])!;
    expect(reachOf(searchFrom(g, [{ snap: from, label: 0 }], 100), near)).toBeNull();
    expect(reachOf(searchFrom(g, [{ snap: from, label: 0 }], 300), near)).not.toBeNull();
  });

  it('labels each node with its nearest of several sources', () => {
    const a = snapper.snap([0, 0])!;
    const b = snapper.snap([0.001, 0.001])!;
    const s = searchFrom(g, [
      { snap: a, label: 1 },
      { snap: b, label: 2 },
    ]);
    expect(reachOf(s, snapper.snap([0.0001, 0])!)!.label).toBe(1);
    expect(reachOf(s, snapper.snap([0.001, 0.0009])!)!.label).toBe(2);
  });

  it('draws the route along the ways with both snap legs', () => {
    const origin: LonLat = [0, -0.0001];
    const target: LonLat = [0.0011, 0.001];
    const s = searchFrom(g, [{ snap: snapper.snap(origin)!, label: 0 }]);
    const route = routeTo(s, snapper.snap(target)!, target, new Map([[0, origin]]))!;
    expect(route.line[0]).toEqual(origin);
    expect(route.line.at(-1)).toEqual(target);
    let length = 0;
    for (let i = 1; i < route.line.length; i++) length += distance(route.line[i - 1]!, route.line[i]!, { units: 'meters' });
    expect(length).toBeCloseTo(route.walkM, 3);
  });
});

/** Deliberately simple reference: Bellman-Ford relaxation over an edge list. */
function reference(nodeCount: number, edges: [number, number, number][], source: number): number[] {
  const d = new Array<number>(nodeCount).fill(Infinity);
  d[source] = 0;
  for (let round = 0; round < nodeCount; round++) {
    let changed = false;
    for (const [a, b, w] of edges) {
      if (d[a]! + w < d[b]!) {
        d[b] = d[a]! + w;
        changed = true;
      }
      if (d[b]! + w < d[a]!) {
        d[a] = d[b]! + w;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return d;
}

describe('search on random graphs against a reference', () => {
  it('agrees on every node of 20 random graphs', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 20; trial++) {
      const points: LonLat[] = Array.from({ length: 40 }, () => [rand() * 0.01, rand() * 0.01]);
      const ways: Way[] = [];
      for (let i = 0; i < 70; i++) {
        const a = Math.floor(rand() * 40);
        const b = Math.floor(rand() * 40);
        if (a !== b) ways.push({ coords: [points[a]!, points[b]!] });
      }
      const g = buildGraph(net(ways));
      const edges: [number, number, number][] = [];
      for (let s = 0; s < g.segmentCount; s++) edges.push([g.segmentA[s]!, g.segmentB[s]!, g.segmentLengthM[s]!]);
      const start = g.segmentA[0]!;
      const snap = { point: [g.nodeLon[start]!, g.nodeLat[start]!] as LonLat, offsetM: 0, segment: 0, alongM: 0 };
      const ours = searchFrom(g, [{ snap, label: 0 }]);
      const ref = reference(g.nodeCount, edges, start);
      for (let n = 0; n < g.nodeCount; n++) {
        if (ref[n] === Infinity) expect(ours.distM[n]).toBe(Infinity);
        else expect(ours.distM[n]).toBeCloseTo(ref[n]!, 6);
      }
    }
  });
});

/**
 * Multi-source reference with a cutoff and an optional steps penalty: Bellman-Ford on the
 * cost, then the real metres along the least-cost ways. Seeds are [node, metres, cost].
 */
function referenceFrom(
  nodeCount: number,
  edges: [number, number, number, boolean][],
  seeds: [number, number, number][],
  cutoffM: number,
  avoidSteps: boolean,
): { cost: number[]; metres: number[] } {
  const cost = new Array<number>(nodeCount).fill(Infinity);
  const metres = new Array<number>(nodeCount).fill(Infinity);
  for (const [node, m, c] of seeds) {
    if (m <= cutoffM && c < cost[node]!) {
      cost[node] = c;
      metres[node] = m;
    }
  }
  for (let round = 0; round <= nodeCount; round++) {
    let changed = false;
    for (const [a, b, w, steps] of edges) {
      const wc = avoidSteps && steps ? w * STEPS_COST_FACTOR : w;
      for (const [u, v] of [
        [a, b],
        [b, a],
      ] as const) {
        if (metres[u]! + w <= cutoffM && cost[u]! + wc < cost[v]!) {
          cost[v] = cost[u]! + wc;
          metres[v] = metres[u]! + w;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return { cost, metres };
}

describe('the bucket queue on dense random graphs (edges shorter than a bucket)', () => {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  /** 60 nodes within ~60 m: most segments are a few metres, so many share a bucket. */
  function randomGraph() {
    const points: LonLat[] = Array.from({ length: 60 }, () => [rand() * 0.0006, rand() * 0.0006]);
    const ways: Way[] = [];
    for (let i = 0; i < 110; i++) {
      const a = Math.floor(rand() * 60);
      const b = Math.floor(rand() * 60);
      if (a !== b) ways.push({ coords: [points[a]!, points[b]!], props: rand() < 0.2 ? { highway: 'steps' } : {} });
    }
    const g = buildGraph(net(ways));
    const edges: [number, number, number, boolean][] = [];
    for (let s = 0; s < g.segmentCount; s++) edges.push([g.segmentA[s]!, g.segmentB[s]!, g.segmentLengthM[s]!, (g.segmentFlags[s]! & SEGMENT_STEPS) !== 0]);
    return { g, edges };
  }
  function randomSources(g: ReturnType<typeof buildGraph>, count: number): Source[] {
    return Array.from({ length: count }, (_, label) => {
      const segment = Math.floor(rand() * g.segmentCount);
      const alongM = rand() * g.segmentLengthM[segment]!;
      return { snap: { point: [g.nodeLon[g.segmentA[segment]!]!, g.nodeLat[g.segmentA[segment]!]!] as LonLat, offsetM: rand() * 5, segment, alongM }, label };
    });
  }
  /** Every reached node's distance, label and incoming edge must form a shortest-path tree back to a source. */
  function expectConsistentTree(g: ReturnType<typeof buildGraph>, search: Search) {
    for (let v = 0; v < g.nodeCount; v++) {
      const e = search.prevEdge[v]!;
      if (search.distM[v] === Infinity) {
        expect(search.label[v]).toBe(-1);
        continue;
      }
      expect(search.label[v]).toBeGreaterThanOrEqual(0);
      if (e < 0) continue;
      const s = g.edgeSegment[e]!;
      const u = g.segmentA[s] === v ? g.segmentB[s]! : g.segmentA[s]!;
      expect(search.distM[v]).toBeCloseTo(search.distM[u]! + g.edgeLengthM[e]!, 9);
      expect(search.label[v]).toBe(search.label[u]);
    }
  }

  it('finds exact distances, labels and trees with several sources, cutoffs and steps to avoid', () => {
    for (let trial = 0; trial < 40; trial++) {
      const { g, edges } = randomGraph();
      if (g.segmentCount === 0) continue;
      const sources = randomSources(g, 1 + Math.floor(rand() * 3));
      const cutoffM = trial % 3 === 0 ? Infinity : 5 + rand() * 60;
      const avoidSteps = trial % 2 === 1;
      const seeds: [number, number, number][] = sources.flatMap(({ snap }) => {
        const factor = avoidSteps && g.segmentFlags[snap.segment]! & SEGMENT_STEPS ? STEPS_COST_FACTOR : 1;
        const toB = g.segmentLengthM[snap.segment]! - snap.alongM;
        return [
          [g.segmentA[snap.segment]!, snap.offsetM + snap.alongM, snap.offsetM + snap.alongM * factor],
          [g.segmentB[snap.segment]!, snap.offsetM + toB, snap.offsetM + toB * factor],
        ];
      });
      const ref = referenceFrom(g.nodeCount, edges, seeds, cutoffM, avoidSteps);
      const ours = searchFrom(g, sources, cutoffM, { avoidSteps });
      for (let n = 0; n < g.nodeCount; n++) {
        if (ref.metres[n] === Infinity) expect(ours.distM[n]).toBe(Infinity);
        else expect(ours.distM[n]).toBeCloseTo(ref.metres[n]!, 9);
      }
      if (!avoidSteps) expectConsistentTree(g, ours);
    }
  });

  it('gives the same answers when one SearchSpace is reused for search after search', () => {
    const { g } = randomGraph();
    const space = new SearchSpace(g.nodeCount);
    for (let k = 0; k < 30; k++) {
      const sources = randomSources(g, 1 + (k % 2));
      const cutoffM = k % 4 === 0 ? Infinity : rand() * 50;
      const avoidSteps = k % 3 === 0;
      const fresh = searchFrom(g, sources, cutoffM, { avoidSteps });
      const reused = searchFrom(g, sources, cutoffM, { avoidSteps, space });
      expect(Array.from(reused.distM)).toEqual(Array.from(fresh.distM));
      expect(Array.from(reused.label)).toEqual(Array.from(fresh.label));
      expect(Array.from(reused.prevEdge)).toEqual(Array.from(fresh.prevEdge));
      const reached = Array.from(fresh.distM).filter((d) => d < Infinity).length;
      expect(space.touchedCount).toBe(reached);
    }
  });

  it('answers reachOf the same from a coreOnly search, which fills no inner nodes', () => {
    for (let trial = 0; trial < 20; trial++) {
      const { g } = randomGraph();
      if (g.segmentCount === 0) continue;
      const sources = randomSources(g, 1 + (trial % 3));
      const cutoffM = trial % 2 === 0 ? Infinity : 10 + rand() * 40;
      const filled = searchFrom(g, sources, cutoffM);
      const core = searchFrom(g, sources, cutoffM, { coreOnly: true });
      expect(core.coreOnly).toBeDefined();
      let unfilled = 0;
      for (let n = 0; n < g.nodeCount; n++) if (filled.distM[n]! < Infinity && core.distM[n] === Infinity) unfilled++;
      if (trial === 0) expect(unfilled).toBeGreaterThan(0);
      for (const target of randomSources(g, 25)) {
        const want = reachOf(filled, target.snap);
        const got = reachOf(core, target.snap);
        if (!want) expect(got).toBeNull();
        else {
          expect(got?.walkM).toBeCloseTo(want.walkM, 9);
          expect(sources[got!.label]).toBeDefined();
        }
      }
    }
    expect(() => searchFrom(randomGraph().g, [], Infinity, { coreOnly: true, avoidSteps: true })).toThrow(/coreOnly/);
  });

  it('lists exactly the points a search reaches, from the chains it reached (ChainPoints)', () => {
    for (let trial = 0; trial < 20; trial++) {
      const { g } = randomGraph();
      if (g.segmentCount === 0) continue;
      const points = randomSources(g, 30).map((p) => p.snap);
      const index = new ChainPoints(g, [...points, null]);
      const space = new SearchSpace(g.nodeCount);
      for (const options of [{}, { coreOnly: true }, { space }, { space, coreOnly: true }]) {
        const sources = randomSources(g, 1 + (trial % 2));
        const search = searchFrom(g, sources, 5 + rand() * 30, options);
        const want = new Map<number, number>();
        points.forEach((p, i) => {
          const reach = reachOf(search, p);
          if (reach) want.set(i, reach.walkM);
        });
        const got = new Map<number, number>();
        index.reached(search, (i, reach) => {
          expect(got.has(i)).toBe(false);
          got.set(i, reach.walkM);
        });
        expect(got).toEqual(want);
      }
    }
  });

  it('leaves a SearchSpace clean when it refuses a search', () => {
    const { g } = randomGraph();
    const space = new SearchSpace(g.nodeCount);
    const sources = randomSources(g, 2);
    expect(() => searchFrom(g, sources, Infinity, { space, coreOnly: true, avoidSteps: true })).toThrow(/coreOnly/);
    const other = randomSources(g, 1);
    expect(Array.from(searchFrom(g, other, 20, { space }).distM)).toEqual(Array.from(searchFrom(g, other, 20).distM));
  });

  it('refuses a SearchSpace made for another graph', () => {
    const { g } = randomGraph();
    expect(() => searchFrom(g, [], Infinity, { space: new SearchSpace(g.nodeCount + 1) })).toThrow(/SearchSpace/);
  });
});

describe('a compound with gates on two sides', () => {
  // Streets along the south (y = 0) and north (y = 0.002) sides; the compound between them is
  // fenced, so its internal path meets the streets only at its gates (0.001, 0) and (0.001, 0.002),
  // which are vertices of both.
  const g = buildGraph(
    net([
      {
        coords: [
          [0, 0],
          [0.001, 0],
          [0.004, 0],
        ],
      },
      {
        coords: [
          [0, 0.002],
          [0.001, 0.002],
          [0.004, 0.002],
        ],
      },
      {
        coords: [
          [0.001, 0],
          [0.001, 0.0015],
          [0.001, 0.002],
        ],
        props: { highway: 'footway' },
      },
    ]),
  );
  const snapper = new Snapper(g);

  it('snaps a point inside to the internal path and walks out through the nearer gate', () => {
    const home: LonLat = [0.0012, 0.0016];
    const snap = snapper.snap(home)!;
    expect(g.segmentFeature[snap.segment]).toBe(2);
    const shopNorth = snapper.snap([0.004, 0.0021])!;
    const shopSouth = snapper.snap([0.004, -0.0001])!;
    const s = searchFrom(g, [{ snap, label: 0 }]);
    const north = reachOf(s, shopNorth)!.walkM;
    const south = reachOf(s, shopSouth)!.walkM;
    expect(north).toBeLessThan(south);
    const viaGate =
      snap.offsetM +
      distance([0.001, 0.0016], [0.001, 0.002], { units: 'meters' }) +
      distance([0.001, 0.002], [0.004, 0.002], { units: 'meters' }) +
      shopNorth.offsetM;
    expect(north).toBeCloseTo(viaGate, 3);
  });
});

describe('avoiding steps (elder profile)', () => {
  // A short flight of steps straight up, or a ramp round the side that is three times longer.
  const g = buildGraph(
    net([
      {
        coords: [
          [0, 0],
          [0, 0.0002],
        ],
        props: { highway: 'steps' },
      },
      {
        coords: [
          [0, 0],
          [0.0003, 0],
          [0.0003, 0.0002],
          [0, 0.0002],
        ],
        props: { highway: 'footway' },
      },
      {
        coords: [
          [0, 0.0002],
          [0, 0.001],
        ],
      },
    ]),
  );
  const snapper = new Snapper(g);
  const from = snapper.snap([0, 0])!;
  const to = snapper.snap([0, 0.001])!;

  it('takes the steps by default and the ramp when avoiding steps, reporting real metres', () => {
    const direct = reachOf(searchFrom(g, [{ snap: from, label: 0 }]), to)!.walkM;
    const avoiding = reachOf(searchFrom(g, [{ snap: from, label: 0 }], Infinity, { avoidSteps: true }), to)!.walkM;
    expect(direct).toBeCloseTo(distance([0, 0], [0, 0.001], { units: 'meters' }), 3);
    const ramp = distance([0, 0], [0.0003, 0], { units: 'meters' }) * 2 + distance([0, 0], [0, 0.0002], { units: 'meters' });
    expect(avoiding).toBeCloseTo(ramp + distance([0, 0.0002], [0, 0.001], { units: 'meters' }), 3);
  });

  it('also enters the last segment the step-free way (not up a short flight of steps)', () => {
    // Steps of ~6 m up to A, then 200 m east to the target near B; or a 400 m detour to B.
    const d = 0.0018;
    const hill = buildGraph(
      net([
        {
          coords: [
            [0, 0],
            [0, 0.00005],
          ],
          props: { highway: 'steps' },
        },
        {
          coords: [
            [0, 0.00005],
            [d, 0.00005],
          ],
        },
        {
          coords: [
            [0, 0],
            [0, -0.0009],
            [d, -0.0009],
            [d, 0.00005],
          ],
        },
      ]),
    );
    const sn = new Snapper(hill);
    const to: LonLat = [d * 0.95, 0.00006];
    const target = sn.snap(to)!;
    const space = new SearchSpace(hill.nodeCount);
    for (const options of [{ avoidSteps: true }, { avoidSteps: true, space }]) {
      const search = searchFrom(hill, [{ snap: sn.snap([0, 0])!, label: 0 }], Infinity, options);
      const reach = reachOf(search, target)!;
      expect(reach.via).toBe('B');
      expect(reach.walkM).toBeGreaterThan(400);
      const route = routeTo(search, target, to, new Map([[0, [0, 0] as LonLat]]))!;
      expect(route.line.some(([lon, lat]) => lon === 0 && lat === 0.00005)).toBe(false);
    }
    expect(reachOf(searchFrom(hill, [{ snap: sn.snap([0, 0])!, label: 0 }]), target)!.via).toBe('A');
  });

  it('still uses steps when there is no other way', () => {
    const only = buildGraph(
      net([
        {
          coords: [
            [0, 0],
            [0, 0.0002],
          ],
          props: { highway: 'steps' },
        },
      ]),
    );
    const sn = new Snapper(only);
    const reach = reachOf(searchFrom(only, [{ snap: sn.snap([0, 0])!, label: 0 }], Infinity, { avoidSteps: true }), sn.snap([0, 0.0002])!);
    expect(reach?.walkM).toBeCloseTo(distance([0, 0], [0, 0.0002], { units: 'meters' }), 3);
  });
});

describe('prebuilt binary graph', () => {
  const g = buildGraph(
    net([
      {
        coords: [
          [0, 0],
          [0.001, 0],
          [0.002, 0],
          [0.002, 0.001],
        ],
      },
      {
        coords: [
          [0.001, 0],
          [0.001, 0.001],
          [0.002, 0.001],
        ],
        props: { highway: 'steps' },
      },
      {
        coords: [
          [0.003, 0.003],
          [0.004, 0.003],
          [0.004, 0.004],
          [0.003, 0.003],
        ],
      },
    ]),
  );

  it('loads back the same graph and chains, and searches the same', () => {
    const loaded = decodeGraph(encodeGraph(g));
    for (const key of Object.keys(g) as (keyof typeof g)[]) expect(loaded[key]).toEqual(g[key]);
    const chains = chainsOf(g);
    const loadedChains = chainsOf(loaded);
    for (const key of Object.keys(chains) as (keyof typeof chains)[]) expect(loadedChains[key]).toEqual(chains[key]);
    const snap = new Snapper(g).snap([0.0005, 0.0001])!;
    for (const avoidSteps of [false, true]) {
      const a = searchFrom(g, [{ snap, label: 0 }], Infinity, { avoidSteps });
      const b = searchFrom(loaded, [{ snap, label: 0 }], Infinity, { avoidSteps });
      expect(Array.from(b.distM)).toEqual(Array.from(a.distM));
      expect(Array.from(b.prevEdge)).toEqual(Array.from(a.prevEdge));
    }
  });

  it('refuses a buffer that is not one, or is cut short', () => {
    const buffer = encodeGraph(g);
    expect(() => decodeGraph(new ArrayBuffer(8))).toThrow(/too short/);
    expect(() => decodeGraph(new Uint8Array(buffer.byteLength).buffer)).toThrow(/magic/);
    expect(() => decodeGraph(buffer.slice(0, buffer.byteLength - 16))).toThrow(/truncated/);
    const wrongType = buffer.slice(0);
    new Uint32Array(wrongType, 0, 6)[5] = 2; // nodeLon declared as Int32Array
    expect(() => decodeGraph(wrongType)).toThrow(/wrong type/);
    const wrongCount = buffer.slice(0);
    new Uint32Array(wrongCount, 0, 4)[2]! += 1; // one node more than the arrays hold
    expect(() => decodeGraph(wrongCount)).toThrow(/sizes/);
  });
});
