import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { e2eSession, waitForMap } from './browser';

const session = e2eSession();

describe('MapController.apply', () => {
  it('applying the same view twice in a row leaves the map as applying it once, and the second apply changes nothing', async () => {
    const page = await session.page('./?compound=c-001');
    await waitForMap(page);
    await page.locator('[data-testid="walk-answer"][data-source="walk"]').waitFor({ timeout: 60_000 });
    const result = await page.evaluate(async () => {
      const { controller, store } = window.__serviceCircles!;
      const map = controller.map;
      type View = Parameters<typeof controller.apply>[0];
      const s = store.getState();
      const base: View = {
        dataset: s.dataset,
        layers: s.layers,
        hiddenCategories: s.hiddenCategories,
        compoundId: s.compoundId,
        circles: s.circles,
        walk: s.walk,
        walkStale: false,
        route: s.route,
        lang: s.lang,
        facilitiesSubdued: false,
      };
      // Another view: other language, a category hidden, facilities faint, no walk drawn.
      const other: View = { ...base, lang: 'en', hiddenCategories: ['clinic'], facilitiesSubdued: true, walk: null, layers: { ...base.layers } };
      const idle = () => new Promise<void>((resolve) => (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', () => resolve())));
      const snapshot = async () => {
        await idle();
        const style = map.getStyle();
        const layers = style.layers.map((l) =>
          JSON.stringify([l.id, 'layout' in l ? l.layout : null, 'paint' in l ? l.paint : null, 'filter' in l ? l.filter : null]),
        );
        const sources = Object.entries(style.sources).map(([id, src]) => `${id}:${JSON.stringify('data' in src ? src.data : null).length}`);
        const c = map.getCenter();
        return JSON.stringify({
          layers,
          sources,
          camera: [c.lng.toFixed(6), c.lat.toFixed(6), map.getZoom().toFixed(4)],
          markers: document.querySelectorAll('.maplibregl-marker').length,
        });
      };
      // Every call that changes the map, counted while the second apply runs.
      const calls: string[] = [];
      const spy = <K extends 'setFilter' | 'setPaintProperty' | 'setLayoutProperty' | 'fitBounds' | 'jumpTo'>(name: K) => {
        const original = map[name].bind(map) as (...args: unknown[]) => unknown;
        (map as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
          calls.push(name);
          return original(...args);
        };
      };
      for (const name of ['setFilter', 'setPaintProperty', 'setLayoutProperty', 'fitBounds', 'jumpTo'] as const) spy(name);
      for (const id of Object.keys(map.getStyle().sources)) {
        const source = map.getSource(id) as unknown as { setData?: (d: unknown) => unknown };
        if (!source?.setData) continue;
        const original = source.setData.bind(source);
        source.setData = (d: unknown) => {
          calls.push(`setData ${id}`);
          return original(d);
        };
      }

      controller.apply(other);
      const once = await snapshot();
      controller.apply(base);
      await snapshot();
      controller.apply(other);
      calls.length = 0;
      controller.apply(other);
      controller.apply({ ...other });
      const secondCalls = [...calls];
      const twice = await snapshot();
      controller.apply(base);
      return { once, twice, secondCalls, differs: once !== (await snapshot()) };
    });
    expect(result.differs, 'the other view really is another map').toBe(true);
    expect(result.secondCalls).toEqual([]);
    expect(result.twice).toBe(result.once);
  });

  it('leaves a style MapLibre accepts in every view (the built app skips its checks of each change: CHECK_STYLE)', async () => {
    // The controller's and the overlays' changes (languages, hidden categories, filters, the
    // hall's sizes), as a resident's view and the hall leave them (every overlay applies in
    // every view), checked here against the style spec instead.
    for (const path of ['./?compound=c-001&lang=en', './?mode=hall']) {
      const page = await session.page(path);
      await waitForMap(page);
      if (path.includes('compound')) await page.locator('[data-testid="walk-answer"][data-source="walk"]').waitFor({ timeout: 60_000 });
      const style = await page.evaluate(() => {
        const { controller, store } = window.__serviceCircles!;
        const s = store.getState();
        if (s.mode === 'resident')
          controller.apply({
            dataset: s.dataset,
            layers: s.layers,
            hiddenCategories: ['clinic', 'canteen'],
            compoundId: s.compoundId,
            circles: s.circles,
            walk: s.walk,
            walkStale: true,
            route: s.route,
            lang: 'en',
            facilitiesSubdued: true,
          });
        return controller.map.getStyle();
      });
      expect(style.layers.length, path).toBeGreaterThan(40);
      expect(
        validateStyleMin(style as StyleSpecification).map((error) => error.message),
        path,
      ).toEqual([]);
      await page.close();
    }
  });

  it("draws a city's compounds from the tile worker, all of them, with their states by id, and a newer dataset replaces them", async () => {
    const page = await session.page('./?mode=planner');
    await waitForMap(page);
    const result = await page.evaluate(async () => {
      const { controller, store } = window.__serviceCircles!;
      const map = controller.map;
      type View = Parameters<typeof controller.apply>[0];
      const s = store.getState();
      const sample = s.dataset!;
      const view: View = {
        dataset: sample,
        layers: s.layers,
        hiddenCategories: [],
        compoundId: null,
        circles: null,
        walk: null,
        walkStale: false,
        route: null,
        lang: s.lang,
        facilitiesSubdued: false,
      };
      // 2,500 small squares over the sample's area: more than a source is given in place.
      const [x0, y0] = [119.29, 26.06];
      const square = (k: number) => {
        const [x, y] = [x0 + (k % 50) * 0.001, y0 + Math.floor(k / 50) * 0.001];
        const ring = [
          [x, y],
          [x + 0.0004, y],
          [x + 0.0004, y + 0.0004],
          [x, y + 0.0004],
          [x, y],
        ];
        return {
          type: 'Feature' as const,
          geometry: { type: 'Polygon' as const, coordinates: [ring] },
          properties: { id: `big-${k}`, name: `小区${k}`, population: 500, elderly60: 100, elderly80: 20 },
        };
      };
      const city = { ...sample, compounds: { type: 'FeatureCollection' as const, features: Array.from({ length: 2_500 }, (_, k) => square(k)) } };
      const idle = () => new Promise<void>((resolve) => (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', () => resolve())));
      const shown = () => new Set(map.querySourceFeatures('compounds', { sourceLayer: 'compounds' }).map((f) => f.properties.id as string));
      const settle = async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await idle();
      };
      controller.apply({ ...view, dataset: city });
      // Until every compound is there (or 20 s have passed).
      const until = Date.now() + 20_000;
      while (shown().size < 2_500 && Date.now() < until) await settle();
      const all = shown();
      const tiled = controller.compoundsTiled();
      // Feature state is keyed by the compound's id (promoteId), as the planner and hall set it.
      map.setFeatureState({ source: 'compounds', sourceLayer: 'compounds', id: 'big-7' }, { unmetStep: 2 });
      const state = map.getFeatureState({ source: 'compounds', sourceLayer: 'compounds', id: 'big-7' });
      const rendered = map.queryRenderedFeatures({ layers: ['compound-fill'] }).find((f) => f.id === 'big-7');
      const name = rendered?.properties.name as unknown;
      // Only what the layers draw, label and pick travels into the tiles.
      const keys = Object.keys(rendered?.properties ?? {}).sort();
      // Newer datasets in the same task: the last one shown wins.
      controller.apply(view);
      controller.apply({ ...view, dataset: city });
      controller.apply(view);
      await settle();
      const after = shown();
      return {
        all: all.size,
        allBig: [...all].every((id) => id.startsWith('big-')),
        tiled,
        state,
        name,
        keys,
        after: after.size,
        sample: sample.compounds.features.length,
        leftovers: [...after].filter((id) => id.startsWith('big-')).length,
      };
    });
    expect(result).toEqual({
      all: 2_500,
      allBig: true,
      tiled: 2_500,
      state: { unmetStep: 2 },
      name: '小区7',
      keys: ['id', 'name'],
      after: result.sample,
      sample: result.sample,
      leftovers: 0,
    });
  });
});
