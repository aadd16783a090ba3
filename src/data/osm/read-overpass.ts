import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import type { OsmElement, OsmFileInfo, OsmMember, OsmReader, Tags, Wanted } from './elements';

/**
 * Streams Overpass API JSON (`[out:json]`) with `stream-json`: the `elements` array is
 * read one element at a time. Ways written with `out geom` carry their node positions;
 * those are handed over as untagged nodes, so a query without `>;` still has geometry.
 */

const HEAD_BYTES = 64 * 1024;

interface RawElement {
  type?: unknown;
  id?: unknown;
  lat?: unknown;
  lon?: unknown;
  tags?: unknown;
  nodes?: unknown;
  members?: unknown;
  geometry?: unknown;
  timestamp?: unknown;
}

function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${what} is ${JSON.stringify(value)}, not a number`);
  return value;
}

function tagsOf(raw: unknown): Tags | null {
  if (!raw || typeof raw !== 'object') return null;
  const tags: Tags = {};
  for (const [k, v] of Object.entries(raw)) tags[k] = String(v);
  return Object.keys(tags).length ? tags : null;
}

/** The elements one raw Overpass element stands for (a way `out geom` also yields its nodes). */
export function overpassElements(raw: RawElement, index: number, wanted: Wanted): OsmElement[] {
  const where = `element ${index}`;
  const type = raw.type;
  if (type !== 'node' && type !== 'way' && type !== 'relation') return [];
  const id = finite(raw.id, `the id of ${where}`);
  const tags = tagsOf(raw.tags);
  if (type === 'node') {
    if (!wanted.node) return [];
    return [{ type, id, lat: finite(raw.lat, `the lat of node ${id}`), lon: finite(raw.lon, `the lon of node ${id}`), tags }];
  }
  if (type === 'way') {
    const refs = Array.isArray(raw.nodes) ? raw.nodes.map((n) => finite(n, `a node of way ${id}`)) : [];
    const out: OsmElement[] = [];
    if (wanted.node && Array.isArray(raw.geometry) && raw.geometry.length === refs.length) {
      raw.geometry.forEach((point: { lat?: unknown; lon?: unknown } | null, i) => {
        if (point)
          out.push({
            type: 'node',
            id: refs[i] as number,
            lat: finite(point.lat, `a position of way ${id}`),
            lon: finite(point.lon, `a position of way ${id}`),
            tags: null,
          });
      });
    }
    if (wanted.way) out.push({ type, id, refs, tags });
    return out;
  }
  if (!wanted.relation) return [];
  const members: OsmMember[] = [];
  for (const m of Array.isArray(raw.members) ? (raw.members as Array<{ type?: unknown; ref?: unknown; role?: unknown }>) : []) {
    if (m.type !== 'node' && m.type !== 'way' && m.type !== 'relation') continue;
    members.push({ type: m.type, ref: finite(m.ref, `a member of relation ${id}`), role: typeof m.role === 'string' ? m.role : '' });
  }
  return [{ type, id, members, tags }];
}

async function readHead(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}

export const readOverpass: OsmReader = async (path, visit, options) => {
  const info: OsmFileInfo = { format: 'overpass-json' };
  const head = await readHead(path);
  info.snapshotTime = /"timestamp_osm_base"\s*:\s*"([^"]+)"/.exec(head)?.[1];
  info.generator = /"generator"\s*:\s*"([^"]+)"/.exec(head)?.[1];
  let newest = '';
  let count = 0;
  let bytes = 0;
  const source = createReadStream(path);
  source.on('data', (chunk) => {
    bytes += chunk.length;
    options.onBytes?.(bytes);
  });
  try {
    await pipeline(
      source,
      pick.withParserAsStream({ filter: 'elements' }),
      streamArray.asStream(),
      async (items: AsyncIterable<{ key: number; value: RawElement }>) => {
        for await (const { key, value } of items) {
          count++;
          if (typeof value.timestamp === 'string' && value.timestamp > newest) newest = value.timestamp;
          for (const element of overpassElements(value, key, options.wanted)) visit(element);
        }
      },
    );
  } catch (error) {
    throw new Error(`not readable as Overpass JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (count === 0 && !/"elements"\s*:/.test(head))
    throw new Error('not Overpass JSON: it has no "elements" array (GeoJSON POI tables go through npm run import:poi)');
  if (newest) info.newestEdit = newest;
  return info;
};
