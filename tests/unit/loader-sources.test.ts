import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import { fromFiles, fromUrl, READ_AS_BLOB } from '../../src/data/sources';
import { collection, facility, files, plain } from './loader-helpers';

/** A fetch over a fixed table of URL → [status, body, content type]. */
function fakeFetch(table: Record<string, [number, string, string?]>) {
  const requested: string[] = [];
  const impl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    const [status, body, type] = table[url] ?? [404, 'Not Found', 'text/plain'];
    return new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': type ?? 'application/json' } });
  }) as typeof fetch;
  return { impl, requested };
}

describe('fromUrl', () => {
  const dataset = files();

  it('reads <base>/<file>, with or without a trailing slash; 404 means absent', async () => {
    const table = Object.fromEntries(Object.entries(dataset).map(([name, body]) => [`data/yuefeng/${name}`, [200, body as string] as [number, string]]));
    for (const base of ['data/yuefeng', 'data/yuefeng/']) {
      const { impl, requested } = fakeFetch(table);
      const { dataset: loaded, problems, fatal } = await loadDataset(fromUrl(base, impl));
      expect(fatal).toBeNull();
      expect(problems).toEqual([]);
      expect(loaded?.facilities.features).toHaveLength(1);
      expect(requested).toContain('data/yuefeng/network.geojson');
    }
  });

  it('leaves the files it is told to unread, as a Blob (the walking network, for the session to read), the others as text', async () => {
    const network = '{"type":"FeatureCollection","features":[]}';
    const { impl } = fakeFetch({ 'd/network.geojson': [200, network], 'd/manifest.json': [200, '{}'] });
    const read = fromUrl('d', impl, READ_AS_BLOB);
    const blob = await read('network.geojson');
    expect(blob).toBeInstanceOf(Blob);
    expect(await (blob as Blob).text()).toBe(network);
    expect(await read('manifest.json')).toBe('{}');
    expect(await fromUrl('d', impl)('network.geojson')).toBe(network);
  });

  it('works with an absolute base URL', async () => {
    const { impl, requested } = fakeFetch({});
    expect(await fromUrl('https://example.org/sets/a/', impl)('gates.geojson')).toBeNull();
    expect(requested).toEqual(['https://example.org/sets/a/gates.geojson']);
  });

  it('treats an HTML page (a single-page-app fallback) as absent', async () => {
    const { impl } = fakeFetch({ 'd/gates.geojson': [200, '<!doctype html><html></html>', 'text/html; charset=utf-8'] });
    expect(await fromUrl('d', impl)('gates.geojson')).toBeNull();
  });

  it('reports other HTTP errors as a problem with that file', async () => {
    const { impl } = fakeFetch({
      'd/manifest.json': [200, dataset['manifest.json'] as string],
      'd/compounds.geojson': [200, dataset['compounds.geojson'] as string],
      'd/facilities.geojson': [200, dataset['facilities.geojson'] as string],
      'd/network.geojson': [503, 'busy', 'text/plain'],
    });
    const { problems, fatal } = await loadDataset(fromUrl('d', impl));
    expect(fatal).toBeNull();
    expect(plain(problems)).toEqual([
      { file: 'network.geojson', field: '(file)', message: 'could not read the file: HTTP 503 for d/network.geojson', severity: 'error' },
    ]);
  });
});

describe('fromFiles', () => {
  it('matches picked files by name, accepting .json and .geojson spellings', async () => {
    const picked = [
      new File([files()['manifest.json'] as string], 'manifest.json'),
      new File([files()['compounds.geojson'] as string], 'Compounds.json'),
      new File([collection(facility('f-1'), facility('f-2'))], 'facilities.geojson'),
      new File(['ignored'], 'notes.txt'),
    ];
    const { dataset, fatal } = await loadDataset(fromFiles(picked));
    expect(fatal).toBeNull();
    expect(dataset?.compounds.features).toHaveLength(1);
    expect(dataset?.facilities.features).toHaveLength(2);
    expect(dataset?.network).toBeNull();
  });

  it('reads a picked network as bytes, and the loader decodes it as it would the text', async () => {
    const network = collection({
      type: 'Feature',
      properties: { id: 'w1', name: '路' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [119.3, 26.08],
          [119.301, 26.081],
        ],
      },
    });
    const picked = new File([network], 'network.geojson');
    const read = fromFiles([new File([files()['manifest.json'] as string], 'manifest.json'), picked]);
    // The picked file itself, unread.
    expect(await read('network.geojson')).toBe(picked);
    expect(typeof (await read('manifest.json'))).toBe('string');
    const { dataset } = await loadDataset((name) =>
      name === 'network.geojson' || name === 'manifest.json' ? read(name) : Promise.resolve((files() as Record<string, string>)[name] ?? null),
    );
    expect(dataset?.network?.features.map((f) => f.properties.name)).toEqual(['路']);
  });

  it('prefers the exact contract name when both spellings are picked', async () => {
    const read = fromFiles([new File(['{"a":1}'], 'gates.json'), new File(['{"b":2}'], 'gates.geojson')]);
    expect(await read('gates.geojson')).toBe('{"b":2}');
    expect(await read('grids.geojson')).toBeNull();
  });
});

describe('fromDirectory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loader-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a dataset directory; a file in neither spelling is absent', async () => {
    writeFileSync(join(dir, 'manifest.json'), files()['manifest.json'] as string);
    writeFileSync(join(dir, 'compounds.json'), files()['compounds.geojson'] as string);
    writeFileSync(join(dir, 'facilities.geojson'), files()['facilities.geojson'] as string);
    const read = fromDirectory(dir);
    expect(await read('network.geojson')).toBeNull();
    const { dataset, problems, fatal } = await loadDataset(read);
    expect(fatal).toBeNull();
    expect(problems).toEqual([]);
    expect(dataset?.compounds.features).toHaveLength(1);
  });

  it('makes a directory that does not exist fatal, naming manifest.json', async () => {
    const { fatal } = await loadDataset(fromDirectory(join(dir, 'nope')), { label: 'nope' });
    expect(fatal).toBe('Cannot load "nope": manifest.json is missing; compounds.geojson is missing; facilities.geojson is missing');
  });
});
