import { pointOnFeature } from '@turf/point-on-feature';
import type { CompoundFeature, Dataset } from './dataset';
import type { LonLat } from './geo';

export interface CompoundOrigins {
  /** WGS84 `[lon, lat]` points the compound's walks start from. */
  points: LonLat[];
  /** 'gates' when the compound has gates, 'surface' for its point on surface, 'point' for any point. */
  kind: 'gates' | 'surface' | 'point';
}

/** Gate points grouped by the id of the compound they belong to. */
export function gatesByCompound(dataset: Pick<Dataset, 'gates'>): Map<string, LonLat[]> {
  const byCompound = new Map<string, LonLat[]>();
  for (const gate of dataset.gates.features) {
    const list = byCompound.get(gate.properties.compound_id) ?? [];
    list.push(gate.geometry.coordinates as LonLat);
    byCompound.set(gate.properties.compound_id, list);
  }
  return byCompound;
}

/**
 * The walking origins of a compound (DATA-CONTRACT.md): its gates, or, without gates, its
 * polygon's point on surface (always inside the polygon, unlike the centroid).
 */
export function compoundOrigins(compound: CompoundFeature, gates: Map<string, LonLat[]>): CompoundOrigins {
  const own = gates.get(compound.properties.id);
  if (own && own.length > 0) return { points: own, kind: 'gates' };
  return { points: [pointOnFeature(compound).geometry.coordinates as LonLat], kind: 'surface' };
}
