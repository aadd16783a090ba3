import type { Tags } from './elements';

/**
 * Which OSM ways a person may walk (DATA-CONTRACT.md, network.geojson). Pure, so every
 * rule has a test. Motorways are never walkable; larger roads are unless `foot=no`; a way
 * closed to the public (`access=no/private`) is walkable only with an explicit foot permission.
 */

/** highway=* values that carry pedestrians (https://wiki.openstreetmap.org/wiki/Key:highway). */
const WALKABLE_HIGHWAYS = new Set([
  'footway',
  'path',
  'pedestrian',
  'steps',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'road',
  'track',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'trunk',
  'trunk_link',
  'cycleway',
  'bridleway',
  'corridor',
  'crossing',
  'platform',
  'elevator',
]);

const NEVER_WALKABLE = new Set(['motorway', 'motorway_link']);
const FOOT_ALLOWED = new Set(['yes', 'designated', 'permissive']);
const FOOT_FORBIDDEN = new Set(['no', 'use_sidepath']);
const CLOSED_ACCESS = new Set(['no', 'private']);

export type Walkability = { walkable: true } | { walkable: false; reason: string };

/**
 * Whether a way with these tags is walkable, with the reason when not; null when it is not
 * a highway at all. The reasons are short and stable: the import summary counts by them.
 */
export function walkability(tags: Tags | null): Walkability | null {
  const highway = tags?.highway;
  if (!tags || highway === undefined) return null;
  if (NEVER_WALKABLE.has(highway)) return { walkable: false, reason: 'motorway' };
  if (!WALKABLE_HIGHWAYS.has(highway)) return { walkable: false, reason: `highway=${highway} is not a walkable way type` };
  const foot = tags.foot;
  if (foot !== undefined && FOOT_FORBIDDEN.has(foot)) return { walkable: false, reason: `foot=${foot}` };
  const access = tags.access;
  if (access !== undefined && CLOSED_ACCESS.has(access) && !(foot !== undefined && FOOT_ALLOWED.has(foot))) {
    return { walkable: false, reason: `access=${access} without foot=yes` };
  }
  if (foot === 'private') return { walkable: false, reason: 'foot=private' };
  return { walkable: true };
}

/** A highway mapped as an area (a pedestrian square): walked along its outline. */
export function isHighwayArea(tags: Tags | null): boolean {
  return tags?.area === 'yes';
}
