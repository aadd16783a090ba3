import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, mapIdle, waitForMap, renderedCount, SHOTS, ROOT } from './browser';

type Compounds = FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>;
const sample = JSON.parse(readFileSync(resolve(ROOT, 'data/yuefeng-sample/compounds.geojson'), 'utf8')) as Compounds;

const session = e2eSession();
const { outside, dialogs } = session;

const open = (path: string): Promise<Page> => session.page(path);

/** Clicks the map at a WGS84 position (projected by the live map). */
async function clickLonLat(page: Page, lonLat: number[]): Promise<void> {
  const point = await page.evaluate(([lon, lat]) => window.__serviceCircles!.controller.map.project([lon!, lat!]), lonLat);
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click(box!.x + point.x, box!.y + point.y);
}

describe('the app on the sample dataset', () => {
  it('renders the map with compounds, grids, facilities and Chinese labels', async () => {
    const page = await open('./');
    await waitForMap(page);
    await expect.poll(() => page.locator('.synthetic-badge').textContent()).toBe('示意数据');
    expect(await page.locator('.attribution').textContent()).toContain('示意数据');
    for (const layer of ['compound-fill', 'community-line', 'grid-line', 'facility', 'network-major', 'context-water']) {
      expect(await renderedCount(page, layer), layer).toBeGreaterThan(0);
    }
    // Labels are placed only when their glyphs could be drawn: no glyph server is involved.
    expect(await renderedCount(page, 'community-label')).toBeGreaterThan(0);
    // Every category's icon, drawn in a worker of its own, is on the map as drawn: a coloured disc with a white glyph and rim, not the blank stand-in.
    const icons = () =>
      page.evaluate(() => {
        type Images = { listImages(): string[]; style: { getImage(id: string): { data: { data: Uint8Array } } | undefined } };
        const map = window.__serviceCircles!.controller.map as unknown as Images;
        return map
          .listImages()
          .filter((id) => id.startsWith('cat-'))
          .map((id) => {
            const px = map.style.getImage(id)!.data.data;
            let opaque = 0;
            let white = 0;
            for (let i = 0; i < px.length; i += 4) {
              if (px[i + 3]! > 200) opaque++;
              if (px[i + 3]! > 200 && px[i]! > 240 && px[i + 1]! > 240 && px[i + 2]! > 240) white++;
            }
            return { id, opaque, white };
          });
      });
    await expect.poll(async () => (await icons()).filter((icon) => icon.opaque < 1000 || icon.white < 100)).toEqual([]);
    expect((await icons()).length).toBeGreaterThan(20);
    await page.screenshot({ path: resolve(SHOTS, 'sample-overview.png') });
    await page.close();
  });

  it('draws the straight-line circles of a clicked compound', async () => {
    const page = await open('./');
    await waitForMap(page);
    const target = sample.features.find((f) => f.properties.name === '瑞城花园') as Feature<Polygon | MultiPolygon>;
    expect(target, '瑞城花园 is in the sample').toBeTruthy();
    await page.evaluate(
      ([lon, lat]) => window.__serviceCircles!.controller.map.jumpTo({ center: [lon!, lat!], zoom: 15 }),
      pointOnFeature(target).geometry.coordinates,
    );
    await mapIdle(page);
    await clickLonLat(page, pointOnFeature(target).geometry.coordinates);
    await page.getByRole('heading', { name: '瑞城花园 的服务圈' }).waitFor();
    expect(await page.getByText('直线距离圈', { exact: true }).count()).toBe(1);
    expect(page.url()).toContain(`compound=${target.properties!.id}`);
    await mapIdle(page);
    expect(await renderedCount(page, 'circle-line')).toBeGreaterThanOrEqual(3);
    await page.evaluate(() => window.__serviceCircles!.controller.map.zoomTo(14, { animate: false }));
    await mapIdle(page);
    await page.screenshot({ path: resolve(SHOTS, 'compound-circles.png') });
    await page.close();
  });

  it('reopens a selected compound from the URL, in English', async () => {
    const id = sample.features.find((f) => f.properties.name === '耀隆宿舍')!.properties.id;
    const page = await open(`./?compound=${id}&lang=en`);
    await waitForMap(page);
    await page.getByRole('heading', { name: /^Service circles of / }).waitFor();
    expect(await page.getByText('Straight-line circles', { exact: true }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: resolve(SHOTS, 'url-compound-en.png') });
    await page.close();
  });

  it('says so when a URL value is unusable, and still shows the map', async () => {
    const page = await open('./?compound=nope&lang=xx');
    await waitForMap(page);
    await page.getByText('找不到编号为 nope 的小区。').waitFor();
    await page.getByText('网址参数 lang=xx 无效，已使用默认值。').waitFor();
    await page.close();
  });
});

describe('bad data', () => {
  const fixture = (name: string) => {
    const dir = resolve(ROOT, 'tests/fixtures', name);
    return readdirSync(dir).map((f) => resolve(dir, f));
  };

  it('loads the good features of a dataset with bad ones and lists the bad ones', async () => {
    const page = await open('./');
    await waitForMap(page);
    await page.getByTestId('open-data-input').setInputFiles(fixture('bad-dataset'));
    const badge = page.getByRole('button', { name: /^数据问题 \d+$/ });
    await badge.waitFor();
    await badge.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const rows = await dialog.locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: resolve(SHOTS, 'bad-data-problems.png') });
    await dialog.getByRole('button', { name: '关闭' }).click();
    await waitForMap(page);
    expect(
      await page.evaluate(() => window.__serviceCircles!.controller.map.querySourceFeatures('compounds', { sourceLayer: 'compounds' }).length),
    ).toBeGreaterThan(0);
  });

  it('shows HTML in a name as text and never runs it', async () => {
    const page = await open('./');
    await waitForMap(page);
    await page.getByTestId('open-data-input').setInputFiles(fixture('bad-dataset'));
    await page.getByRole('button', { name: /^数据问题 \d+$/ }).waitFor();
    const html = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/bad-dataset/compounds.geojson'), 'utf8')) as Compounds;
    const evil = html.features.find((f) => f.properties?.name?.includes('<img'));
    expect(evil).toBeTruthy();
    await mapIdle(page);
    await clickLonLat(page, pointOnFeature(evil!).geometry.coordinates);
    const heading = page.getByRole('heading', { name: evil!.properties.name, exact: true });
    await heading.waitFor();
    expect(await heading.textContent()).toBe(evil!.properties.name);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'html-name-as-text.png') });
    await page.close();
  });

  it('names the file that is not JSON', async () => {
    const page = await open('./');
    await waitForMap(page);
    await page.getByTestId('open-data-input').setInputFiles(fixture('not-json'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('compounds.geojson');
    await page.screenshot({ path: resolve(SHOTS, 'not-json.png') });
    await page.close();
  });
});

describe('privacy of the network', () => {
  it('sent no request to anything but the local server', () => {
    expect(outside).toEqual([]);
  });
});
