import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, mapIdle, ROOT, SHOTS } from './browser';

const read = <T>(file: string) => JSON.parse(readFileSync(resolve(ROOT, 'data/yuefeng-sample', file), 'utf8')) as T;
const compounds = read<FeatureCollection<Polygon | MultiPolygon, { id: string }>>('compounds.geojson');
const requests = read<FeatureCollection<Point, { id: string; compound_id?: string }>>('requests.geojson');

/** A request drawn inside its compound: a click on it lands on the compound too. */
const inside = requests.features.find((r) => {
  const compound = compounds.features.find((c) => c.properties.id === r.properties.compound_id);
  return compound !== undefined && booleanPointInPolygon(r.geometry.coordinates, compound);
})!;

const session = e2eSession();

async function clickLonLat(page: Page, lonLat: number[]): Promise<void> {
  const point = await page.evaluate(([lon, lat]) => window.__serviceCircles!.controller.map.project([lon!, lat!]), lonLat);
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click(box!.x + point.x, box!.y + point.y);
}

const selection = (page: Page) =>
  page.evaluate(() => {
    const s = window.__serviceCircles!.store.getState();
    return { request: s.selectedRequestId, compound: s.compoundId, picked: s.picked?.kind ?? null };
  });

describe('clicks on the volunteers map', () => {
  it('a click on a request selects the request only, not the compound under it', { timeout: 120_000 }, async () => {
    expect(inside, 'a sample request lies inside its compound').toBeDefined();
    const page = await session.page('./?mode=volunteers', { viewport: { width: 1400, height: 900 } });
    await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
    await page.evaluate(
      (center) => window.__serviceCircles!.controller.map.jumpTo({ center: center as [number, number], zoom: 18 }),
      inside.geometry.coordinates,
    );
    await mapIdle(page);
    await clickLonLat(page, inside.geometry.coordinates);
    await expect.poll(() => selection(page)).toEqual({ request: inside.properties.id, compound: null, picked: null });
    await mapIdle(page);
    await page.screenshot({ path: resolve(SHOTS, 'volunteers-request-click.png') });

    // Elsewhere in a compound, away from every request, a click still selects the compound.
    const compound = compounds.features.find((c) => {
      const spot = pointOnFeature(c).geometry.coordinates;
      const far = requests.features.every((r) => Math.hypot(r.geometry.coordinates[0]! - spot[0]!, r.geometry.coordinates[1]! - spot[1]!) > 0.0008);
      return far;
    })!;
    const spot = pointOnFeature(compound).geometry.coordinates;
    await page.evaluate((center) => window.__serviceCircles!.controller.map.jumpTo({ center: center as [number, number], zoom: 17 }), spot);
    await mapIdle(page);
    await clickLonLat(page, spot);
    await expect.poll(() => selection(page).then((s) => s.compound)).toBe(compound.properties.id);
    await page.close();
  });
});
