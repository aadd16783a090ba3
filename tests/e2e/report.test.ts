import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundPoint } from '../../src/domain/intake/sketch';
import { startTestServer, type TestServer } from '../server/helpers';
import { launchBrowser, ROOT, SHOTS, watchOutsideRequests } from './browser';

/** The production build that global-setup.ts makes for every e2e run. */
const DIST = resolve(ROOT, 'node_modules/.e2e-dist');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** 前横小区 of the sample (新华社区). */
const COMPOUND = 'c-001';

let server: TestServer;
let browser: Browser;
const outside: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ distDir: DIST });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone's browser context on the test server: outside requests, console errors and page errors are recorded. */
async function phone(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  watchOutsideRequests(page, server.url, outside);
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page };
}

describe('resident intake through the QR code (390 × 844)', () => {
  /** Shared by the two steps of the resident's story: the page left open after sending. */
  let sent: { context: BrowserContext; page: Page; trackingCode: string; id: string } | undefined;

  it('files a report and gets a tracking code', async () => {
    const description = '3 号楼 2 单元楼道灯坏了一周 <b>急</b>';
    const { context, page } = await phone();
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/report?compound=${COMPOUND}`);
    await page.getByRole('heading', { name: '反映问题', level: 1 }).waitFor();
    await page.getByText('前横小区').first().waitFor();
    await page.getByText('位置：前横小区内').waitFor();
    await page.screenshot({ path: join(SHOTS, 'report-form.png'), fullPage: true });

    // Light page: none of the map app's code.
    expect(scripts.some((s) => /\/assets\/main-/.test(s))).toBe(false);
    expect(scripts.every((s) => !/maplibre/i.test(s))).toBe(true);

    await page.getByRole('radio', { name: '维修' }).check();
    // The sample has open repair requests right here: the page offers to follow one.
    await page.getByRole('heading', { name: '附近已有人反映过类似问题' }).waitFor();
    const follow = page.getByRole('link', { name: '跟进这一条' }).first();
    expect(await follow.getAttribute('href')).toMatch(/^\/track\?id=/);
    await page.screenshot({ path: join(SHOTS, 'report-nearby.png'), fullPage: true });

    // Move the pin with the keyboard: 6 × 20 m north, out of the compound into the street.
    await page.getByRole('application').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowUp');
    await page.getByText(/位置：前横小区(外|.+附近约)/).waitFor();

    await page.getByLabel('3. 请说明情况').fill(description);
    await page.getByLabel('5. 联系电话（可不填）').fill('139 0000 2222');
    await page.getByRole('button', { name: '提交' }).click();
    const code = page.getByTestId('tracking-code');
    await code.waitFor();
    const trackingCode = (await code.getAttribute('data-code'))!;
    expect(trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    await page.getByText('请保存这个查询码').waitFor();
    await page.screenshot({ path: join(SHOTS, 'report-done.png'), fullPage: true });

    const stored = server.ctx.store.getRequestByTrackingCode(trackingCode)!;
    expect(stored).toMatchObject({ description, serviceCode: 'repair', source: 'intake', stage: 'collect' });
    expect(stored.reporter.phone).toBe('13900002222');
    // The pin went 120 m north of the compound's point; the request is still the QR code's compound's.
    const [lon0, lat0] = compoundPoint(server.ctx.places.compound(COMPOUND)!);
    expect(stored.lon).toBeCloseTo(lon0, 6);
    expect((stored.lat - lat0) * 110_574).toBeCloseTo(120, 0);
    expect(stored.compoundId).toBe(COMPOUND);

    sent = { context, page, trackingCode, id: stored.id };
  });

  it('follows the report on its tracking page from 收集 to 商议', async () => {
    const { context, page, id, trackingCode } = sent!;
    await page.getByRole('link', { name: '查看办理进度' }).click();
    await page.waitForURL(`${server.url}/track?code=${trackingCode}`);
    const current = page.locator('[aria-current="step"]');
    await expect.poll(() => current.textContent(), { timeout: 15_000 }).toContain('收集');
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('楼道灯');
    expect(text).not.toContain('13900002222');
    await page.screenshot({ path: join(SHOTS, 'track-collect.png'), fullPage: true });

    // Staff move it on; the open page shows it at its next poll (every 10 s).
    server.ctx.store.moveRequest(id, { stage: 'deliberate', actor: 'xinhua.worker', note: '议事会' });
    await expect.poll(() => current.textContent(), { timeout: 25_000, interval: 1000 }).toContain('商议');
    expect(await page.locator('body').innerText()).not.toContain('xinhua.worker');
    await page.screenshot({ path: join(SHOTS, 'track-deliberate.png'), fullPage: true });
    await context.close();
  });

  it('lets the code holder rate once the outcome is public, in English too', async () => {
    const at = server.ctx.places.ofCompound(COMPOUND);
    const filed = server.ctx.store.createRequest(
      { serviceCode: 'canteen', description: '午饭送餐', lon: 119.3172, lat: 26.0811, ...at, source: 'intake', trackingCode: 'K7Q4M9XP2R' },
      'resident',
    );
    server.ctx.store.moveRequest(filed.id, { stage: 'publish', actor: 'staff' });
    const { context, page } = await phone({ locale: 'en' });
    await page.goto(`${server.url}/track?code=k7q4m-9xp2r&lang=en`);
    await page.getByRole('heading', { name: 'Are you satisfied with the outcome?' }).waitFor();
    await page.getByRole('radio', { name: '4 stars' }).check();
    await page.getByLabel('Comment (optional)').fill('Quick, thanks');
    await page.screenshot({ path: join(SHOTS, 'track-rate-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Your rating: 4 stars. Thank you!').waitFor();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('Rate');
    expect(server.ctx.store.getRequest(filed.id)).toMatchObject({ stage: 'rate', status: 'closed', rating: 4 });
    await context.close();
  });

  it('moves the pin to the phone’s own location, by a tap, and by dragging it', async () => {
    const { context, page } = await phone({ geolocation: { latitude: 26.083, longitude: 119.3172 }, permissions: ['geolocation'] });
    await page.goto(`${server.url}/report?compound=${COMPOUND}`);
    await page.getByRole('button', { name: '用我现在的位置' }).click();
    await page.getByText(/位置：前横小区(外|.+附近约)/).waitFor();
    const sketch = page.getByRole('application');
    const box = (await sketch.boundingBox())!;
    await sketch.tap({ position: { x: box.width / 2, y: box.height / 2 } });
    await page.getByText('位置：前横小区内').waitFor();
    const handle = (await page.locator('.sketch-pin-handle').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 12, box.y + 12, { steps: 6 });
    await page.mouse.up();
    await page.getByText('位置：前横小区外').waitFor();
    await page.screenshot({ path: join(SHOTS, 'report-pin-moved.png') });
    await context.close();
  });

  it('prints one A4 poster with a QR code per building (per compound where there are none)', async () => {
    const { context, page } = await phone({ viewport: { width: 900, height: 1200 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/posters`);
    const posters = page.getByRole('article');
    const buildings = server.ctx.dataset.buildings!.features;
    const withBuildings = new Set(buildings.map((b) => b.properties.compound_id));
    const expected = buildings.length + server.ctx.dataset.compounds.features.filter((c) => !withBuildings.has(c.properties.id)).length;
    await expect.poll(() => posters.count(), { timeout: 15_000 }).toBe(expected);
    const qr = page.getByRole('img', { name: '前横小区1号楼反映问题二维码' });
    await qr.waitFor();
    expect(await qr.getAttribute('data-url')).toBe(`${server.url}/report?compound=${COMPOUND}&building=${COMPOUND}-b1`);
    await page.getByText('扫码反映问题').first().waitFor();
    await page.getByText(`社区会在 ${server.ctx.config.workflow.cycleDays} 天内办理`).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'posters.png') });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    // One page per poster (a PDF counts its pages as /Type /Page objects).
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(expected);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    await context.close();
  });

  it('stayed on the local server, without console or page errors', () => {
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('the intake build', () => {
  it('keeps the phone page light: its scripts, compressed, are a fraction of the map app’s', () => {
    const html = readFileSync(join(DIST, 'report.html'), 'utf8');
    const own = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(own.some((f) => /maplibre|main-/.test(f))).toBe(false);
    const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    const total = own.reduce((sum, f) => sum + gz(f), 0);
    const main = readdirSync(join(DIST, 'assets')).filter((f) => /^main-.*\.js$/.test(f));
    console.log(
      `report page JS: ${own.length} files, ${(total / 1024).toFixed(1)} kB gzip (map app main chunk: ${(gz(`assets/${main[0]}`) / 1024).toFixed(0)} kB gzip)`,
    );
    expect(total).toBeLessThan(120 * 1024);
  });
});
