import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { PbfWriter } from 'pbf';
import { afterAll, describe, expect, it } from 'vitest';
import type { OsmElement } from '../../src/data/osm/elements';
import { importOsm } from '../../src/data/osm/index';
import { readPbf } from '../../src/data/osm/read-pbf';

/**
 * A tiny .osm.pbf written here with the PBF schema (https://wiki.openstreetmap.org/wiki/PBF_Format):
 * a plain node, dense nodes, a way and a relation, so the reader is checked without ../shared.
 */

const temp = mkdtempSync(join(tmpdir(), 'import-pbf-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const STRINGS = ['', 'amenity', 'pharmacy', 'name', '康健大药房', 'highway', 'footway', 'type', 'multipolygon', 'outer', 'landuse', 'residential'];
const s = (text: string) => STRINGS.indexOf(text);

function message(write: (pbf: PbfWriter) => void): Uint8Array {
  const pbf = new PbfWriter();
  write(pbf);
  return pbf.finish();
}

function packed(pbf: PbfWriter, tag: number, values: number[], signed = false): void {
  pbf.writeMessage(tag, (vals: number[], p) => vals.forEach((v) => (signed ? p.writeSVarint(v) : p.writeVarint(v))), values);
}

const deltas = (values: number[]) => values.map((v, i) => v - (values[i - 1] ?? 0));

function blob(type: string, data: Uint8Array, compress: boolean): Buffer {
  const body = message((p) => {
    if (compress) {
      p.writeVarintField(2, data.length);
      p.writeBytesField(3, deflateSync(data));
    } else p.writeBytesField(1, data);
  });
  const header = message((p) => {
    p.writeStringField(1, type);
    p.writeVarintField(3, body.length);
  });
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, body]);
}

function tinyPbf(): Buffer {
  const header = message((p) => {
    p.writeStringField(4, 'OsmSchema-V0.6');
    p.writeStringField(4, 'DenseNodes');
    p.writeStringField(16, 'hand-written test');
    p.writeVarintField(32, Date.parse('2026-10-01T08:00:00Z') / 1000);
  });
  // Coordinates in units of 100 nanodegrees (the default granularity).
  const unit = (deg: number) => Math.round(deg * 1e7);
  const block = message((p) => {
    p.writeMessage(1, (_: null, st) => STRINGS.forEach((text) => st.writeBytesField(1, new TextEncoder().encode(text))), null);
    p.writeMessage(
      2,
      (_: null, group) => {
        group.writeMessage(
          1,
          (_n: null, node) => {
            node.writeSVarintField(1, 1);
            packed(node, 2, [s('amenity'), s('name')]);
            packed(node, 3, [s('pharmacy'), s('康健大药房')]);
            node.writeSVarintField(8, unit(26.0901));
            node.writeSVarintField(9, unit(119.3301));
          },
          null,
        );
      },
      null,
    );
    p.writeMessage(
      2,
      (_: null, group) => {
        group.writeMessage(
          2,
          (_d: null, dense) => {
            packed(dense, 1, deltas([2, 3]), true);
            packed(dense, 8, deltas([unit(26.09), unit(26.091)]), true);
            packed(dense, 9, deltas([unit(119.33), unit(119.331)]), true);
            packed(dense, 10, [0, 0]);
          },
          null,
        );
      },
      null,
    );
    p.writeMessage(
      2,
      (_: null, group) => {
        group.writeMessage(
          3,
          (_w: null, way) => {
            way.writeVarintField(1, 10);
            packed(way, 2, [s('highway')]);
            packed(way, 3, [s('footway')]);
            packed(way, 8, deltas([2, 3]), true);
          },
          null,
        );
        group.writeMessage(
          4,
          (_r: null, rel) => {
            rel.writeVarintField(1, 20);
            packed(rel, 2, [s('type')]);
            packed(rel, 3, [s('multipolygon')]);
            packed(rel, 8, [s('outer')]);
            packed(rel, 9, deltas([10]), true);
            packed(rel, 10, [1]);
          },
          null,
        );
      },
      null,
    );
  });
  return Buffer.concat([blob('OSMHeader', header, false), blob('OSMData', block, true)]);
}

describe('the PBF reader', () => {
  const path = join(temp, 'tiny.osm.pbf');
  writeFileSync(path, tinyPbf());

  it('reads plain and dense nodes, ways, relations and the replication timestamp', async () => {
    const elements: OsmElement[] = [];
    const info = await readPbf(path, (e) => elements.push(e), { wanted: { node: true, way: true, relation: true } });
    expect(info).toMatchObject({ format: 'pbf', generator: 'hand-written test', snapshotTime: '2026-10-01T08:00:00.000Z' });
    expect(elements).toEqual([
      { type: 'node', id: 1, lat: 26.0901, lon: 119.3301, tags: { amenity: 'pharmacy', name: '康健大药房' } },
      { type: 'node', id: 2, lat: 26.09, lon: 119.33, tags: null },
      { type: 'node', id: 3, lat: 26.091, lon: 119.331, tags: null },
      { type: 'way', id: 10, refs: [2, 3], tags: { highway: 'footway' } },
      { type: 'relation', id: 20, members: [{ type: 'way', ref: 10, role: 'outer' }], tags: { type: 'multipolygon' } },
    ]);
  });

  it('skips the element types a pass does not want', async () => {
    const types: string[] = [];
    await readPbf(path, (e) => types.push(e.type), { wanted: { node: false, way: true, relation: false } });
    expect(types).toEqual(['way']);
  });

  it('imports it into a dataset', async () => {
    const { files, summary } = await importOsm(path);
    expect(summary).toMatchObject({ format: 'pbf', dataAsOf: '2026-10-01', highways: { lines: 1, areas: 0 } });
    expect((files['facilities.geojson'] as FeatureCollection).features[0]).toMatchObject({
      properties: { name: '康健大药房', category: 'pharmacy' },
      geometry: { coordinates: [119.3301, 26.0901] },
    });
    expect((files['network.geojson'] as FeatureCollection).features).toHaveLength(1);
  });
});
