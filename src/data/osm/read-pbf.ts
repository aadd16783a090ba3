import { open } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { PbfReader } from 'pbf';
import type { OsmElement, OsmFileInfo, OsmMember, OsmReader, Tags, Wanted } from './elements';

/**
 * Streams an `.osm.pbf` file (https://wiki.openstreetmap.org/wiki/PBF_Format) one blob at
 * a time with mapbox's `pbf` protobuf decoder: memory holds one block (at most 32 MiB
 * uncompressed), never the file. Element types a pass does not want are skipped undecoded.
 */

const MAX_HEADER_BYTES = 64 * 1024;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;
const MEMBER_TYPES = ['node', 'way', 'relation'] as const;
const utf8 = new TextDecoder();

interface BlockState {
  strings: string[];
  /** Nanodegrees per coordinate unit (default 100). */
  granularity: number;
  latOffset: number;
  lonOffset: number;
  /** Milliseconds per timestamp unit (default 1000). */
  dateGranularity: number;
  groups: Array<[start: number, end: number]>;
}

interface Sink {
  wanted: Wanted;
  visit: (element: OsmElement) => void;
  /** Newest edit, ms since 1970. */
  newest: number;
}

function tagsOf(keys: number[], vals: number[], strings: string[]): Tags | null {
  if (keys.length === 0) return null;
  const tags: Tags = {};
  keys.forEach((k, i) => (tags[strings[k] as string] = strings[vals[i] as number] as string));
  return tags;
}

/** Unpacks a `(length, bytes)` field's extent and moves past it. */
function extent(pbf: PbfReader): [number, number] {
  const end = pbf.readVarint() + pbf.pos;
  const start = pbf.pos;
  pbf.pos = end;
  return [start, end];
}

function readInfoTimestamp(pbf: PbfReader): number {
  let timestamp = 0;
  pbf.readMessage((tag, _r, p) => {
    if (tag === 2) timestamp = p.readVarint(true);
  }, null);
  return timestamp;
}

function readDense(pbf: PbfReader, block: BlockState, sink: Sink): void {
  const ids: number[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  const keysVals: number[] = [];
  const stamps: number[] = [];
  pbf.readMessage((tag, _r, p) => {
    if (tag === 1) p.readPackedSVarint(ids);
    else if (tag === 8) p.readPackedSVarint(lats);
    else if (tag === 9) p.readPackedSVarint(lons);
    else if (tag === 10) p.readPackedVarint(keysVals);
    else if (tag === 5) {
      p.readMessage((infoTag, _i, q) => {
        if (infoTag === 2) q.readPackedSVarint(stamps);
      }, null);
    }
  }, null);
  let id = 0;
  let lat = 0;
  let lon = 0;
  let stamp = 0;
  let kv = 0;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i] as number;
    lat += lats[i] as number;
    lon += lons[i] as number;
    if (stamps.length > i) stamp += stamps[i] as number;
    let tags: Tags | null = null;
    while (kv < keysVals.length && keysVals[kv] !== 0) {
      tags ??= {};
      tags[block.strings[keysVals[kv] as number] as string] = block.strings[keysVals[kv + 1] as number] as string;
      kv += 2;
    }
    kv++;
    if (stamp * block.dateGranularity > sink.newest) sink.newest = stamp * block.dateGranularity;
    sink.visit({
      type: 'node',
      id,
      // Integer nanodegrees divided once: the same double as parsing the 7-decimal text.
      lat: (block.latOffset + block.granularity * lat) / 1e9,
      lon: (block.lonOffset + block.granularity * lon) / 1e9,
      tags,
    });
  }
}

function readNode(pbf: PbfReader, block: BlockState, sink: Sink): void {
  const node = { id: 0, lat: 0, lon: 0, keys: [] as number[], vals: [] as number[], stamp: 0 };
  pbf.readMessage((tag, n, p) => {
    if (tag === 1) n.id = p.readSVarint();
    else if (tag === 2) p.readPackedVarint(n.keys);
    else if (tag === 3) p.readPackedVarint(n.vals);
    else if (tag === 4) n.stamp = readInfoTimestamp(p);
    else if (tag === 8) n.lat = p.readSVarint();
    else if (tag === 9) n.lon = p.readSVarint();
  }, node);
  sink.newest = Math.max(sink.newest, node.stamp * block.dateGranularity);
  sink.visit({
    type: 'node',
    id: node.id,
    lat: (block.latOffset + block.granularity * node.lat) / 1e9,
    lon: (block.lonOffset + block.granularity * node.lon) / 1e9,
    tags: tagsOf(node.keys, node.vals, block.strings),
  });
}

function readWay(pbf: PbfReader, block: BlockState, sink: Sink): void {
  const way = { id: 0, keys: [] as number[], vals: [] as number[], deltas: [] as number[], stamp: 0 };
  pbf.readMessage((tag, w, p) => {
    if (tag === 1) w.id = p.readVarint(true);
    else if (tag === 2) p.readPackedVarint(w.keys);
    else if (tag === 3) p.readPackedVarint(w.vals);
    else if (tag === 4) w.stamp = readInfoTimestamp(p);
    else if (tag === 8) p.readPackedSVarint(w.deltas);
  }, way);
  let ref = 0;
  const refs = way.deltas.map((delta) => (ref += delta));
  sink.newest = Math.max(sink.newest, way.stamp * block.dateGranularity);
  sink.visit({ type: 'way', id: way.id, refs, tags: tagsOf(way.keys, way.vals, block.strings) });
}

