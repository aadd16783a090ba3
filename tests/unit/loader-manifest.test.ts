import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { files, manifest, memory, plain } from './loader-helpers';

async function loadManifest(text: string) {
  return loadDataset(memory(files({ 'manifest.json': text })));
}

describe('loader: manifest.json', () => {
  it('fills in the defaults: synthetic false, no sources, Asia/Shanghai', async () => {
    const { dataset, problems } = await loadManifest(manifest());
    expect(problems).toEqual([]);
    expect(dataset?.manifest).toEqual({
      id: 'test',
      name: { zh: '测试', en: 'Test' },
      crs: 'WGS84',
      dataAsOf: '2026-11-01',
      synthetic: false,
      sources: [],
      timezone: 'Asia/Shanghai',
    });
  });

  it('keeps sources, licence and extra fields', async () => {
    const sources = [{ name: 'OpenStreetMap', licence: 'ODbL-1.0', attribution: '© OpenStreetMap contributors' }];
    const { dataset } = await loadManifest(manifest({ synthetic: true, sources, licence: 'ODbL-1.0', region: '晋安区' }));
    expect(dataset?.manifest).toMatchObject({ synthetic: true, sources, licence: 'ODbL-1.0', region: '晋安区' });
  });

  it('accepts a plain-text name and common spellings of the CRS', async () => {
    const { dataset } = await loadManifest(manifest({ name: '岳峰镇', crs: 'gcj-02' }));
    expect(dataset?.manifest.name).toEqual({ zh: '岳峰镇' });
    expect(dataset?.manifest.crs).toBe('GCJ02');
    expect((await loadManifest(manifest({ crs: 'EPSG:4326' }))).dataset?.manifest.crs).toBe('WGS84');
  });

  it('makes an unknown CRS fatal, since guessing would shift every point', async () => {
    const result = await loadManifest(manifest({ crs: 'CGCS2000' }));
    expect(result.dataset).toBeNull();
    expect(result.fatal).toBe('Cannot load the dataset: manifest.json is not usable (crs)');
    expect(plain(result.problems)).toEqual([
      { file: 'manifest.json', field: 'crs', message: 'crs: expected one of WGS84, GCJ02, BD09, found "CGCS2000"', severity: 'error' },
    ]);
  });

  it('makes a missing id or name fatal', async () => {
    const result = await loadManifest(JSON.stringify({ crs: 'WGS84', dataAsOf: '2026-11-01', name: { en: 'No Chinese name' } }));
    expect(result.fatal).toBe('Cannot load the dataset: manifest.json is not usable (id, name)');
  });

  it('warns about a missing dataAsOf, a bad timezone or bad sources, and loads', async () => {
    const { dataset, problems, fatal } = await loadManifest(
      JSON.stringify({ id: 'x', name: { zh: '某地' }, crs: 'WGS84', timezone: 'Mars/Olympus', sources: 'OSM' }),
    );
    expect(fatal).toBeNull();
    expect(dataset?.manifest).toMatchObject({ timezone: 'Asia/Shanghai', sources: [] });
    expect(problems.map((p) => [p.field, p.severity, p.message])).toEqual([
      ['sources', 'warning', 'sources: expected an array of { name, licence, attribution, url }, found "OSM"; the default is used'],
      ['timezone', 'warning', 'timezone: expected an IANA time zone such as Asia/Shanghai, found "Mars/Olympus"; the default is used'],
      ['dataAsOf', 'warning', 'dataAsOf: missing; expected a date such as 2026-11-01, so the app can say how current the data is'],
    ]);
  });

  it('makes a manifest that is not a JSON object, or not JSON, fatal', async () => {
    expect((await loadManifest('[]')).fatal).toBe('Cannot load the dataset: manifest.json is not a JSON object');
    const notJson = await loadManifest('id: test');
    expect(notJson.fatal).toBe('Cannot load the dataset: manifest.json is not valid JSON');
    expect(notJson.problems[0]).toMatchObject({ file: 'manifest.json', field: '(file)' });
  });

  it('keeps the days off and make-up working days a dataset adds, and warns about unusable ones', async () => {
    const holidays = { off: ['2027-02-09'], work: ['2027-02-20'] };
    expect((await loadManifest(manifest({ holidays }))).dataset?.manifest.holidays).toEqual(holidays);
    const { dataset, problems } = await loadManifest(manifest({ holidays: { off: ['9 Feb'] } }));
    expect(dataset?.manifest.holidays).toBeUndefined();
    expect(plain(problems)).toEqual([
      {
        file: 'manifest.json',
        field: 'holidays',
        message: 'holidays: expected an object { "off": ["2027-02-09", …], "work": ["2027-02-20", …] } of dates, found a JSON object; it was ignored',
        severity: 'warning',
      },
    ]);
  });
});
