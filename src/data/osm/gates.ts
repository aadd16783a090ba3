import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { degreesFor, pointToLineM } from './distance';

/**
 * Gates (小区出入口): entrance and gate nodes on or near a compound's boundary belong to
 * that compound. Pure: points and polygons in, matches out.
 */

/** Default: how far from a boundary (metres) an entrance still counts as that compound's gate. */
export const GATE_DISTANCE_M = 15;

export interface GateCandidate {
  id: string;
  /** `[lon, lat]`. */
  position: Position;
}

export interface CompoundOutline {
  id: string;
  geometry: Polygon | MultiPolygon;
}

export interface GateMatch {
  gateId: string;
  compoundId: string;
  /** Metres from the gate to the nearest ring of that compound. */
  distanceM: number;
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * Matches each candidate to the compound whose boundary (outer ring or hole) is nearest,
 * when that is within `maxDistanceM`; candidates near no compound are left out.
 */
export function matchGates(candidates: readonly GateCandidate[], compounds: readonly CompoundOutline[], maxDistanceM = GATE_DISTANCE_M): GateMatch[] {
  if (compounds.length === 0 || candidates.length === 0) return [];
  const index = new Flatbush(compounds.length);
  const rings = compounds.map((c) => ringsOf(c.geometry));
  for (const compoundRings of rings) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ring of compoundRings) {
      for (const [x, y] of ring as [number, number][]) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  const matches: GateMatch[] = [];
  for (const gate of candidates) {
    const [lon, lat] = gate.position as [number, number];
    const { dLon, dLat } = degreesFor(maxDistanceM, lat);
    let best: GateMatch | null = null;
    for (const i of index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      for (const ring of rings[i] as Position[][]) {
        const distanceM = pointToLineM(gate.position, ring);
        if (distanceM <= maxDistanceM && (!best || distanceM < best.distanceM)) {
          best = { gateId: gate.id, compoundId: (compounds[i] as CompoundOutline).id, distanceM };
        }
      }
    }
    if (best) matches.push(best);
  }
  return matches;
}
