import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { FC, NetworkProps } from '../../src/domain/dataset';
import type { LonLat } from '../../src/domain/geo';
import { VolunteerCoverage } from '../../src/domain/volunteers/coverage';
import type { CompoundSite } from '../../src/domain/volunteers/volunteerReach';

/** Metres per degree at 26.09° N (haversine sphere): latitude everywhere, longitude at this latitude. */
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((26.09 * Math.PI) / 180);
const east = (p: LonLat, m: number): LonLat => [p[0] + m / M_PER_DEG_LON, p[1]];
const north = (p: LonLat, m: number): LonLat => [p[0], p[1] + m / M_PER_DEG_LAT];

const WEST_END: LonLat = [119.3, 26.09];
const MIDDLE = east(WEST_END, 500);

/** Two parallel streets 222 m apart, never joined (a river between them): 1 km each. */
function network(): FC<LineString, NetworkProps> {
  const line = (id: string, from: LonLat): FC<LineString, NetworkProps>['features'][number] => ({
    type: 'Feature',
    properties: { id },
    geometry: { type: 'LineString', coordinates: [from, east(from, 250), east(from, 500), east(from, 750), east(from, 1000)] },
  });
  return { type: 'FeatureCollection', features: [line('south', WEST_END), line('north', north(WEST_END, 222))] };
}

const site = (id: string, gate: LonLat, population = 100, elderly60 = 30): CompoundSite => ({ id, origins: [gate], population, elderly60, elderly80: 5 });

const compounds = [
  site('near', east(MIDDLE, 250), 1000, 300),
  site('far', east(MIDDLE, 350), 500, 100),
  // Across the river: 200 m away in a straight line, but its gate is on the north street.
  site('across', north(MIDDLE, 200), 800, 200),
];

describe('volunteer coverage on a network', () => {
  const coverage = new VolunteerCoverage(network(), compounds, [{ id: 'v-1', point: MIDDLE, radiusM: 300 }]);

  it('reaches the compounds within 300 m walked, not the one across the river', () => {
    const result = coverage.coverage(['v-1']);
    expect(result.distance).toBe('network');
    expect(result.covered.map((c) => c.id)).toEqual(['near']);
    expect(result.covered[0]!.nearestM).toBeCloseTo(250, 0);
    expect(result.uncovered).toEqual(['far', 'across']);
    expect(result.population).toEqual({ covered: 1000, total: 2300 });
    expect(result.elderly60).toEqual({ covered: 300, total: 600 });
  });

  it('covers a strip along the street, far less than the straight-line circle', () => {
    const result = coverage.coverage(['v-1']);
    // 600 m of street with up to 50 m walked off it on each side: about 600 × 120 m.
    expect(result.coveredAreaM2).toBeGreaterThan(50_000);
    expect(result.coveredAreaM2).toBeLessThan(100_000);
    expect(result.coveredAreaM2).toBeLessThan(Math.PI * 300 ** 2 * 0.4);
    expect(result.area.features).toHaveLength(1);
    expect(result.area.features[0]!.geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('no volunteer, no coverage', () => {
    const result = coverage.coverage([]);
    expect(result).toMatchObject({ volunteers: 0, coveredAreaM2: 0, covered: [], uncovered: ['near', 'far', 'across'] });
    expect(result.area.features).toEqual([]);
  });

  it('measures walks from a request to each volunteer, null across the river', () => {
    const walks = coverage.walkTo(east(MIDDLE, 100), ['v-1', 'nobody']);
    expect(walks.get('v-1')).toBeCloseTo(100, 0);
    expect(walks.get('nobody')).toBeNull();
    const fromNorth = coverage.walkTo(north(MIDDLE, 222), ['v-1']);
    expect(fromNorth.get('v-1')).toBeNull();
  });

  it('forgets cached reaches when the volunteers change', () => {
    const live = new VolunteerCoverage(network(), compounds, [{ id: 'v-1', point: MIDDLE, radiusM: 300 }]);
    expect(live.coverage(['v-1']).covered.map((c) => c.id)).toEqual(['near']);
    live.setVolunteers([{ id: 'v-1', point: MIDDLE, radiusM: 400 }]);
    expect(live.coverage(['v-1']).covered.map((c) => c.id)).toEqual(['near', 'far']);
  });
});

describe('overlapping radii without a network (straight-line)', () => {
  const r = 500;
  const a: LonLat = [119.3, 26.09];

  it('two volunteers at the same place cover one disc, not two', () => {
    const coverage = new VolunteerCoverage(
      null,
      [],
      [
        { id: 'a', point: a, radiusM: r },
        { id: 'b', point: a, radiusM: r },
      ],
    );
    const result = coverage.coverage(['a', 'b']);
    expect(result.distance).toBe('straight-line');
    expect(result.coveredAreaM2 / (Math.PI * r * r)).toBeCloseTo(1, 1);
  });

  it('two discs r apart cover 2πr² minus their lens (5.055 r²)', () => {
    const coverage = new VolunteerCoverage(
      null,
      [site('lens', east(a, 250)), site('out', east(a, 1100))],
      [
        { id: 'a', point: a, radiusM: r },
        { id: 'b', point: east(a, r), radiusM: r },
      ],
    );
    const result = coverage.coverage(['a', 'b']);
    const lens = 2 * r * r * Math.acos(0.5) - (r / 2) * Math.sqrt(3) * r;
    const union = 2 * Math.PI * r * r - lens;
    expect(union / (r * r)).toBeCloseTo(5.055, 2);
    expect(Math.abs(result.coveredAreaM2 - union) / union).toBeLessThan(0.03);
    // The compound in the lens is reached by both.
    expect(result.covered).toEqual([{ id: 'lens', nearestM: expect.closeTo(250, 0), volunteers: 2 }]);
    expect(result.uncovered).toEqual(['out']);
  });
});
