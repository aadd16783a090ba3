import { describe, expect, it, vi } from 'vitest';
import { validateLayer, validateLayerInSlices } from '../../src/data/features';
import { loadDataset } from '../../src/data/load';
import { manifestSchema } from '../../src/data/manifest';
import { Slices } from '../../src/data/slices';
import type * as ZodModule from '../../src/domain/zod';
import { COMPOUNDS, FACILITIES } from '../../src/data/schemas';
import { collection, compound, facility, files, memory, point, polygon } from './loader-helpers';

/** 1,000 compounds in a grid, with a duplicate id, a bad geometry, a missing population and HTML in a name among them. */
function manyCompounds(): object[] {
  return Array.from({ length: 1_000 }, (_, i) => {
    const at = 119.3 + (i % 40) * 0.002;
    const lat = 26.06 + Math.floor(i / 40) * 0.002;
    if (i === 300) return compound('c-7');
    if (i === 500) return polygon({ id: 'c-500', name: '坏', population: 10, elderly60: 1, elderly80: 0 }, [[[at, lat]]]);
    if (i === 700) return polygon({ id: 'c-700', name: '缺人口', elderly60: 1, elderly80: 0 });
    return polygon({ id: `c-${i}`, name: i === 900 ? '<b>小区</b>' : `小区${i}`, population: 100 + i, elderly60: 20, elderly80: 5 }, [
      [
        [at, lat],
        [at + 0.001, lat],
        [at + 0.001, lat + 0.001],
        [at, lat + 0.001],
        [at, lat],
      ],
    ]);
  });
}

describe('layers checked in slices (the page: no task of a fifth of a second for a city)', () => {
  it('give the same features, problems, count and ids as checked at once, pausing between slices', async () => {
    const parsed: unknown = JSON.parse(collection(...manyCompounds()));
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    // A slice of 0 ms: a pause at every look at the clock (before the first feature, then every 64).
    const sliced = await validateLayerInSlices(COMPOUNDS, parsed, new Slices(pause, 0));
    const atOnce = validateLayer(COMPOUNDS, parsed);
    expect(sliced).toEqual(atOnce);
    expect(atOnce.features).toHaveLength(997);
    expect(atOnce.problems.map((p) => p.id ?? p.index)).toEqual(expect.arrayContaining(['c-7', 'c-500', 'c-700']));
    expect(pauses).toBe(16);
    // A file that is no FeatureCollection is answered at once.
    expect(await validateLayerInSlices(FACILITIES, { type: 'Feature' }, new Slices(pause, 0))).toEqual(validateLayer(FACILITIES, { type: 'Feature' }));
  });

  it('count the time the page spent parsing the file in the first slice', async () => {
    const parsed: unknown = JSON.parse(collection(...manyCompounds().slice(0, 100)));
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    // Slices of a minute: 100 features fit in one, begun now.
    await validateLayerInSlices(COMPOUNDS, parsed, new Slices(pause, 60_000));
    expect(pauses).toBe(0);
    // Begun two minutes ago (a parse that long): the first look at the clock (before the first feature) pauses.
    const sliced = await validateLayerInSlices(COMPOUNDS, parsed, new Slices(pause, 60_000, performance.now() - 120_000));
    expect(pauses).toBe(1);
    expect(sliced).toEqual(validateLayer(COMPOUNDS, parsed));
  });

  it('load the same dataset as checked at once, the pauses given by the page', async () => {
    const contents = files({
      'compounds.geojson': collection(...manyCompounds()),
      'facilities.geojson': collection(...Array.from({ length: 200 }, (_, i) => facility(`f-${i}`)), point({ id: 'f-bad', name: 'x', category: 'nope' })),
    });
    let pauses = 0;
    expect(manifestSchema.made).toBe(false);
    // A clock that moves 10 ms at every look: each look ends a slice.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    const sliced = await loadDataset(memory(contents), {
      pause: () => {
        pauses++;
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    clock.mockRestore();
    // Made by the sliced load, in a pause of its own (the load at once below would make it too).
    expect(manifestSchema.made).toBe(true);
    const atOnce = await loadDataset(memory(contents));
    expect(sliced).toEqual(atOnce);
    // A pause at every look at the clock: while each file is parsed (before each run of 64 kB
    // of features, then every 32 features of the last run), then while it is checked (16 in
    // the compounds, 4 in the facilities); one before the compounds' bounds are found; and,
    // as this is the file's first load, one before the manifest's schema is made.
    expect(pauses).toBe(34);
    expect(sliced.dataset?.compounds.features).toHaveLength(997);
    expect(sliced.problems.some((p) => p.file === 'facilities.geojson' && p.id === 'f-bad')).toBe(true);
  });

  it("make each layer's schema when it is first read, once (not all of them as the page loads the loader)", async () => {
    vi.resetModules();
    let made = 0;
    vi.doMock('../../src/domain/zod', async (importOriginal) => {
      const real = await importOriginal<typeof ZodModule>();
      const looseObject = ((...args: Parameters<typeof real.z.looseObject>) => {
        made++;
        return real.z.looseObject(...args);
      }) as typeof real.z.looseObject;
      return { ...real, z: { ...real.z, looseObject } };
    });
    const layers = await import('../../src/data/schemas');
    expect(made, 'no layer schema made as the module loads').toBe(0);
    const specs = [
      layers.COMPOUNDS,
      layers.FACILITIES,
      layers.NETWORK,
      layers.GATES,
      layers.GRIDS,
      layers.VOLUNTEERS,
      layers.REQUESTS,
      layers.CONTEXT,
      layers.BUILDINGS,
    ];
    const first = layers.COMPOUNDS.schema;
    expect(made).toBe(1);
    expect(layers.COMPOUNDS.schema).toBe(first);
    expect(layers.COMPOUNDS.optional.has('households')).toBe(true);
    expect(made, 'made once').toBe(1);
    for (const spec of specs) expect(spec.schema, spec.file).toBe(spec.schema);
    // One per layer, and the grids' staff members inside theirs.
    expect(made).toBe(specs.length + 1);
    vi.doUnmock('../../src/domain/zod');
  });
});
