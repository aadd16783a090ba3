import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../../src/domain/geo';
import { indexPolygons, locatePoints, pointsInPolygons, type AreaGeometry } from '../../src/domain/pointsInPolygons';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Closed axis-aligned ring, counter-clockwise. */
function rect(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

/** The reference answer: turf in a double loop, first match. */
function reference(points: readonly LonLat[], polygons: readonly AreaGeometry[]): number[] {
  return points.map((p) => polygons.findIndex((g) => booleanPointInPolygon(p, g)));
}

// Hand-made, in [lon, lat] around Fuzhou: a block with a courtyard, a two-part compound
// (one part with a pond), and a park overlapping the block.
const block: Polygon = { type: 'Polygon', coordinates: [rect(119.3, 26.0, 119.31, 26.01), rect(119.303, 26.003, 119.307, 26.007)] };
const compound: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[rect(119.32, 26.0, 119.33, 26.01), rect(119.324, 26.004, 119.326, 26.006)], [rect(119.34, 26.0, 119.35, 26.01)]],
};
const park: Polygon = { type: 'Polygon', coordinates: [rect(119.305, 26.005, 119.315, 26.015)] };
const handMade: AreaGeometry[] = [block, compound, park];

describe('points in polygons', () => {
  it('answers hand-made cases: holes, MultiPolygon parts, overlaps (first match), outside', () => {
    const cases: [LonLat, number][] = [
      [[119.301, 26.001], 0], // block
      [[119.304, 26.004], -1], // courtyard, park does not reach it
      [[119.306, 26.006], 2], // courtyard, but inside the park
      [[119.309, 26.009], 0], // block and park overlap: first wins
      [[119.312, 26.012], 2], // park only
      [[119.321, 26.001], 1], // compound, first part
      [[119.325, 26.005], -1], // compound's pond
      [[119.345, 26.005], 1], // compound, second part
      [[119.335, 26.005], -1], // between the parts
      [[120, 27], -1], // far away
    ];
    const got = pointsInPolygons(
      cases.map(([p]) => p),
      handMade,
    );
    expect(Array.from(got)).toEqual(cases.map(([, want]) => want));
    expect(Array.from(got)).toEqual(
      reference(
        cases.map(([p]) => p),
        handMade,
      ),
    );
  });

  it('agrees with turf.booleanPointInPolygon on random points and random polygons with holes', () => {
    const rnd = random(2024);
    const polygons: AreaGeometry[] = [];
    const star = (cx: number, cy: number, r: number, n: number, clockwise: boolean): Position[] => {
      const ring: Position[] = [];
      for (let k = 0; k < n; k++) {
        const a = ((clockwise ? -k : k) / n) * 2 * Math.PI;
        const rr = r * (0.55 + 0.45 * rnd());
        ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
      }
      ring.push([...ring[0]!]);
      return ring;
    };
    for (let i = 0; i < 120; i++) {
      const cx = 119.3 + rnd() * 0.05;
      const cy = 26.0 + rnd() * 0.05;
      const r = 0.001 + rnd() * 0.004;
      const outer = star(cx, cy, r, 5 + Math.floor(rnd() * 20), false);
      // a hole well inside the smallest possible outer radius (0.55 r)
      const rings = rnd() < 0.4 ? [outer, star(cx, cy, r * 0.45, 6, true)] : [outer];
      if (rnd() < 0.2) {
        const dx = 0.01 * (rnd() - 0.5);
        polygons.push({ type: 'MultiPolygon', coordinates: [rings, [star(cx + dx, cy + 0.012, r * 0.6, 8, false)]] });
      } else {
        polygons.push({ type: 'Polygon', coordinates: rings });
      }
    }
    const points: LonLat[] = Array.from({ length: 3000 }, () => [119.295 + rnd() * 0.06, 25.995 + rnd() * 0.07]);
    const index = indexPolygons(polygons);
    const got = locatePoints(index, points);
    expect(Array.from(got)).toEqual(reference(points, polygons));
    // enough of every kind of answer for the comparison to mean something
    const hits = Array.from(got).filter((i) => i >= 0).length;
    expect(hits).toBeGreaterThan(300);
    expect(points.length - hits).toBeGreaterThan(300);
    // the index is reusable
    expect(Array.from(locatePoints(index, points.slice(0, 50)))).toEqual(Array.from(got.slice(0, 50)));
  });

  it('handles no polygons, no points, and degenerate rings', () => {
    expect(Array.from(pointsInPolygons([[1, 1]], []))).toEqual([-1]);
    expect(pointsInPolygons([], handMade)).toHaveLength(0);
    const degenerate: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
        ],
      ],
    };
    const empty: MultiPolygon = { type: 'MultiPolygon', coordinates: [] };
    const square: Polygon = { type: 'Polygon', coordinates: [rect(0, 0, 2, 2)] };
    expect(
      Array.from(
        pointsInPolygons(
          [
            [1, 1],
            [3, 3],
          ],
          [degenerate, empty, square],
        ),
      ),
    ).toEqual([2, -1]);
  });
});
