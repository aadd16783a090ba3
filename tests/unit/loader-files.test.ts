import { describe, expect, it } from 'vitest';
import { loadDataset, type ReadFile } from '../../src/data/load';
import { DATASET_FILES } from '../../src/domain/dataset';
import { collection, compound, facility, files, line, manifest, memory, plain } from './loader-helpers';

describe('loader: whole files', () => {
  it('loads a minimal dataset; absent optional files are empty and an absent network is null', async () => {
    const { dataset, problems, fatal } = await loadDataset(memory(files()));
    expect(fatal).toBeNull();
    expect(problems).toEqual([]);
    expect(dataset?.compounds.features).toHaveLength(1);
    expect(dataset?.network).toBeNull();
    for (const layer of ['gates', 'grids', 'volunteers', 'requests', 'context'] as const) {
      expect(dataset?.[layer]).toEqual({ type: 'FeatureCollection', features: [] });
    }
  });

  it('reports an optional file that is not JSON, with line and column, and loads the rest', async () => {
    const { dataset, problems, fatal } = await loadDataset(memory(files({ 'gates.geojson': '{\n  "type": "FeatureCollection",\n  features: []\n}' })));
    expect(fatal).toBeNull();
    expect(dataset?.gates.features).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'gates.geojson', field: '(file)', severity: 'error' });
    expect(problems[0]!.message).toMatch(/^not valid JSON: .*line 3, column 3/);
  });

  it('makes a required file that is not JSON fatal, naming the file', async () => {
    const result = await loadDataset(memory(files({ 'compounds.geojson': 'name,population\n瑞城花园,1200\n' })), { label: 'data/broken' });
    expect(result.dataset).toBeNull();
    expect(result.fatal).toBe('Cannot load "data/broken": compounds.geojson is not valid JSON');
    expect(plain(result.problems)).toEqual([
      { file: 'compounds.geojson', field: '(file)', message: expect.stringMatching(/^not valid JSON: Unexpected token/), severity: 'error' },
    ]);
  });

  it('reports JSON that is not a FeatureCollection', async () => {
    const single = JSON.stringify(JSON.parse(collection(facility('f-9'))).features[0]);
    const result = await loadDataset(memory(files({ 'facilities.geojson': single, 'network.geojson': '[1, 2]' })));
    expect(result.fatal).toBe('Cannot load the dataset: facilities.geojson is not a GeoJSON FeatureCollection');
    expect(result.problems.map((p) => [p.file, p.field, p.message])).toEqual([
      [
        'facilities.geojson',
        '(file)',
        'expected a GeoJSON FeatureCollection ({ "type": "FeatureCollection", "features": [ … ] }), found a JSON object of type "Feature"',
      ],
      ['network.geojson', '(file)', 'expected a GeoJSON FeatureCollection ({ "type": "FeatureCollection", "features": [ … ] }), found an array of 2'],
    ]);
  });

  it('makes a missing required file fatal, naming it', async () => {
    const result = await loadDataset(memory(files({ 'facilities.geojson': null })));
    expect(result.dataset).toBeNull();
    expect(result.fatal).toBe('Cannot load the dataset: facilities.geojson is missing');
    expect(plain(result.problems)).toEqual([
      {
        file: 'facilities.geojson',
        field: '(file)',
        message: 'missing: this file is required (a dataset needs manifest.json, compounds.geojson, facilities.geojson)',
        severity: 'error',
      },
    ]);
  });

  it('makes a required file with no usable feature fatal, and still lists every problem', async () => {
    const result = await loadDataset(memory(files({ 'compounds.geojson': collection(compound('c-1', { population: -1 }), compound('c-1')) })));
    expect(result.dataset).toBeNull();
    expect(result.fatal).toBe('Cannot load the dataset: none of the 2 features in compounds.geojson is usable');
    expect(result.problems.map((p) => p.field)).toEqual(['population', 'id']);
  });

  it('reports a file that cannot be read as a problem with that file', async () => {
    const base = memory(files());
    const read: ReadFile = async (name) => {
      if (name === 'network.geojson') throw new Error('HTTP 500 Internal Server Error for data/x/network.geojson');
      return base(name);
    };
    const result = await loadDataset(read);
    expect(result.fatal).toBeNull();
    expect(result.dataset?.network).toBeNull();
    expect(plain(result.problems)).toEqual([
      {
        file: 'network.geojson',
        field: '(file)',
        message: 'could not read the file: HTTP 500 Internal Server Error for data/x/network.geojson',
        severity: 'error',
      },
    ]);
  });

  it('treats a network without any usable way as no network', async () => {
    const { dataset, problems } = await loadDataset(memory(files({ 'network.geojson': collection(line({ id: 'w-1' }, [[119.33, 26.09]])) })));
    expect(dataset?.network).toBeNull();
    expect(problems.map((p) => [p.file, p.id, p.field])).toEqual([['network.geojson', 'w-1', 'geometry']]);
  });

  it('accepts a byte-order mark', async () => {
    const { fatal, problems } = await loadDataset(memory(files({ 'compounds.geojson': `\uFEFF${collection(compound('c-1'))}` })));
    expect(fatal).toBeNull();
    expect(problems).toEqual([]);
  });

  it('never throws for bad data', async () => {
    const junk = ['', 'null', '42', '"text"', '{}', '{"type":"FeatureCollection","features":[null, 1, "x", [], {"type":"Feature"}]}'];
    for (const text of junk) {
      for (const file of ['manifest.json', 'compounds.geojson', 'facilities.geojson', 'network.geojson', 'context.geojson'] as const) {
        const result = await loadDataset(memory(files({ [file]: text })));
        expect(result.problems.length + (result.fatal ? 1 : 0)).toBeGreaterThan(0);
      }
    }
  });
});

