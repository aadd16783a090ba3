import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { matchGates } from '../../src/data/osm/gates';
import { assembleMultipolygon, type RingWay } from '../../src/data/osm/rings';

/**
 * Multipolygon assembly and gate matching on tiny hand-made shapes. Node ids stand for
 * positions: node n of a square is a corner; coordinates in degrees near 119.33 E, 26.09 N.
 */

const P: Record<number, Position> = {
  1: [0, 0],
  2: [10, 0],
  3: [10, 10],
  4: [0, 10],
  5: [3, 3],
  6: [7, 3],
  7: [7, 7],
  8: [3, 7],
  9: [4, 4],
  10: [6, 4],
  11: [6, 6],
  12: [4, 6],
  21: [20, 0],
  22: [30, 0],
  23: [30, 10],
  24: [20, 10],
};
const way = (...refs: number[]): RingWay => ({ refs, coords: refs.map((r) => P[r] as Position) });

/** Twice the signed area: > 0 counter-clockwise. */
function signed(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s;
}

describe('multipolygon assembly', () => {
  it('joins two outer ways into one ring and keeps the inner way as a hole, wound as RFC 7946 says', () => {
    const result = assembleMultipolygon([way(1, 2, 3), way(1, 4, 3), way(5, 6, 7, 8, 5)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.geometry.type).toBe('Polygon');
    const [outer, hole] = (result.geometry as Polygon).coordinates as [Position[], Position[]];
    expect(outer).toHaveLength(5);
    expect(hole).toHaveLength(5);
    expect(signed(outer)).toBeGreaterThan(0);
    expect(signed(hole)).toBeLessThan(0);
    expect(result.holes).toBe(1);
  });

  it('does not trust roles: the ring inside another is the hole whatever it is called', () => {
    const result = assembleMultipolygon([way(5, 6, 7, 8, 5), way(1, 2, 3, 4, 1)]);
    expect(result.ok && result.holes).toBe(1);
  });

  it('makes a MultiPolygon of separate outers, and an island inside a hole its own polygon', () => {
    const result = assembleMultipolygon([way(1, 2, 3, 4, 1), way(5, 6, 7, 8, 5), way(9, 10, 11, 12, 9), way(21, 22, 23, 24, 21)]);
    expect(result.ok).toBe(true);
    if (!result.ok || result.geometry.type !== 'MultiPolygon') throw new Error('expected a MultiPolygon');
    const shape = result.geometry.coordinates.map((polygon) => polygon.length).sort();
    expect(shape).toEqual([1, 1, 2]);
  });

  it('refuses rings that do not close', () => {
    expect(assembleMultipolygon([way(1, 2, 3)])).toEqual({ ok: false, reason: '1 member way(s) do not form closed rings' });
    expect(assembleMultipolygon([])).toEqual({ ok: false, reason: 'no member ways' });
  });
});

describe('gates near compound boundaries', () => {
  // A 200 m square compound at 119.33 E, 26.09 N, with a 50 m hole in the middle.
  const compound = {
    id: 'c-1',
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [119.33, 26.09],
          [119.332, 26.09],
          [119.332, 26.092],
          [119.33, 26.092],
          [119.33, 26.09],
        ],
        [
          [119.3308, 26.0908],
          [119.3308, 26.0912],
          [119.3312, 26.0912],
          [119.3312, 26.0908],
          [119.3308, 26.0908],
        ],
      ],
    },
  };
  const other = {
    id: 'c-2',
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [119.3321, 26.09],
          [119.334, 26.09],
          [119.334, 26.092],
          [119.3321, 26.092],
          [119.3321, 26.09],
        ],
      ],
    },
  };

  it('gives a gate on the boundary, or within the distance of it, to that compound', () => {
    const matches = matchGates(
      [
        { id: 'on', position: [119.331, 26.09] },
        { id: 'near', position: [119.331, 26.0899] },
        { id: 'hole', position: [119.331, 26.0908] },
        { id: 'far', position: [119.331, 26.095] },
        { id: 'middle', position: [119.3304, 26.0904] },
      ],
      [compound],
      15,
    );
    expect(matches.map((m) => [m.gateId, m.compoundId])).toEqual([
      ['on', 'c-1'],
      ['near', 'c-1'],
      ['hole', 'c-1'],
    ]);
    expect(matches[0]?.distanceM).toBeCloseTo(0, 6);
    expect(matches[1]?.distanceM).toBeCloseTo(11.1, 0);
  });

  it('gives a gate between two compounds to the nearer boundary', () => {
    const matches = matchGates([{ id: 'between', position: [119.33212, 26.091] }], [compound, other], 15);
    expect(matches).toEqual([expect.objectContaining({ gateId: 'between', compoundId: 'c-2' })]);
  });
});
