import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, mapIdle, SHOTS, ROOT } from './browser';
import { heapFigures } from './heaps';

/** Every personal name in the sample: volunteers and grid staff (DATA-CONTRACT: personal data). */
const sample = (file: string) =>
  JSON.parse(readFileSync(resolve(ROOT, 'data/yuefeng-sample', file), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
const NAMES = [
  ...sample('volunteers.geojson').features.map((f) => f.properties.name),
  ...sample('grids.geojson').features.flatMap((f) => ((f.properties.staff as { name?: string }[] | undefined) ?? []).map((s) => s.name)),
].filter((n): n is string => typeof n === 'string' && n.length > 0);
const REQUEST_TEXTS = sample('requests.geojson')
  .features.map((f) => f.properties.description)
  .filter((d): d is string => typeof d === 'string');
/** Chinese mobile and landline numbers (whole numbers: not the decimals of a coordinate or a time). */
const PHONE = /(?<![\d.])(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/;
const KINDS = ['overview', 'area', 'spotlight', 'gaps', 'volunteers', 'requests'] as const;

const session = e2eSession();
const { outside, dialogs } = session;

async function openHall(query: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await session.page(`./?mode=hall${query}`, { viewport });
  await hallReady(page);
  return page;
}

/** The map has drawn and the aggregates have arrived. */
async function hallReady(page: Page): Promise<void> {
  await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
  await page.waitForFunction(
    () => {
      const s = window.__serviceCircles?.store.getState();
      return !!s && s.hallStats !== null && s.hallCommunity !== null && s.hallSlides.length > 0;
    },
    undefined,
    { timeout: 90_000 },
  );
}

/** Moves the playlist on to the next screen of this kind and waits until it is drawn. */
async function show(page: Page, kind: (typeof KINDS)[number]): Promise<string> {
  const key = await page.evaluate((k) => {
    const store = window.__serviceCircles!.store;
    for (let i = 0; i < 100; i++) {
      store.getState().hallStep(1, Date.now());
      const s = store.getState();
      const slide = s.hallSlides[s.hallClock.index];
      if (slide?.kind === k) return slide.key;
    }
    return null;
  }, kind);
  expect(key, kind).not.toBeNull();
  if (kind === 'area') await page.waitForFunction(() => window.__serviceCircles!.store.getState().walk !== null, undefined, { timeout: 20_000 });
  await page.waitForTimeout(2_800);
  await mapIdle(page);
  return key!;
}

/** Everything a passer-by could read: the page's text and attributes, and every feature drawn on the map. */
async function visible(page: Page): Promise<string> {
  return page.evaluate(() => {
    const text = document.body.innerText;
    const attributes = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((a) => {
        try {
          return decodeURIComponent(a.value);
        } catch {
          return a.value;
        }
      }),
    );
    const features = window.__serviceCircles!.controller.map.queryRenderedFeatures().map((f) => JSON.stringify(f.properties));
    return [text, ...attributes, ...features].join('\n');
  });
}

function expectNoPersonalData(seen: string, where: string): void {
  expect(seen, where).not.toMatch(PHONE);
  for (const name of NAMES) expect(seen.includes(name), `${where}: ${name}`).toBe(false);
  for (const text of REQUEST_TEXTS) expect(seen.includes(text), `${where}: request text`).toBe(false);
}

describe('the service-hall screen', () => {
  it('shows every view at 1920 × 1080 readable, with legend, QR code and no personal data', { timeout: 180_000 }, async () => {
    const page = await openHall('');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.hall-map')!).cursor)).toBe('none');
    for (const kind of KINDS) {
      const key = await show(page, kind);
      await expect.poll(() => page.locator('.hall-figures').textContent()).not.toContain('正在计算');
      expect(await page.locator('h1.hall-title').textContent(), key).toMatch(/\S/);
      expect(await page.locator('.hall-legend li').count(), key).toBeGreaterThan(0);
      const qr = page.getByRole('img', { name: /二维码/ });
      const box = await qr.boundingBox();
      expect(box!.width, 'QR code at least 200 px').toBeGreaterThanOrEqual(200);
      const url = new URL((await qr.getAttribute('data-url'))!);
      expect(url.searchParams.get('mode')).toBeNull();
      // The title is large: at least 4 % of the screen's height.
      const titleSize = await page.locator('h1.hall-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(titleSize).toBeGreaterThanOrEqual(43);
      expectNoPersonalData(await visible(page), key);
      if (kind === 'gaps') {
        // Each compound in view is drawn in its tone: a feature state of the compounds' tiles, by id.
        const drawn = await page.evaluate(() => {
          const tones = window
            .__serviceCircles!.controller.map.queryRenderedFeatures({ layers: ['hall-tone-fill'] })
            .filter((f) => typeof f.state.hallTone === 'number')
            .map((f) => [String(f.id), f.state.hallTone as number] as const);
          return { compounds: new Set(tones.map(([id]) => id)).size, tones: new Set(tones.map(([, tone]) => tone)).size };
        });
        expect(drawn.compounds).toBeGreaterThan(10);
        expect(drawn.tones, 'more than one tone').toBeGreaterThan(1);
      }
      await page.screenshot({ path: resolve(SHOTS, `hall-${kind}.png`) });
    }
    await page.close();
  });

  it('fits an upright 1080 × 1920 screen', { timeout: 180_000 }, async () => {
    const page = await openHall('&playlist=overview:30,communities:15,spotlight.canteen:25,gaps:25,volunteers:20,requests:20', { width: 1080, height: 1920 });
    for (const kind of ['overview', 'area', 'spotlight', 'requests'] as const) {
      const key = await show(page, kind);
      const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(overflow, key).toBeLessThanOrEqual(0);
      expectNoPersonalData(await visible(page), key);
      await page.screenshot({ path: resolve(SHOTS, `hall-portrait-${kind}.png`) });
    }
    await page.close();
  });

  it('scales with a 3840 × 2160 screen', { timeout: 120_000 }, async () => {
    const page = await openHall('', { width: 3840, height: 2160 });
    await show(page, 'area');
    const titleSize = await page.locator('h1.hall-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(titleSize).toBeGreaterThanOrEqual(86);
    expect((await page.getByRole('img', { name: /二维码/ }).boundingBox())!.width).toBeGreaterThanOrEqual(400);
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: resolve(SHOTS, 'hall-4k-area.jpg'), type: 'jpeg', quality: 70 });
    await page.close();
  });

  it('works offline after the first load: reloaded from the service worker, it keeps cycling', { timeout: 120_000 }, async () => {
    const page = await openHall('');
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const cache = await caches.open('service-circles-data');
        return !!registration?.active && navigator.serviceWorker.controller !== null && (await cache.keys()).length >= 6;
      },
      undefined,
      { timeout: 45_000, polling: 500 },
    );
    await page.context().setOffline(true);
    const fromWorker: string[] = [];
    page.on('response', (response) => response.fromServiceWorker() && fromWorker.push(new URL(response.url()).pathname));
    await page.reload();
    await hallReady(page);
    expect(fromWorker.some((p) => p.endsWith('/'))).toBe(true);
    expect(fromWorker.some((p) => p.endsWith('compounds.geojson'))).toBe(true);
    expect(
      await page.evaluate(() =>
        fetch('./no-such-file.json').then(
          () => 'fetched',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    // Accelerated: views change every second or so and the data is re-read every 10 s.
    await page.evaluate(() => window.__serviceCircles!.store.setState({ hallSpeed: 60 }));
    const first = await page.getAttribute('[data-testid="hall"]', 'data-slide');
    await expect.poll(() => page.getAttribute('[data-testid="hall"]', 'data-slide'), { timeout: 15_000 }).not.toBe(first);
    // A re-read cannot reach the server: the last good data stays, and the footer says since when.
    await page.getByText(/暂时无法更新，显示 \d\d:\d\d 读取的数据/).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => window.__serviceCircles!.store.getState().hallStats?.totals.compounds)).toBe(99);
    await page.evaluate(() => window.__serviceCircles!.store.setState({ hallSpeed: 1 }));
    await page.waitForTimeout(3_000);
    await mapIdle(page);
    await page.screenshot({ path: resolve(SHOTS, 'hall-offline.png') });
    await page.context().setOffline(false);
    // Offline on purpose: the re-reads that could not reach the server are logged by the browser.
    session.expectedError(/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_/);
    await page.close();
  });

  it('reloads itself when the WebGL context is lost', { timeout: 90_000 }, async () => {
    const page = await openHall('');
    await page.evaluate(() => ((window as unknown as { beforeLoss: boolean }).beforeLoss = true));
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.evaluate(() => {
      const canvas = window.__serviceCircles!.controller.map.getCanvas();
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    });
    await reloaded;
    await hallReady(page);
    expect(await page.evaluate(() => (window as unknown as { beforeLoss?: boolean }).beforeLoss)).toBeUndefined();
    await page.close();
  });

  it(
    'soak: hundreds of playlist cycles and dataset re-reads at accelerated time, without heap growth in the page or its workers (measured)',
    { timeout: 600_000 },
    async () => {
      const SPEED = 400;
      const CYCLES = 200;
      // Opened at normal speed (the map goes idle once), then accelerated.
      const page = await openHall('');
      // Every re-read finds the ledger changed (one resident's rating flips back and forth), so each
      // one goes all the way through: new public dataset, new walking-session generation, new aggregates.
      const requests = JSON.parse(readFileSync(resolve(ROOT, 'data/yuefeng-sample/requests.geojson'), 'utf8')) as {
        features: { properties: { rating?: number } }[];
      };
      const original = JSON.stringify(requests);
      const rated = requests.features.find((f) => f.properties.rating !== undefined)!.properties;
      rated.rating = rated.rating === 5 ? 4 : 5;
      const flipped = JSON.stringify(requests);
      let reads = 0;
      await page.route(/requests\.geojson\?hallRead=/, (route) => {
        reads += 1;
        return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: reads % 2 ? flipped : original });
      });
      // The data is re-read every simulated minute: every 150 ms at this speed, or as soon as the last read is done.
      await page.evaluate((speed) => {
        const store = window.__serviceCircles!.store;
        store.setState({ hallSpeed: speed, hallConfig: { ...store.getState().hallConfig, refreshMinutes: 1 } });
      }, SPEED);
      const cycles = () => page.evaluate(() => window.__serviceCircles!.store.getState().hallClock.cycles);
      // Heaps are weighed between re-reads: the refresh is held back for a moment so that no read
      // (a whole parsed dataset on its way to the walking session) is in flight when they are.
      const setRefresh = (minutes: number) =>
        page.evaluate((refreshMinutes) => {
          const store = window.__serviceCircles!.store;
          store.setState({ hallConfig: { ...store.getState().hallConfig, refreshMinutes } });
        }, minutes);
      // Weighed on the first slide, held there (at a hundredth of real time): slides differ by a
      // few hundred DOM nodes, which would otherwise pass for growth or hide it.
      const holdFirstSlide = (speed: number) =>
        page.evaluate((hallSpeed) => {
          const store = window.__serviceCircles!.store;
          store.setState({ hallSpeed });
          for (let k = store.getState().hallClock.index; k > 0; k--) store.getState().hallStep(-1, Date.now());
        }, speed);
      const quietHeaps = async () => {
        await setRefresh(24 * 60);
        await holdFirstSlide(0.01);
        await page.waitForTimeout(4_000);
        const figures = await heapFigures(page);
        await page.evaluate((speed) => window.__serviceCircles!.store.setState({ hallSpeed: speed }), SPEED);
        await setRefresh(1);
        return figures;
      };
      const cycleSeconds = await page.evaluate(() => window.__serviceCircles!.store.getState().hallSlides.reduce((s, x) => s + x.seconds, 0));
      await expect.poll(cycles, { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(10);
      const warm = await quietHeaps();
      const readsWarm = reads;
      const started = Date.now();
      await expect.poll(cycles, { timeout: 200_000, interval: 1_000 }).toBeGreaterThanOrEqual(CYCLES / 2);
      const mid = await quietHeaps();
      await expect.poll(cycles, { timeout: 200_000, interval: 1_000 }).toBeGreaterThanOrEqual(CYCLES);
      // A hundred and more re-reads, each a change (a whole read takes a second or more here).
      await expect.poll(() => reads, { timeout: 300_000, interval: 1_000 }).toBeGreaterThanOrEqual(readsWarm + 100);
      const end = await quietHeaps();
      const simulatedHours = (CYCLES * cycleSeconds) / 3600;
      const mb = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} MB`;
      const workers = Object.keys(end.workersMB).map(
        (name) => `${name} ${(warm.workersMB[name] ?? 0).toFixed(1)} → ${(mid.workersMB[name] ?? 0).toFixed(1)} → ${end.workersMB[name]!.toFixed(1)} MB`,
      );
      console.log(
        `hall soak: ${CYCLES} playlist cycles (${cycleSeconds} s each = ${simulatedHours.toFixed(1)} h of screen time) and ${reads - readsWarm} changed dataset re-reads in ${((Date.now() - started) / 1000).toFixed(0)} s at ${SPEED}×; ` +
          `page JS heap after GC ${warm.pageMB.toFixed(1)} MB at cycle 10, ${mid.pageMB.toFixed(1)} MB at cycle ${CYCLES / 2}, ${end.pageMB.toFixed(1)} MB at the end ` +
          `(${mb(end.pageMB - warm.pageMB)} overall, ${mb(end.pageMB - mid.pageMB)} over the second half); workers after GC: ${workers.join('; ')}; ` +
          `DOM nodes ${warm.nodes} → ${mid.nodes} → ${end.nodes}, listeners ${warm.listeners} → ${end.listeners}`,
      );
      // The walking session is among the workers measured.
      expect(Object.keys(end.workersMB)).toContain('walking-session');
      // No growth once warm: the second half adds (next to) nothing, in the page or in any worker.
      expect(end.pageMB - mid.pageMB).toBeLessThan(5);
      for (const [name, endMB] of Object.entries(end.workersMB)) expect(endMB - (mid.workersMB[name] ?? 0), name).toBeLessThan(5);
      // Weighed on the same slide: nodes and listeners stay (they were 275 and 215 throughout).
      expect(end.nodes - warm.nodes).toBeLessThan(100);
      expect(end.listeners - warm.listeners).toBeLessThan(50);
      await page.close();
    },
  );

  it('opened no dialog and sent no request to anything but the local server', () => {
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
  });
});
