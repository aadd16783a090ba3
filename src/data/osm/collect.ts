import type { Bounds } from '../../domain/bounds';
import type { ContextKind } from '../../domain/dataset';
import { CoordStore } from './coord-store';
import type { OsmElement, OsmFileInfo, OsmNode, OsmReader, OsmRelation, OsmWay, Wanted } from './elements';
import { classifyFacility, unmatchedFacilityTag } from './facility-table';
import { isHighwayArea, walkability } from './highways';
import { contextKind, gateKind, isCompound, wayIsArea } from './layer-tags';
import { SkipLog } from './skip-log';

/**
 * Reads a file in up to three streamed passes so memory grows with what is kept, not with
 * the file: (1) tagged nodes, ways and multipolygons of interest; (2) untagged member ways
 * of those multipolygons, only when some are missing; (3) the coordinates of just the nodes
 * the kept ways use.
 */

export type Bbox = Bounds;

export interface PassProgress {
  pass: number;
  label: string;
  bytes: number;
}

export interface Collected {
  info: OsmFileInfo;
  /** Tagged nodes kept as facilities or gate candidates. */
  nodes: OsmNode[];
  /** Ways kept for a layer or as a multipolygon member, by id. */
  ways: Map<number, OsmWay>;
  /** Multipolygon relations of interest. */
  relations: OsmRelation[];
  /** `[lon, lat]` of every node a kept way uses (and that the file has). */
  coords: CoordStore;
  counts: { nodes: number; ways: number; relations: number; highwayWays: number; highwayAreas: number };
  skipped: SkipLog;
  passes: number;
}

const ONLY_WAYS: Wanted = { node: false, way: true, relation: false };
const ONLY_NODES: Wanted = { node: true, way: false, relation: false };

export function inBbox(bbox: Bbox | undefined, lon: number, lat: number): boolean {
  return !bbox || (lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]);
}

export interface CollectOptions {
  bbox?: Bbox;
  /** Context kinds to keep (default all); leaving out buildings saves much memory on a city. */
  contextKinds?: ReadonlySet<ContextKind>;
  onProgress?: (progress: PassProgress) => void;
}

/** The context kind of a feature, when that kind is wanted. */
export function wantedContext(tags: OsmWay['tags'], area: boolean, kinds: ReadonlySet<ContextKind> | undefined): ContextKind | null {
  const kind = contextKind(tags, area);
  return kind && (!kinds || kinds.has(kind)) ? kind : null;
}

/** Whether any layer wants this way; records why a highway is not walkable. */
function wayWanted(way: OsmWay, skipped: SkipLog, kinds: ReadonlySet<ContextKind> | undefined): boolean {
  const tags = way.tags;
  if (!tags) return false;
  let wanted = false;
  const walk = walkability(tags);
  if (walk?.walkable) wanted = true;
  else if (walk) skipped.add('network.geojson', walk.reason);
  const area = wayIsArea(tags, way.refs);
  if (isCompound(tags)) {
    if (area) wanted = true;
    else skipped.add('compounds.geojson', 'landuse=residential way that is not a closed ring');
  }
  if (classifyFacility(tags)) wanted = true;
  else if (!walk) {
    const unmatched = unmatchedFacilityTag(tags);
    if (unmatched) skipped.add('facilities.geojson', `not in the category table: ${unmatched}`);
  }
  if (wantedContext(tags, area, kinds)) wanted = true;
  return wanted;
}

function relationWanted(relation: OsmRelation, kinds: ReadonlySet<ContextKind> | undefined): boolean {
  const tags = relation.tags;
  if (tags?.type !== 'multipolygon') return false;
  return isCompound(tags) || classifyFacility(tags) !== null || wantedContext(tags, true, kinds) !== null;
}

function nodeWanted(node: OsmNode, bbox: Bbox | undefined, skipped: SkipLog): boolean {
  const tags = node.tags;
  if (!tags) return false;
  const facility = classifyFacility(tags) !== null;
  const gate = gateKind(tags) !== null;
  if (!facility && !gate) {
    const unmatched = unmatchedFacilityTag(tags);
    if (unmatched) skipped.add('facilities.geojson', `not in the category table: ${unmatched}`);
    return false;
  }
  if (!inBbox(bbox, node.lon, node.lat)) {
    skipped.add(facility ? 'facilities.geojson' : 'gates.geojson', 'outside --bbox');
    return false;
  }
  return true;
}

export async function collect(path: string, reader: OsmReader, options: CollectOptions = {}): Promise<Collected> {
  const skipped = new SkipLog();
  const nodes: OsmNode[] = [];
  const ways = new Map<number, OsmWay>();
  const relations: OsmRelation[] = [];
  const counts = { nodes: 0, ways: 0, relations: 0, highwayWays: 0, highwayAreas: 0 };
  let pass = 1;
  const onBytes = (label: string) => (bytes: number) => options.onProgress?.({ pass, label, bytes });

  const first = (element: OsmElement) => {
    if (element.type === 'node') {
      counts.nodes++;
      if (nodeWanted(element, options.bbox, skipped)) nodes.push(element);
    } else if (element.type === 'way') {
      counts.ways++;
      if (element.tags?.highway !== undefined) {
        if (isHighwayArea(element.tags)) counts.highwayAreas++;
        else counts.highwayWays++;
      }
      if (wayWanted(element, skipped, options.contextKinds)) ways.set(element.id, element);
    } else {
      counts.relations++;
      if (relationWanted(element, options.contextKinds)) relations.push(element);
    }
  };
  const info = await reader(path, first, { wanted: { node: true, way: true, relation: true }, onBytes: onBytes('elements') });

  const missingMembers = new Set<number>();
  for (const relation of relations) {
    for (const m of relation.members) if (m.type === 'way' && !ways.has(m.ref)) missingMembers.add(m.ref);
  }
  let passes = 1;
  if (missingMembers.size > 0) {
    pass = ++passes;
    await reader(
      path,
      (element) => {
        if (element.type === 'way' && missingMembers.has(element.id)) ways.set(element.id, element);
      },
      { wanted: ONLY_WAYS, onBytes: onBytes('multipolygon members') },
    );
  }

  const needed = new Set<number>();
  for (const way of ways.values()) for (const ref of way.refs) needed.add(ref);
  const coords = new CoordStore();
  pass = ++passes;
  await reader(
    path,
    (element) => {
      if (element.type === 'node' && needed.has(element.id)) coords.set(element.id, element.lon, element.lat);
    },
    { wanted: ONLY_NODES, onBytes: onBytes('way positions') },
  );
  return { info, nodes, ways, relations, coords, counts, skipped, passes };
}
