import { describe, expect, it } from 'vitest';
import { bbox } from '@turf/turf';
import { boundsOf } from '../../src/domain/bounds';
import { loadDataset } from '../../src/data/load';
import { collection, files, memory, polygon } from './loader-helpers';

describe('boundsOf (a dataset framed by its compounds)', () => {
  it('gives the bounds of the features, found once per features array', async () => {
    const contents = files({
      'compounds.geojson': collection(
        polygon({ id: 'a', name: 'A', population: 10, elderly60: 1, elderly80: 0 }, [
          [
            [119.3, 26.06],
            [119.31, 26.06],
            [119.31, 26.07],
            [119.3, 26.06],
          ],
        ]),
        polygon({ id: 'b', name: 'B', population: 10, elderly60: 1, elderly80: 0 }, [
          [
            [119.28, 26.05],
            [119.29, 26.05],
            [119.29, 26.052],
            [119.28, 26.05],
          ],
        ]),
      ),
    });
    const { dataset } = await loadDataset(memory(contents));
    const compounds = dataset!.compounds;
    expect(boundsOf(compounds)).toEqual([119.28, 26.05, 119.31, 26.07]);
    expect(boundsOf(compounds)).toEqual(bbox(compounds));
    // The same features: the same answer, not found again (a copy of the collection shares them).
    expect(boundsOf({ ...compounds })).toBe(boundsOf(compounds));
    expect(boundsOf({ ...compounds, features: [...compounds.features] })).not.toBe(boundsOf(compounds));
  });
});
