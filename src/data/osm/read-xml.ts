import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { OsmElement, OsmFileInfo, OsmMember, OsmReader } from './elements';

/**
 * Streams OSM XML (`.osm`, as written by osmium, JOSM or the Overpass API) with the `saxes`
 * SAX parser: one element is held at a time. Elements JOSM marks `action="delete"` and
 * history entries marked `visible="false"` are left out.
 */

const MEMBER_TYPES = new Set(['node', 'way', 'relation']);

function num(value: string | undefined, what: string, line: number): number {
  const n = value === undefined ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) throw new Error(`line ${line}: ${what} is ${value === undefined ? 'missing' : `"${value}", not a number`}`);
  return n;
}

export const readXml: OsmReader = (path, visit, options) =>
  new Promise<OsmFileInfo>((resolve, reject) => {
    const info: OsmFileInfo = { format: 'xml' };
    const parser = new SaxesParser({ xmlns: false, position: true });
    const { wanted } = options;
    let current: OsmElement | null = null;
    let skip = false;
    let sawRoot = false;
    let newest = '';
    let failed = false;

    const open = (tag: SaxesTagPlain) => {
      const a = tag.attributes;
      switch (tag.name) {
        case 'osm':
          sawRoot = true;
          if (a.generator) info.generator = a.generator;
          if (a.timestamp) info.snapshotTime = a.timestamp;
          return;
        case 'meta':
          if (a.osm_base) info.snapshotTime = a.osm_base;
          return;
        case 'osmChange':
          throw new Error('this is an osmChange (diff) file, not an OSM data file');
        case 'node':
        case 'way':
        case 'relation': {
          if (a.timestamp && a.timestamp > newest) newest = a.timestamp;
          skip = !wanted[tag.name] || a.action === 'delete' || a.visible === 'false';
          if (skip) return;
          const id = num(a.id, `the id of a ${tag.name}`, parser.line);
          if (tag.name === 'node') {
            current = {
              type: 'node',
              id,
              lat: num(a.lat, `the lat of node ${id}`, parser.line),
              lon: num(a.lon, `the lon of node ${id}`, parser.line),
              tags: null,
            };
          } else if (tag.name === 'way') current = { type: 'way', id, refs: [], tags: null };
          else current = { type: 'relation', id, members: [], tags: null };
          return;
        }
        case 'tag':
          if (current && a.k !== undefined) (current.tags ??= {})[a.k] = a.v ?? '';
          return;
        case 'nd':
          if (current?.type === 'way') current.refs.push(num(a.ref, `a node ref of way ${current.id}`, parser.line));
          return;
        case 'member':
          if (current?.type === 'relation' && a.type && MEMBER_TYPES.has(a.type)) {
            const member: OsmMember = {
              type: a.type as OsmMember['type'],
              ref: num(a.ref, `a member ref of relation ${current.id}`, parser.line),
              role: a.role ?? '',
            };
            current.members.push(member);
          }
      }
    };

    parser.on('opentag', (tag) => open(tag as SaxesTagPlain));
    parser.on('closetag', (tag) => {
      if ((tag.name === 'node' || tag.name === 'way' || tag.name === 'relation') && current && !skip) {
        visit(current);
        current = null;
      }
    });

    const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
    let bytes = 0;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stream.destroy();
      reject(error instanceof Error ? new Error(`not readable as OSM XML: ${error.message}`) : error);
    };
    parser.on('error', fail);
    stream.on('data', (chunk) => {
      try {
        parser.write(chunk as string);
        bytes += Buffer.byteLength(chunk as string);
        options.onBytes?.(bytes);
      } catch (error) {
        fail(error);
      }
    });
    stream.on('error', fail);
    stream.on('end', () => {
      if (failed) return;
      try {
        parser.close();
      } catch (error) {
        fail(error);
        return;
      }
      if (!sawRoot) {
        fail(new Error('no <osm> root element'));
        return;
      }
      if (newest) info.newestEdit = newest;
      resolve(info);
    });
  });
