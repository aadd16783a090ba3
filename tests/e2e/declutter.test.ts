import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bbox } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { importOsm, writeDataset } from '../../src/data/osm/index';
import { serializeFile } from '../../src/data/sample/serialize';
import { CATEGORIES } from '../../src/domain/taxonomy';
import { e2eSession, mapIdle, ROOT, SHOTS, waitForMap } from './browser';

/**
 * Real-city maps are not buried in icons: icons never overlap (the more everyday category
 * wins a collision, a dot marks the rest), 其他 / other is off until asked for, and the
 * planner view draws facilities faint under the compounds' colours. Checked on the Monaco
 * import and on the sample with 3,000 more facilities, loaded through the file picker.
 */
const session = e2eSession();
const temp = mkdtempSync(join(tmpdir(), 'declutter-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const MONACO = resolve(ROOT, '../shared/fixtures/osm-monaco/monaco-latest.osm.pbf');

async function openDataset(dir: string): Promise<Page> {
  const page = await session.page('./', { viewport: { width: 1280, height: 800 } });
  await waitForMap(page);
  await page.getByTestId('open-data-input').setInputFiles(readdirSync(dir).map((f) => join(dir, f)));
  await page
    .waitForFunction((files) => window.__serviceCircles!.store.getState().sourceLabel === files, readdirSync(dir).sort().join(', '), { timeout: 60_000 })
    .catch(() => undefined);
  await page.waitForFunction(() => window.__serviceCircles!.store.getState().status === 'ready', undefined, { timeout: 60_000 });
  const compounds = JSON.parse(readFileSync(join(dir, 'compounds.geojson'), 'utf8')) as FeatureCollection;
  const [w, s, e, n] = bbox(compounds);
  await page.evaluate(
    (box) => window.__serviceCircles!.controller.map.fitBounds(box as [[number, number], [number, number]], { animate: false, padding: 20 }),
    [
      [w, s],
      [e, n],
    ],
  );
  await mapIdle(page);
  return page;
}

/** The icons drawn now: how many, how many of `other`, and the closest two (screen px). */
function drawnIcons(page: Page): Promise<{ icons: number; other: number; closest: number; facilities: number }> {
  return page.evaluate(() => {
    const { map } = window.__serviceCircles!.controller;
    const icons = map.queryRenderedFeatures({ layers: ['facility'] });
    const points = icons.map((f) => map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]));
    let closest = Infinity;
    for (let i = 0; i < points.length; i++)
      for (let k = i + 1; k < points.length; k++) closest = Math.min(closest, Math.hypot(points[i]!.x - points[k]!.x, points[i]!.y - points[k]!.y));
    return {
      icons: icons.length,
      other: icons.filter((f) => f.properties.category === 'other').length,
      closest,
      facilities: window.__serviceCircles!.store.getState().dataset!.facilities.features.length,
    };
  });
}

async function checkDecluttered(page: Page, name: string): Promise<void> {
  const drawn = await drawnIcons(page);
  console.log(
    `${name}: ${drawn.facilities} facilities, ${drawn.icons} icons drawn at zoom ${await page.evaluate(() => window.__serviceCircles!.controller.map.getZoom().toFixed(1))}, closest two ${drawn.closest.toFixed(1)} px apart`,
  );
  expect(drawn.icons).toBeGreaterThan(0);
  expect(drawn.other).toBe(0);
  // Icons are about 22 px at this zoom: two drawn icons never sit on each other.
  expect(drawn.closest).toBeGreaterThanOrEqual(10);
  await page.screenshot({ path: resolve(SHOTS, `declutter-${name}.png`) });
  await page.evaluate(() => window.__serviceCircles!.store.getState().setMode('planner'));
  await page.waitForFunction(() => window.__serviceCircles!.controller.map.getPaintProperty('facility', 'icon-opacity') === 0.45);
  await mapIdle(page);
  await page.screenshot({ path: resolve(SHOTS, `declutter-${name}-planner.png`) });
}

describe("facilities on a real city's map", () => {
  it.runIf(existsSync(MONACO))('Monaco, imported from OpenStreetMap', { timeout: 180_000 }, async () => {
    const dir = join(temp, 'monaco');
    const { files } = await importOsm(MONACO, { id: 'monaco', densityPerM2: 0.02 });
    await writeDataset(dir, files);
    const page = await openDataset(dir);
    await checkDecluttered(page, 'monaco');
    await page.close();
  });

  it('the sample with 3,000 more facilities, most of them 其他 / other', { timeout: 180_000 }, async () => {
    const dir = join(temp, 'dense');
    const sample = resolve(ROOT, 'data/yuefeng-sample');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    // The dataset's files (its staff/ folder of contacts is not needed here).
    for (const file of readdirSync(sample, { withFileTypes: true }))
      if (file.isFile()) writeFileSync(join(dir, file.name), readFileSync(join(sample, file.name)));
    const facilities = JSON.parse(readFileSync(join(sample, 'facilities.geojson'), 'utf8')) as FeatureCollection<Point>;
    // Deterministic scatter over the town's box (119.31–119.35 E, 26.07–26.11 N).
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      const category = next() < 0.7 ? 'other' : CATEGORIES[Math.floor(next() * CATEGORIES.length)]!.id;
      facilities.features.push({
        type: 'Feature',
        properties: { id: `extra-${i}`, name: `设施 ${i}`, category },
        geometry: { type: 'Point', coordinates: [119.315 + next() * 0.03, 26.075 + next() * 0.03] },
      });
    }
    writeFileSync(join(dir, 'facilities.geojson'), serializeFile(facilities));
    const page = await openDataset(dir);
    await checkDecluttered(page, 'dense');
    await page.close();
  });
});