describe("loader: the manifest's list of files", () => {
  /** A ReadFile that records every file asked for. */
  function recorded(contents: Parameters<typeof memory>[0]): { read: ReadFile; asked: string[] } {
    const inner = memory(contents);
    const asked: string[] = [];
    return { asked, read: async (name) => (asked.push(name), inner(name)) };
  }

  it('asks only for the files the manifest lists (and the required ones)', async () => {
    const { read, asked } = recorded(
      files({
        'manifest.json': manifest({ files: ['compounds.geojson', 'facilities.json', 'gates.geojson', 'playlist.json'] }),
        'gates.geojson': collection(),
      }),
    );
    const { dataset, problems } = await loadDataset(read);
    expect(problems).toEqual([]);
    expect(asked.sort()).toEqual(['compounds.geojson', 'facilities.geojson', 'gates.geojson', 'manifest.json']);
    expect(dataset?.manifest.files).toEqual(['compounds.geojson', 'facilities.json', 'gates.geojson', 'playlist.json']);
    expect(dataset?.network).toBeNull();
  });

  it('does not load a file the manifest leaves out, even when it is there', async () => {
    const { dataset } = await loadDataset(
      memory(files({ 'manifest.json': manifest({ files: [] }), 'network.geojson': collection(line({ id: 'w-1', highway: 'footway' })) })),
    );
    expect(dataset?.network).toBeNull();
  });

  it('reads the required files even when the list forgets them', async () => {
    const { read, asked } = recorded(files({ 'manifest.json': manifest({ files: ['grids.geojson'] }) }));
    const { dataset } = await loadDataset(read);
    expect(dataset?.compounds.features).toHaveLength(1);
    expect(asked.sort()).toEqual(['compounds.geojson', 'facilities.geojson', 'grids.geojson', 'manifest.json']);
  });

  it('warns about a listed file that is absent, and loads', async () => {
    const { dataset, problems } = await loadDataset(
      memory(files({ 'manifest.json': manifest({ files: ['compounds.geojson', 'facilities.geojson', 'context.geojson'] }) })),
    );
    expect(dataset).not.toBeNull();
    expect(plain(problems)).toEqual([
      { file: 'context.geojson', field: '(file)', message: 'missing: manifest.json lists this file under "files", but it is not there', severity: 'warning' },
    ]);
  });

  it('tries every file for an older manifest without a list, or with an unusable one (then says so)', async () => {
    const old = recorded(files());
    expect((await loadDataset(old.read)).problems).toEqual([]);
    expect(old.asked).toHaveLength(DATASET_FILES.length);
    const bad = recorded(files({ 'manifest.json': manifest({ files: 'all of them' }) }));
    const { dataset, problems } = await loadDataset(bad.read);
    expect(bad.asked).toHaveLength(DATASET_FILES.length);
    expect(dataset?.manifest.files).toBeUndefined();
    expect(problems.map((p) => [p.field, p.severity])).toEqual([['files', 'warning']]);
  });
});
