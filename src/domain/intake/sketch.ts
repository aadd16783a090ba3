import { bbox as turfBbox, bboxClip, pointOnFeature } from '@turf/turf';
import type { LineString, MultiLineString, Position } from 'geojson';
import type { CompoundFeature, Dataset } from '../dataset';
import type { LonLat } from '../geo';
import { fromLocalM, localFrame, toLocalM } from './projection';

/** Margin drawn around a compound so the streets at its gates show (metres). */
export const SKETCH_MARGIN_M = 120;

/**
 * A small drawing of one compound for the intake page: its outline, the streets around it
 * and its gates, clipped to a box a little larger than the compound. A few kilobytes, where
 * the whole street network would be most of a megabyte on a phone. Public data only.
 */
export interface CompoundSketch {
  /** `[west, south, east, north]` degrees. */
  bbox: [number, number, number, number];
  /** Rings of the compound's outline, `[lon, lat]`. */
  outline: LonLat[][];
  streets: { name: string | null; coords: LonLat[] }[];
  gates: { name: string | null; nameEn: string | null; lon: number; lat: number }[];
}

const round = (p: Position): LonLat => [Math.round(p[0]! * 1e6) / 1e6, Math.round(p[1]! * 1e6) / 1e6];

/** A point inside the compound (not its centroid, which can fall outside an L-shaped one). */
export function compoundPoint(compound: CompoundFeature): LonLat {
  return round(pointOnFeature(compound).geometry.coordinates);
}

export function compoundSketch(compound: CompoundFeature, dataset: Pick<Dataset, 'network' | 'gates'>): CompoundSketch {
  const [w, s, e, n] = turfBbox(compound) as [number, number, number, number];
  const frame = localFrame(w, s);
  const [eastM, northM] = toLocalM(frame, e, n);
  const [bw, bs] = fromLocalM(frame, -SKETCH_MARGIN_M, -SKETCH_MARGIN_M);
  const [be, bn] = fromLocalM(frame, eastM + SKETCH_MARGIN_M, northM + SKETCH_MARGIN_M);
  const box: [number, number, number, number] = [bw, bs, be, bn];
  const polygons = compound.geometry.type === 'Polygon' ? [compound.geometry.coordinates] : compound.geometry.coordinates;
  const outline = polygons.map((rings) => rings[0]!.map((p) => round(p)));
  const streets: CompoundSketch['streets'] = [];
  for (const line of dataset.network?.features ?? []) {
    const [lw, ls, le, ln] = turfBbox(line);
    if (le! < box[0] || lw! > box[2] || ln! < box[1] || ls! > box[3]) continue;
    const clipped = bboxClip(line, box).geometry as LineString | MultiLineString;
    const parts: Position[][] = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
    for (const part of parts) if (part.length >= 2) streets.push({ name: line.properties.name ?? null, coords: part.map((p) => round(p)) });
  }
  const gates = dataset.gates.features
    .filter((g) => g.properties.compound_id === compound.properties.id)
    .map((g) => {
      const [lon, lat] = round(g.geometry.coordinates);
      return { name: g.properties.name ?? null, nameEn: g.properties.name_en ?? null, lon, lat };
    });
  return { bbox: box.map((v) => Math.round(v * 1e6) / 1e6) as CompoundSketch['bbox'], outline, streets, gates };
}
