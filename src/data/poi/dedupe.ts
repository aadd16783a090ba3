import { haversineM } from '../osm/distance';

/**
 * "The same facility": the same name within 30 m (an OSM node and its building, or a POI
 * row already in the dataset). Names are compared after Unicode NFKC folding, without
 * spaces and case, so full-width and half-width spellings of one name are equal.
 */

export const DUPLICATE_DISTANCE_M = 30;

export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

interface Entry {
  id: string;
  lon: number;
  lat: number;
}

/** Facilities seen so far, by name, for duplicate checks. */
export class NameIndex {
  private readonly byName = new Map<string, Entry[]>();

  constructor(private readonly maxDistanceM = DUPLICATE_DISTANCE_M) {}

  add(id: string, name: string | undefined, lon: number, lat: number): void {
    if (!name) return;
    const key = nameKey(name);
    if (!key) return;
    const list = this.byName.get(key);
    if (list) list.push({ id, lon, lat });
    else this.byName.set(key, [{ id, lon, lat }]);
  }

  /** The id of an earlier facility with this name within the distance, or null. Unnamed ones never match. */
  duplicateOf(name: string | undefined, lon: number, lat: number): { id: string; distanceM: number } | null {
    if (!name) return null;
    let best: { id: string; distanceM: number } | null = null;
    for (const entry of this.byName.get(nameKey(name)) ?? []) {
      const distanceM = haversineM(lon, lat, entry.lon, entry.lat);
      if (distanceM <= this.maxDistanceM && (!best || distanceM < best.distanceM)) best = { id: entry.id, distanceM };
    }
    return best;
  }
}
