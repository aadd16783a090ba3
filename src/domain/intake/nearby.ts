import type { RequestStage } from '../dataset';
import { haversineM } from '../geo';

/** "Already reported" radius: a resident standing at the same gate or stairwell (metres). */
export const NEARBY_RADIUS_M = 50;
/** At most this many are offered; more would not help anyone choose. */
export const NEARBY_LIMIT = 5;

export interface NearbyCandidate {
  id: string;
  serviceCode: string;
  status: 'open' | 'closed';
  stage: RequestStage;
  lon: number;
  lat: number;
  requestedAt: string;
}

/**
 * What a resident may see of a neighbour's request before filing the same one: its stage,
 * when it was filed and how far away it is, never its text or who filed it.
 */
export interface NearbyRequest {
  id: string;
  stage: RequestStage;
  requestedAt: string;
  distanceM: number;
}

/**
 * Open requests of one service within `radiusM` of `[lon, lat]` (haversine metres, as Turf),
 * nearest first, so a resident can follow one instead of filing it twice.
 */
export function nearbyOpenRequests(
  candidates: readonly NearbyCandidate[],
  serviceCode: string,
  lon: number,
  lat: number,
  radiusM = NEARBY_RADIUS_M,
  limit = NEARBY_LIMIT,
): NearbyRequest[] {
  const found: NearbyRequest[] = [];
  for (const c of candidates) {
    if (c.status !== 'open' || c.serviceCode !== serviceCode) continue;
    const distanceM = haversineM(lon, lat, c.lon, c.lat);
    if (distanceM <= radiusM) found.push({ id: c.id, stage: c.stage, requestedAt: c.requestedAt, distanceM: Math.round(distanceM) });
  }
  found.sort((a, b) => a.distanceM - b.distanceM || b.requestedAt.localeCompare(a.requestedAt));
  return found.slice(0, limit);
}
