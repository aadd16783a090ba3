import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { hallEn, hallZh } from '../../src/i18n/features/hall';
import { plannerEn, plannerZh } from '../../src/i18n/features/planner';
import { reportEn, reportZh } from '../../src/i18n/features/report';
import { sandanEn, sandanZh } from '../../src/i18n/features/sandan';
import { staffEn, staffZh } from '../../src/i18n/features/staff';
import { volunteersEn, volunteersZh } from '../../src/i18n/features/volunteers';
import { zhCN } from '../../src/i18n/zh-CN';
import { e2eSession, mapIdle, ROOT, waitForMap, SHOTS } from './browser';

const SIZES = {
  phone: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
} as const;

const session = e2eSession();
const { outside } = session;

async function open(size: keyof typeof SIZES, path = './'): Promise<Page> {
  const page = await session.page(path, SIZES[size]);
  await waitForMap(page);
  return page;
}

for (const size of ['phone', 'desktop'] as const) {
  describe(`resident view (${size})`, () => {
    it('search a compound → walkshed and list; tap the nearest clinic → its route: three interactions', async () => {
      const page = await open(size);
      // 1: type part of the name; 2: pick the compound; 3: tap the nearest clinic.
      await page.getByRole('combobox', { name: '查找小区' }).fill('瑞城');
      await page.getByRole('option', { name: /瑞城花园/ }).click();
      await page.getByTestId('overclaim').waitFor();
      const clinicGroup = page.locator('section.nearest li.nearest-group').filter({ has: page.getByRole('heading', { name: '卫生服务站/诊所' }) });
      const nearestClinic = clinicGroup.locator('button.facility-name').first();
      await nearestClinic.click();
      const summary = page.locator('.route-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toMatch(/步行约 [\d.]+ 分钟 · \d+ 米/);
      await mapIdle(page);
      expect(await page.evaluate(() => window.__serviceCircles!.controller.map.queryRenderedFeatures({ layers: ['route-line'] }).length)).toBeGreaterThan(0);
      await page.screenshot({ path: resolve(SHOTS, `resident-${size}-route.png`) });

      // The address bar now reopens the same view.
      const shared = page.url();
      expect(shared).toMatch(/compound=c-\d+/);
      const again = await open(size, shared);
      await again.getByTestId('overclaim').waitFor();
      expect(await again.getByRole('heading', { name: '瑞城花园 的服务圈' }).count()).toBe(1);
      await again.close();
      await page.close();
    });
  });
}

describe('a shared compound link', () => {
  it('lists walking minutes from the shipped report before the network arrives, then the walk and its walkshed; loads no other view', async () => {
    const page = await session.page(null, SIZES.phone);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    // Hold the network back until the list is on screen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/network.geojson', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(new URL('./?compound=c-001', session.base).toString());
    const answer = page.locator('[data-testid="walk-answer"]');
    await answer.and(page.locator('[data-source="report"]')).waitFor({ timeout: 30_000 });
    expect(await answer.locator('.nearest-compound').textContent()).toBe('前横小区');
    expect(await answer.locator('strong').first().textContent()).toMatch(/步行 [\d.]+ 分钟/);
    expect(await page.evaluate(() => performance.getEntriesByName('first-walk-answer').length)).toBe(1);
    release();
    await page.locator('[data-testid="walk-answer"][data-source="walk"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('walkshed-drawn').length === 1, undefined, { timeout: 60_000 });
    expect(asked.filter((p) => /\/(PlannerPanel|VolunteersPanel|HallView)-/.test(p))).toEqual([]);
    // On a phone the walkshed is on the still map: MapLibre has not been asked for.
    expect(await page.getByRole('img', { name: /服务圈示意图：前横小区/ }).getAttribute('data-walkshed')).toBe('true');
    expect(asked.filter((p) => /\/(MapView|maplibre-gl-worker)-/.test(p))).toEqual([]);
    // Every opening-hours value of the sample is read without the opening_hours library.
    expect(asked.filter((p) => /\/openingHours-/.test(p))).toEqual([]);
    // public/early.js started these reads before the app's code arrived; the app took them and asked no second time.
    expect(asked.filter((p) => p.endsWith('/early.js'))).toHaveLength(1);
    for (const file of ['manifest.json', 'report.json', 'compounds.geojson', 'facilities.geojson', 'gates.geojson'])
      expect(
        asked.filter((p) => p.endsWith(`/${file}`)),
        file,
      ).toHaveLength(1);
    expect(await page.evaluate(() => Object.keys(window.__earlyReads?.files ?? {}))).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'resident-phone-still-map.png') });
    // A tap on the picture opens the interactive map, on the same compound.
    await page.getByTestId('lite-map').click({ position: { x: 100, y: 200 } });
    await waitForMap(page);
    expect(await page.evaluate(() => window.__serviceCircles!.store.getState().compoundId)).toBe('c-001');
    expect(await page.getByTestId('lite-map').count()).toBe(0);
    await page.close();
  });

  it('opens the interactive map at once in a narrow window with a mouse (a desktop browser, not a phone)', async () => {
    const page = await session.page('./?compound=c-001', { viewport: { width: 600, height: 800 } });
    await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('lite-map').count()).toBe(0);
    await page.close();
  });
});

