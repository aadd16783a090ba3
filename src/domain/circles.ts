import { circle, featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from './geo';

export interface CircleBandProps {
  minutes: number;
  /** Straight-line radius in metres: speed × minutes. */
  radiusM: number;
  kind: 'straight-line';
}

/** Polygon vertices per circle: smooth at street scale, cheap to union. */
const STEPS = 72;

/**
 * Straight-line service circles: for each band, the union of circles of radius
 * `speedMPerMin × minutes` around every origin. Largest band first so smaller ones draw on top.
 * These are what paper guide maps draw; they overstate what can be walked (DESIGN.md).
 */
export function straightLineCircles(
  origins: readonly LonLat[],
  speedMPerMin: number,
  bandMinutes: readonly number[],
): FeatureCollection<Polygon | MultiPolygon, CircleBandProps> {
  const bands = [...bandMinutes].sort((a, b) => b - a);
  const features = bands.flatMap((minutes) => {
    const radiusM = speedMPerMin * minutes;
    const props: CircleBandProps = { minutes, radiusM, kind: 'straight-line' };
    const discs = origins.map((origin) => circle(origin, radiusM, { units: 'meters', steps: STEPS }));
    const merged: Feature<Polygon | MultiPolygon> | null = discs.length === 1 ? (discs[0] ?? null) : union(featureCollection(discs));
    if (!merged) return [];
    return [{ type: 'Feature' as const, geometry: merged.geometry, properties: props }];
  });
  return { type: 'FeatureCollection', features };
}
