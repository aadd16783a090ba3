/**
 * OpenStreetMap elements as every reader (PBF, XML, Overpass JSON) hands them over: the
 * same shape whatever the file format, so everything after reading is format-blind.
 * Ids are plain numbers (OSM ids stay well below 2^53).
 */

export type Tags = Record<string, string>;

export interface OsmNode {
  type: 'node';
  id: number;
  /** Degrees, WGS84. */
  lon: number;
  lat: number;
  tags: Tags | null;
}

export interface OsmWay {
  type: 'way';
  id: number;
  /** Node ids in order. */
  refs: number[];
  tags: Tags | null;
}

export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

export interface OsmRelation {
  type: 'relation';
  id: number;
  members: OsmMember[];
  tags: Tags | null;
}

export type OsmElement = OsmNode | OsmWay | OsmRelation;
export type OsmElementType = OsmElement['type'];

/** Which element types a pass needs; a reader may skip decoding the others. */
export type Wanted = Readonly<Record<OsmElementType, boolean>>;

export const ALL_ELEMENTS: Wanted = { node: true, way: true, relation: true };

/** What a file says about itself, besides its elements. */
export interface OsmFileInfo {
  format: OsmFormat;
  /** When the data was extracted (PBF replication timestamp, XML/Overpass `osm_base`), ISO. */
  snapshotTime?: string;
  /** The newest element edit seen (ISO), a fallback for snapshotTime. */
  newestEdit?: string;
  /** The program that wrote the file, when it says. */
  generator?: string;
}

export const OSM_FORMATS = ['pbf', 'xml', 'overpass-json'] as const;
export type OsmFormat = (typeof OSM_FORMATS)[number];

export interface ReadOptions {
  wanted: Wanted;
  /** Called as bytes of the file are consumed (total so far). */
  onBytes?: (bytesRead: number) => void;
}

/** Streams the elements of one file in file order; resolves with what the file says about itself. */
export type OsmReader = (path: string, visit: (element: OsmElement) => void, options: ReadOptions) => Promise<OsmFileInfo>;

/** `node/123`, as osm.org URLs spell an element. */
export function elementRef(type: OsmElementType, id: number): string {
  return `${type}/${id}`;
}

/** A feature id that says where it came from: `osm-n123`, `osm-w45`, `osm-r6`. */
export function featureId(type: OsmElementType, id: number): string {
  return `osm-${type[0]}${id}`;
}

/** Keeps the later of two ISO timestamps (either may be missing). */
export function laterTime(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
