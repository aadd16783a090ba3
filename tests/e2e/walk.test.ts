import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, mapIdle, waitForMap, renderedCount, SHOTS, ROOT } from './browser';

/** A compound on the south bank whose 15-minute circle reaches across the river (sample data). */
const RIVERSIDE = 'c-044';

const session = e2eSession();
const { outside } = session;

async function open(path: string): Promise<Page> {
  const page = await session.page(path);
  await waitForMap(page);
  return page;
}

const walkCount = (page: Page) => page.evaluate(() => window.__serviceCircles!.store.getState().walkCount);
const rendered = renderedCount;

describe('network walksheds', () => {
  it('draws walksheds that the river cuts while the straight-line circles ignore it', async () => {
    const page = await open(`./?compound=${RIVERSIDE}`);
    const overclaim = page.getByTestId('overclaim');
    await overclaim.waitFor();
    const share = Number(/(\d+)%/.exec((await overclaim.textContent()) ?? '')?.[1]);
    expect(share).toBeGreaterThan(20);
    await mapIdle(page);
    expect(await rendered(page, 'walkshed-fill')).toBeGreaterThan(0);
    expect(await rendered(page, 'reached-ways')).toBeGreaterThan(10);
    expect(await rendered(page, 'circle-line')).toBeGreaterThanOrEqual(3);
    // Per category: the nearest facility with network minutes and straight-line metres.
    const list = page.getByRole('region', { name: '最近的服务设施' }).or(page.locator('section.nearest'));
    expect(await list.locator('li').count()).toBeGreaterThanOrEqual(10);
    expect(await list.locator('li').first().textContent()).toMatch(/步行 [\d.]+ 分钟 · \d+ 米.*直线 \d+ 米/);
    await page.screenshot({ path: resolve(SHOTS, 'walkshed-river.png') });
    await page.close();
  });

  it('switches to the elder profile: 45 m/min, smaller circles, URL updated', async () => {
    const page = await open(`./?compound=${RIVERSIDE}`);
    await page.getByTestId('overclaim').waitFor();
    const before = await walkCount(page);
    await page.getByRole('switch', { name: '长者模式' }).click();
    await expect.poll(() => walkCount(page)).toBeGreaterThan(before);
    await page.getByText('15 分钟 · 675 米').first().waitFor();
    expect(page.url()).toContain('profile=elder');
    await page.close();
  });

  it('starts from any clicked point and follows the dragged marker', async () => {
    const page = await open('./?at=119.3300,26.0900');
    await page.getByTestId('overclaim').waitFor();
    const marker = page.getByTestId('origin-marker');
    await marker.waitFor();
    const box = (await marker.boundingBox())!;
    const start = await walkCount(page);
    const x = box.x + box.width / 2;
    const y = box.y + box.height - 4;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x + i * 8, y + i * 3);
    await page.mouse.up();
    await expect.poll(() => walkCount(page)).toBeGreaterThan(start + 2);
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/at=119\.33\d+,26\.08\d+/);
    await page.close();
  });

  it('keeps up with a moving origin at 30 updates per second, and draws a click quickly (measured, not asserted)', async () => {
    const page = await open('./?at=119.3300,26.0900');
    await page.getByTestId('overclaim').waitFor();
    await mapIdle(page);
    const figures = await page.evaluate(async () => {
      const { store, controller } = window.__serviceCircles!;
      const times: number[] = [];
      const unsubscribe = store.subscribe((s, p) => s.walkCount !== p.walkCount && times.push(s.walkMs));
      // The origin moves 60 times at 30 Hz, as a finger dragging the marker would.
      const before = store.getState().walkCount;
      const t0 = performance.now();
      for (let i = 0; i < 60; i++) {
        store.getState().setAt([119.33 + i * 2e-5, 26.09 + i * 1e-5]);
        await new Promise((r) => setTimeout(r, 33));
      }
      const seconds = (performance.now() - t0) / 1000;
      const updates = store.getState().walkCount - before;
      await new Promise((r) => setTimeout(r, 300));
      unsubscribe();
      times.sort((a, b) => a - b);
      // Click → drawn: a new origin until its walk arrived, until the first frame drawn with
      // the new walkshed sources loaded, and until the map is idle (every tile settled).
      const arrived: number[] = [];
      const drawn: number[] = [];
      const settled: number[] = [];
      const map = controller.map;
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 300));
        const start = performance.now();
        const count = store.getState().walkCount;
        store.getState().setAt([119.331 + i * 3e-4, 26.091]);
        await new Promise<void>((resolve) => {
          const stop = store.subscribe((s) => {
            if (s.walkCount > count && s.walkStatus === 'ready') {
              stop();
              resolve();
            }
          });
        });
        arrived.push(performance.now() - start);
        await new Promise<void>((resolve) => {
          const onRender = () => {
            if (!map.isSourceLoaded('walksheds') || !map.isSourceLoaded('reached-ways')) return;
            map.off('render', onRender);
            resolve();
          };
          map.on('render', onRender);
          map.triggerRepaint();
        });
        drawn.push(performance.now() - start);
        await new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        });
        settled.push(performance.now() - start);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      return {
        updates,
        seconds,
        medianMs: times[Math.floor(times.length / 2)] ?? NaN,
        maxMs: times.at(-1) ?? NaN,
        arrivedMs: median(arrived),
        drawnMs: median(drawn),
        settledMs: median(settled),
      };
    });
    console.log(
      `moving origin: ${figures.updates} walkshed updates for 60 moves in ${figures.seconds.toFixed(2)} s = ${(figures.updates / figures.seconds).toFixed(1)} updates/s; ` +
        `engine per update: median ${figures.medianMs.toFixed(1)} ms, max ${figures.maxMs.toFixed(1)} ms; ` +
        `click → walk arrived ${figures.arrivedMs.toFixed(0)} ms, drawn ${figures.drawnMs.toFixed(0)} ms, map idle ${figures.settledMs.toFixed(0)} ms (medians; headless Chromium, software WebGL)`,
    );
    expect(figures.updates).toBeGreaterThan(0);
    await page.close();
  });

  it('falls back to straight-line distances, and says so, without a network', async () => {
    const page = await open('./');
    const dir = resolve(ROOT, 'tests/fixtures/no-network');
    await page.getByTestId('open-data-input').setInputFiles(readdirSync(dir).map((f) => resolve(dir, f)));
    await page.getByText('此数据没有路网，所有距离均为直线距离。').waitFor();
    await waitForMap(page);
    await page.evaluate(() => window.__serviceCircles!.store.getState().selectCompound('c-1'));
    await page.getByText('此数据没有路网：以下均为直线距离，实际步行会更远。').waitFor();
    const items = page.locator('section.nearest li');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.first().textContent()).toMatch(/直线 \d+ 米/);
    expect(await items.first().textContent()).not.toContain('步行');
    await page.screenshot({ path: resolve(SHOTS, 'no-network.png') });
    await page.close();
  });

  it('sent no request to anything but the local server', () => {
    expect(outside).toEqual([]);
  });
});
