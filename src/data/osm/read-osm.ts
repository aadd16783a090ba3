import { open } from 'node:fs/promises';
import type { OsmFormat, OsmReader } from './elements';
import { readOverpass } from './read-overpass';
import { readPbf } from './read-pbf';
import { readXml } from './read-xml';

/** Picks the reader for a file by looking at its first bytes, not trusting its name. */

export const READERS: Record<OsmFormat, OsmReader> = { pbf: readPbf, xml: readXml, 'overpass-json': readOverpass };

/** The format of these leading bytes, or a sentence saying why it is none of ours. */
export function sniffFormat(head: Uint8Array): OsmFormat | { error: string } {
  const ascii = Buffer.from(head).toString('latin1');
  if (ascii.slice(4, 24).includes('OSMHeader')) return 'pbf';
  if (head[0] === 0x1f && head[1] === 0x8b) return { error: 'it is gzip-compressed: decompress it first (gunzip)' };
  if (ascii.startsWith('BZh')) return { error: 'it is bzip2-compressed: decompress it first (bunzip2), or download the .osm.pbf instead' };
  const text = ascii.replace(/^\u00ef\u00bb\u00bf/, '').trimStart();
  if (text.startsWith('<')) return 'xml';
  if (text.startsWith('{')) return 'overpass-json';
  if (head.length === 0) return { error: 'it is empty' };
  return { error: 'it is not an OSM file (.osm.pbf, .osm XML or Overpass JSON)' };
}

/** Opens `path` and tells its format; throws a message fit for a user when it cannot. */
export async function detectFormat(path: string): Promise<OsmFormat> {
  let head: Buffer;
  try {
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(512);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new Error(`cannot read ${path}: ${why}`, { cause: error });
  }
  const format = sniffFormat(head);
  if (typeof format === 'object') throw new Error(`cannot import ${path}: ${format.error}`);
  return format;
}