describe('the resident route’s build', () => {
  /** The production build that global-setup.ts makes for every e2e run. */
  const DIST = resolve(ROOT, 'node_modules/.e2e-dist');
  const read = (file: string) => readFileSync(join(DIST, file), 'utf8');
  /** A chunk and every chunk it imports statically (what the browser fetches before running it). */
  const closure = (files: string[]): Set<string> => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of read(file).matchAll(/\b(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) visit(`assets/${m[1]!}`);
    };
    files.forEach(visit);
    return seen;
  };

  it('carries no other view’s messages: they come with the view’s own chunk', () => {
    const html = read('index.html');
    const entry = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    // What a resident may load: the page's scripts, then the map and the opening-hours badge.
    const lazy = readdirSync(join(DIST, 'assets'))
      .filter((f) => /^(MapView|OpenBadge)-.*\.js$/.test(f))
      .map((f) => `assets/${f}`);
    expect(entry.length).toBeGreaterThan(1);
    expect(lazy).toHaveLength(2);
    const resident = closure([...entry, ...lazy]);
    expect([...resident].filter((f) => /\/(PlannerPanel|VolunteersPanel|HallView)-/.test(f))).toEqual([]);
    const residentJs = [...resident].map(read).join('\n');
    const allJs = readdirSync(join(DIST, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => read(`assets/${f}`))
      .join('\n');
    // The longest message of each view's table in each language (long enough to be nowhere else).
    const core = new Set([...Object.values(zhCN), ...Object.values(en)] as string[]);
    const longest = (table: Record<string, string>) =>
      Object.values(table)
        .filter((text) => !core.has(text) && !/["'`\\]/.test(text))
        .sort((a, b) => b.length - a.length)
        .slice(0, 2);
    const moved = [
      plannerZh['planner.computing'],
      plannerEn['planner.computing'],
      ...[plannerZh, plannerEn, volunteersZh, volunteersEn, reportZh, reportEn, hallZh, hallEn, sandanZh, sandanEn, staffZh, staffEn].flatMap(longest),
    ];
    for (const text of moved) {
      expect(allJs.includes(text), `in the build: ${text}`).toBe(true);
      expect(residentJs.includes(text), `on the resident route: ${text}`).toBe(false);
    }
    // Its own messages are there.
    expect(residentJs).toContain(zhCN['problems.intro']);
    expect(residentJs).toContain(en['problems.intro']);
  });
});

describe('resident view details', () => {
  it('says plainly when a category has nothing within 15 minutes', async () => {
    const page = await open('desktop', './?at=119.3300,26.0900');
    await page.getByTestId('overclaim').waitFor();
    const missing = page.locator('.nearest-missing');
    await expect.poll(() => missing.count()).toBeGreaterThan(0);
    expect(await missing.first().textContent()).toMatch(/^15分钟内没有.+/);
    await page.close();
  });

  it('elder mode: large type, 45 m/min, stays on through the URL', async () => {
    const page = await open('phone', './?compound=c-044');
    await page.getByTestId('overclaim').waitFor();
    await page.getByRole('switch', { name: '长者模式' }).click();
    await page.getByText('15 分钟 · 675 米').first().waitFor();
    const fontPx = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app')!).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(20);
    expect(page.url()).toContain('profile=elder');
    await page.screenshot({ path: resolve(SHOTS, 'resident-phone-elder.png') });
    await page.close();
  });

  it('chooses one gate of a compound with several', async () => {
    const page = await open('desktop', './?compound=c-044');
    await page.getByTestId('overclaim').waitFor();
    const select = page.getByRole('combobox', { name: '从哪个门出发' });
    const options = await select.locator('option').count();
    expect(options).toBeGreaterThan(2);
    await select.selectOption({ index: 1 });
    await expect.poll(() => page.url()).toMatch(/gate=/);
    await page.getByText(/起点：1 个出入口/).waitFor();
    await page.close();
  });

  it('shares the view as a link and a QR code, and prints a personal 15-minute card', async () => {
    const page = await open('phone', './?compound=c-044');
    await page.getByTestId('overclaim').waitFor();
    await page.getByRole('button', { name: '分享' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox').inputValue()).toContain('compound=c-044');
    const qr = dialog.getByRole('img');
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(200);
    await page.screenshot({ path: resolve(SHOTS, 'resident-phone-share.png') });
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: '打印' }).first().click();
    const card = page.locator('.print-card');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('福光苑');
    expect(text).toContain('示意数据');
    expect(text).toMatch(/\d+ 分钟/);
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBeGreaterThan(0);
    expect(await card.locator('img').first().getAttribute('src')).toMatch(/^data:image\/png/);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: resolve(SHOTS, 'resident-print-card.png'), fullPage: true });
    expect(await page.locator('.app').isVisible()).toBe(false);
    await page.close();
  });

  it('sent no request to anything but the local server', () => {
    expect(outside).toEqual([]);
  });
});