function readRelation(pbf: PbfReader, block: BlockState, sink: Sink): void {
  const rel = { id: 0, keys: [] as number[], vals: [] as number[], roles: [] as number[], ids: [] as number[], types: [] as number[], stamp: 0 };
  pbf.readMessage((tag, r, p) => {
    if (tag === 1) r.id = p.readVarint(true);
    else if (tag === 2) p.readPackedVarint(r.keys);
    else if (tag === 3) p.readPackedVarint(r.vals);
    else if (tag === 4) r.stamp = readInfoTimestamp(p);
    else if (tag === 8) p.readPackedVarint(r.roles);
    else if (tag === 9) p.readPackedSVarint(r.ids);
    else if (tag === 10) p.readPackedVarint(r.types);
  }, rel);
  let ref = 0;
  const members: OsmMember[] = rel.ids.map((delta, i) => ({
    type: MEMBER_TYPES[rel.types[i] ?? 0] ?? 'node',
    ref: (ref += delta),
    role: block.strings[rel.roles[i] ?? 0] ?? '',
  }));
  sink.newest = Math.max(sink.newest, rel.stamp * block.dateGranularity);
  sink.visit({ type: 'relation', id: rel.id, members, tags: tagsOf(rel.keys, rel.vals, block.strings) });
}

function readPrimitiveBlock(data: Uint8Array, sink: Sink): void {
  const pbf = new PbfReader(data);
  const block: BlockState = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, dateGranularity: 1000, groups: [] };
  pbf.readFields((tag, b, p) => {
    if (tag === 1) {
      p.readMessage((sTag, _s, q) => {
        if (sTag === 1) b.strings.push(utf8.decode(q.readBytes()));
      }, null);
    } else if (tag === 2) b.groups.push(extent(p));
    else if (tag === 17) b.granularity = p.readVarint();
    else if (tag === 18) b.dateGranularity = p.readVarint();
    else if (tag === 19) b.latOffset = p.readVarint(true);
    else if (tag === 20) b.lonOffset = p.readVarint(true);
  }, block);
  const { wanted } = sink;
  for (const [start, end] of block.groups) {
    pbf.pos = start;
    pbf.readFields(
      (tag, _g, p) => {
        if (tag === 2 && wanted.node) readDense(p, block, sink);
        else if (tag === 1 && wanted.node) readNode(p, block, sink);
        else if (tag === 3 && wanted.way) readWay(p, block, sink);
        else if (tag === 4 && wanted.relation) readRelation(p, block, sink);
      },
      null,
      end,
    );
  }
}

function readHeaderBlock(data: Uint8Array, info: OsmFileInfo): void {
  new PbfReader(data).readFields((tag, _h, p) => {
    if (tag === 4) {
      const feature = p.readString();
      if (!['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation'].includes(feature)) {
        throw new Error(`this PBF file needs a reader feature that is not supported: ${feature}`);
      }
    } else if (tag === 16) info.generator = p.readString();
    else if (tag === 32) info.snapshotTime = new Date(p.readVarint(true) * 1000).toISOString();
  }, null);
}

/** The uncompressed bytes of a Blob message. */
function blobData(blob: Uint8Array): Uint8Array {
  let raw: Uint8Array | null = null;
  let zlib: Uint8Array | null = null;
  let other: string | null = null;
  new PbfReader(blob).readFields((tag, _b, p) => {
    if (tag === 1) raw = p.readBytes();
    else if (tag === 3) zlib = p.readBytes();
    else if (tag === 4 || tag === 6 || tag === 7) other = ({ 4: 'lzma', 6: 'lz4', 7: 'zstd' } as const)[tag];
  }, null);
  if (raw) return raw;
  if (zlib) return inflateSync(zlib);
  throw new Error(other ? `a block is ${other}-compressed, which is not supported (re-save the file with zlib, e.g. osmium cat)` : 'a block holds no data');
}

function readBlobHeader(bytes: Uint8Array): { type: string; dataSize: number } {
  const header = { type: '', dataSize: -1 };
  new PbfReader(bytes).readFields((tag, h, p) => {
    if (tag === 1) h.type = p.readString();
    else if (tag === 3) h.dataSize = p.readVarint();
  }, header);
  return header;
}

/** Reads the PBF file at `path`, visiting the wanted elements in file order. */
export const readPbf: OsmReader = async (path, visit, options) => {
  const info: OsmFileInfo = { format: 'pbf' };
  const sink: Sink = { wanted: options.wanted, visit, newest: 0 };
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    let position = 0;
    const readExactly = async (length: number, what: string) => {
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      if (bytesRead < length) throw new Error(`not a complete OSM PBF file: it ends inside a ${what} at byte ${position + bytesRead}`);
      position += length;
      return buffer;
    };
    let blocks = 0;
    while (position < size) {
      const headerLength = (await readExactly(4, 'block length')).readUInt32BE(0);
      if (headerLength === 0 || headerLength > MAX_HEADER_BYTES)
        throw new Error(`not an OSM PBF file (bad block header length ${headerLength} at byte ${position - 4})`);
      const header = readBlobHeader(await readExactly(headerLength, 'block header'));
      if (header.dataSize < 0 || header.dataSize > MAX_BLOB_BYTES) throw new Error(`not an OSM PBF file (bad block size at byte ${position})`);
      if (blocks === 0 && header.type !== 'OSMHeader') throw new Error(`not an OSM PBF file (first block is "${header.type}", expected "OSMHeader")`);
      const data = blobData(await readExactly(header.dataSize, 'block'));
      if (header.type === 'OSMHeader') readHeaderBlock(data, info);
      else if (header.type === 'OSMData') readPrimitiveBlock(data, sink);
      blocks++;
      options.onBytes?.(position);
    }
  } finally {
    await file.close();
  }
  if (sink.newest > 0) info.newestEdit = new Date(sink.newest).toISOString();
  return info;
};
