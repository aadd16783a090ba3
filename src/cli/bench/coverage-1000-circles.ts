import { area, circle, featureCollection, union } from '@turf/turf';
import { Rng } from '../../data/sample/prng';
import { gridContours } from '../../domain/contours';
import { circlesCoverage, type CircleM } from '../../domain/coverage';
import type { LonLat } from '../../domain/geo';
import { CITY_CENTRE, CITY_SEED, localProjection } from './city';
import { benchCase, type BenchTask } from './task';

/**
 * DESIGN.md "Coverage of many circles": the area covered by 1,000 circles of 500 m spread
 * over a ~10 km city, and its outline to draw. Ours rasterises (src/domain/coverage.ts) and
 * contours the raster (src/domain/contours.ts); the peer is what a Turf user writes: a
 * turf.circle per centre, one turf.union of them all, turf.area of the result. turf.union of
 * all 1,000 takes seconds a call, so it is timed on the first quarter of the circles (the same
 * ones every run) and multiplied by 4; union costs more than linearly in the circles, so the
 * scaled figure understates it. The check compares areas on that quarter.
 */

/** turf.union is timed on the first 1/SAMPLE_EVERY of the circles (placed at random, so any part is as good). */
const SAMPLE_EVERY = 4;

const RADIUS_M = 500;
const SPREAD_M = 10_000;
/** Areas agree when within this share: rasterising on 20 m cells vs 64-gon circles. */
const AGREE_WITHIN = 0.03;

export function coverageCircles(count: number): CircleM[] {
  const rng = new Rng(CITY_SEED).fork('coverage-circles');
  const toLonLat = localProjection(CITY_CENTRE);
  return Array.from({ length: count }, () => ({
    centre: toLonLat(rng.range(-SPREAD_M / 2, SPREAD_M / 2), rng.range(-SPREAD_M / 2, SPREAD_M / 2)) as LonLat,
    radiusM: RADIUS_M,
  }));
}

export const coverageTask: BenchTask = {
  name: 'coverage-1000-circles',
  dataset: 'synthetic',
  budget: { maxMs: 40, minRatio: { 'turf.union': 30 } },
  setup(env) {
    const circles = coverageCircles(env.quick ? 100 : 1_000);
    const sample = circles.slice(0, Math.ceil(circles.length / SAMPLE_EVERY));
    const fmt = (n: number) => n.toLocaleString('en-US');
    const coverageOf = (list: readonly CircleM[]) => {
      const coverage = circlesCoverage(list);
      const outline = gridContours(coverage.counts, coverage.grid, [0.5]).features[0]!;
      return { areaM2: coverage.coveredAreaM2, outline };
    };
    return benchCase({
      edges: null,
      size: `${circles.length.toLocaleString('en-US')} circles × ${RADIUS_M} m in ${SPREAD_M / 1000} km`,
      ours: () => coverageOf(circles),
      peers: {
        'turf.union': () => {
          const discs = sample.map((c) => circle(c.centre, c.radiusM, { units: 'meters' }));
          const merged = union(featureCollection(discs));
          return merged ? area(merged) : 0;
        },
      },
      scaled: {
        'turf.union': {
          sample: `${fmt(sample.length)} of ${fmt(circles.length)} circles`,
          factor: circles.length / sample.length,
          caveat: 'union costs more than linearly in the circles, so the scaled figure understates it',
        },
      },
      check(_ours, peersM2) {
        // Compared on the circles the peer unites.
        const ours = coverageOf(sample);
        const theirsM2 = peersM2['turf.union'] ?? NaN;
        const outlineM2 = area(ours.outline);
        const diff = ours.areaM2 / theirsM2 - 1;
        const outlineDiff = outlineM2 / theirsM2 - 1;
        const km2 = (m2: number) => (m2 / 1e6).toFixed(2);
        const pct = (d: number) => `${d >= 0 ? '+' : '−'}${Math.abs(d * 100).toFixed(2)} %`;
        return {
          ok: Math.abs(diff) <= AGREE_WITHIN && Math.abs(outlineDiff) <= AGREE_WITHIN,
          note: `${fmt(sample.length)} circles: area ${km2(ours.areaM2)} km² (${pct(diff)}), outline ${km2(outlineM2)} km² (${pct(outlineDiff)}) vs turf ${km2(theirsM2)} km²`,
        };
      },
    });
  },
};
