import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { describeShared } from '../shared-fixtures';
import { collection, compound, facility, files, memory } from './loader-helpers';

/**
 * The real Wuhan street network (92,667 ways, ~18 MB) as the network of a tiny dataset:
 * every way is valid GeoJSON, so all of it must load, with no problem.
 */
describeShared('loader: real Wuhan network (../shared)', 'fixtures/osm-wuhan/network.geojson', (path) => {
  it('loads all 92,667 ways without a problem', async () => {
    const network = await readFile(path, 'utf8');
    const read = memory(
      files({
        'compounds.geojson': collection(compound('c-1', {})),
        'facilities.geojson': collection(facility('f-1')),
        'network.geojson': network,
      }),
    );
    const started = performance.now();
    const { dataset, problems, fatal } = await loadDataset(read, { label: 'osm-wuhan' });
    const ms = performance.now() - started;
    expect(fatal).toBeNull();
    expect(problems).toEqual([]);
    expect(dataset?.network?.features).toHaveLength(92_667);
    const first = dataset!.network!.features[0]!;
    expect(first.properties).toMatchObject({ id: 'w0', highway: 'trunk', u: 300799470 });
    expect(first.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [114.2609, 30.4742378],
        [114.2580447, 30.4759646],
      ],
    });
    // Timing is for information only (budgets are checked by `npm run bench`, not by tests).
    console.info(`loaded the Wuhan network (92,667 ways) in ${ms.toFixed(0)} ms`);
  }, 30_000);
});
