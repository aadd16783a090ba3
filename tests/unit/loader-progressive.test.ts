import { describe, expect, it, vi } from 'vitest';
import { loadDataset, type ReadFile } from '../../src/data/load';
import type { DatasetFile } from '../../src/domain/dataset';
import { collection, files, line, point } from './loader-helpers';
import type * as Features from '../../src/data/features';

/** The layers the loader has checked, in order (validateLayer's spec.file), recorded by the mock below. */
const checked = vi.hoisted(() => [] as string[]);
vi.mock('../../src/data/features', async (original) => {
  const actual = await original<typeof Features>();
  return {
    ...actual,
    validateLayer: ((spec, value) => {
      checked.push(spec.file);
      return actual.validateLayer(spec, value);
    }) as typeof actual.validateLayer,
  };
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('loader: each layer is checked as it arrives', () => {
  it('checks every other layer while the network is still on its way, then the network, and loads the same', async () => {
    const contents = files({
      'network.geojson': collection(line({ id: 'w-1', highway: 'footway' })),
      'gates.geojson': collection(point({ id: 'g-1', compound_id: 'c-1' })),
      'context.geojson': collection(),
    });
    let arrive: () => void = () => {};
    const networkIn = new Promise<void>((resolve) => (arrive = resolve));
    const read: ReadFile = async (name: DatasetFile) => {
      if (name === 'network.geojson') await networkIn;
      return contents[name] ?? null;
    };
    checked.length = 0;
    const loading = loadDataset(read);
    await flush();
    expect(checked).toEqual(expect.arrayContaining(['compounds.geojson', 'facilities.geojson', 'gates.geojson', 'context.geojson']));
    expect(checked).not.toContain('network.geojson');
    arrive();
    const late = await loading;
    expect(checked.at(-1)).toBe('network.geojson');

    const atOnce = await loadDataset(async (name) => contents[name] ?? null);
    expect(late).toEqual(atOnce);
    expect(late.dataset?.network?.features).toHaveLength(1);
    expect(late.dataset?.gates.features).toHaveLength(1);
  });
});
