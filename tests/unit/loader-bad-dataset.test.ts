import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import type { Problem } from '../../src/domain/dataset';
import { problemMessage } from '../../src/domain/problemText';

/** The hand-written datasets the e2e tests also upload through the app's file picker. */
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));

const where = (problems: Problem[]) => problems.map(({ message: _message, code: _code, params: _params, ...rest }) => rest);
const ids = (fc: { features: { properties: { id?: string } }[] }) => fc.features.map((f) => f.properties.id);

describe('tests/fixtures/bad-dataset', async () => {
  const { dataset, problems, fatal } = await loadDataset(fromDirectory(fixture('bad-dataset')), { label: 'bad-dataset' });

  it('loads, since every required file still has valid features', () => {
    expect(fatal).toBeNull();
    expect(dataset).not.toBeNull();
  });

  it('gives every problem a code whose English wording is its message', () => {
    for (const p of problems) {
      expect(p.code, p.message).toBeDefined();
      expect(problemMessage(p.code!, p.params)).toBe(p.message);
    }
    expect(problems.find((p) => p.id === 'c-negative')).toMatchObject({
      code: 'field.invalid',
      params: { field: 'population', expected: { code: 'expect.whole' }, found: { code: 'found.value', params: { value: '-20' } } },
    });
  });

  it('lists exactly the bad features, file by file', () => {
    const error = 'error' as const;
    expect(where(problems)).toEqual([
      { file: 'compounds.geojson', id: 'c-negative', field: 'population', severity: error },
      { file: 'compounds.geojson', id: 'c-fraction', field: 'elderly60', severity: error },
      { file: 'compounds.geojson', id: 'c-warn-80', field: 'elderly80', severity: 'warning' },
      { file: 'compounds.geojson', id: 'c-warn-60', field: 'elderly60', severity: 'warning' },
      { file: 'compounds.geojson', id: 'c-open-ring', field: 'geometry', severity: error },
      { file: 'compounds.geojson', id: 'c-short-ring', field: 'geometry', severity: error },
      { file: 'compounds.geojson', index: 8, field: 'id', severity: error },
      { file: 'compounds.geojson', id: 'c-yaolong', index: 9, field: 'id', severity: error },
      { file: 'compounds.geojson', id: 'c-swapped', field: 'geometry', severity: error },
      { file: 'compounds.geojson', id: 'c-point', field: 'geometry', severity: error },
      { file: 'facilities.geojson', id: 'f-hospital', field: 'category', severity: error },
      { file: 'facilities.geojson', id: 'f-no-geometry', field: 'geometry', severity: error },
      { file: 'facilities.geojson', id: 'f-out-of-range', field: 'geometry', severity: error },
      { file: 'facilities.geojson', id: 'f-swapped', field: 'geometry', severity: error },
      { file: 'facilities.geojson', id: 'f-not-number', field: 'geometry', severity: error },
      { file: 'facilities.geojson', id: 'f-line', field: 'geometry', severity: error },
      { file: 'facilities.geojson', id: 'f-clinic', index: 9, field: 'id', severity: error },
      { file: 'network.geojson', id: 'w-one-point', field: 'geometry', severity: error },
      { file: 'network.geojson', id: 'w-polygon', field: 'geometry', severity: error },
      { file: 'network.geojson', index: 5, field: 'id', severity: error },
      { file: 'gates.geojson', id: 'g-nowhere', field: 'compound_id', severity: error },
      { file: 'gates.geojson', id: 'g-negative', field: 'compound_id', severity: error },
      { file: 'grids.geojson', id: 'sq-street', field: 'level', severity: error },
      { file: 'grids.geojson', id: 'sq-xinhua-g2', field: 'parent_id', severity: error },
      { file: 'requests.geojson', id: 'r-stage', field: 'stage', severity: error },
      { file: 'requests.geojson', id: 'r-rating', field: 'rating', severity: error },
      { file: 'requests.geojson', id: 'r-nowhere', field: 'compound_id', severity: error },
    ]);
  });

  it('says what was expected and what was found', () => {
    const message = (id: string) => problems.find((p) => p.id === id)?.message;
    expect(message('c-swapped')).toContain('looks like [lat, lon]; GeoJSON is [lon, lat]');
    expect(message('f-hospital')).toContain('found "hospital"');
    expect(message('c-negative')).toBe('population: expected a whole number ≥ 0, found -20');
  });

  it('loads every valid feature, and the warned ones', () => {
    const d = dataset!;
    expect(ids(d.compounds)).toEqual(['c-ruicheng', 'c-yaolong', 'c-warn-80', 'c-warn-60']);
    expect(ids(d.facilities)).toEqual(['f-canteen', 'f-clinic', 'f-shop']);
    expect(ids(d.network!)).toEqual(['w-1', 'w-2', 'w-3']);
    expect(ids(d.gates)).toEqual(['g-ruicheng-1', 'g-yaolong-1']);
    expect(ids(d.grids)).toEqual(['sq-xinhua', 'sq-xinhua-g1']);
    expect(ids(d.requests)).toEqual(['r-1', 'r-2']);
    expect(d.volunteers.features).toEqual([]);
  });

  it('keeps the HTML in a compound name as plain text', () => {
    expect(dataset!.compounds.features[0]!.properties.name).toBe('<b>瑞城</b><img src=x onerror=alert(1)>花园');
  });
});

describe('tests/fixtures/not-json', () => {
  it('is fatal, naming compounds.geojson, with a file-level problem', async () => {
    const { dataset, problems, fatal } = await loadDataset(fromDirectory(fixture('not-json')), { label: 'not-json' });
    expect(dataset).toBeNull();
    expect(fatal).toBe('Cannot load "not-json": compounds.geojson is not valid JSON');
    expect(where(problems)).toEqual([{ file: 'compounds.geojson', field: '(file)', severity: 'error' }]);
    expect(problems[0]!.message).toMatch(/^not valid JSON: /);
  });
});
