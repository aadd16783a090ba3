import type { ContextKind } from '../../domain/dataset';
import type { Tags } from './elements';

/** Which layer besides network and facilities an OSM feature feeds, from its tags. Pure. */

/** Residential compounds (小区): `landuse=residential` areas. */
export function isCompound(tags: Tags | null): boolean {
  return tags?.landuse === 'residential';
}

const GATE_BARRIERS = new Set(['gate', 'lift_gate', 'swing_gate', 'sliding_gate', 'entrance']);

/** `entrance=main` or `barrier=gate` for a node that may be a compound gate, else null. */
export function gateKind(tags: Tags | null): string | null {
  if (!tags) return null;
  if (tags.entrance !== undefined && tags.entrance !== 'no') return `entrance=${tags.entrance}`;
  if (tags.barrier !== undefined && GATE_BARRIERS.has(tags.barrier)) return `barrier=${tags.barrier}`;
  return null;
}

const WATER_AREAS: Record<string, ReadonlySet<string>> = {
  natural: new Set(['water', 'wetland']),
  waterway: new Set(['riverbank', 'dock', 'canal']),
  landuse: new Set(['reservoir', 'basin']),
};
const WATER_LINES = new Set(['river', 'stream', 'canal', 'drain', 'ditch']);
const GREEN: Record<string, ReadonlySet<string>> = {
  leisure: new Set(['park', 'garden', 'pitch', 'golf_course', 'nature_reserve', 'playground', 'common', 'recreation_ground']),
  landuse: new Set(['grass', 'forest', 'meadow', 'recreation_ground', 'village_green', 'cemetery', 'orchard', 'allotments', 'flowerbed']),
  natural: new Set(['wood', 'scrub', 'grassland', 'heath']),
};
const RAIL = new Set(['rail', 'light_rail', 'subway', 'tram', 'narrow_gauge', 'monorail', 'funicular']);

function anyOf(tags: Tags, table: Record<string, ReadonlySet<string>>): boolean {
  return Object.entries(table).some(([key, values]) => tags[key] !== undefined && values.has(tags[key] as string));
}

/**
 * The basemap kind of a feature (DATA-CONTRACT.md, context.geojson), or null. `area` says
 * whether its geometry is an area (closed way or multipolygon) or a line.
 */
export function contextKind(tags: Tags | null, area: boolean): ContextKind | null {
  if (!tags) return null;
  if (area) {
    if (tags.building !== undefined && tags.building !== 'no') return 'building';
    if (anyOf(tags, WATER_AREAS)) return 'water';
    if (anyOf(tags, GREEN)) return 'green';
    return null;
  }
  if (tags.waterway !== undefined && WATER_LINES.has(tags.waterway)) return 'water';
  if (tags.railway !== undefined && RAIL.has(tags.railway)) return 'rail';
  return null;
}

/** Keys whose closed ways are areas even without `area=yes`. */
const AREA_KEYS = ['building', 'landuse', 'natural', 'leisure', 'amenity', 'shop', 'healthcare', 'tourism', 'place', 'office', 'social_facility', 'water'];

/**
 * Whether a way is an area: closed, and `area=yes` or tagged with an area-like key
 * (highways and barriers are lines unless `area=yes`; waterway=riverbank is an area).
 */
export function wayIsArea(tags: Tags | null, refs: readonly number[]): boolean {
  const closed = refs.length >= 4 && refs[0] === refs[refs.length - 1];
  if (!closed || !tags || tags.area === 'no') return false;
  if (tags.area === 'yes') return true;
  if (tags.highway !== undefined || tags.barrier !== undefined || tags.railway !== undefined) return false;
  if (tags.waterway !== undefined) return WATER_AREAS.waterway?.has(tags.waterway) ?? false;
  return AREA_KEYS.some((k) => tags[k] !== undefined);
}

/** `name` prefers `name:zh` (then its Hans/Hant variants), then `name`; `name_en` from `name:en`. */
export function namesOf(tags: Tags | null): { name?: string; name_en?: string } {
  if (!tags) return {};
  const name = tags['name:zh'] ?? tags['name:zh-Hans'] ?? tags['name:zh-CN'] ?? tags.name;
  const out: { name?: string; name_en?: string } = {};
  if (name?.trim()) out.name = name.trim();
  if (tags['name:en']?.trim()) out.name_en = (tags['name:en'] as string).trim();
  return out;
}
