import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, ROOT, SHOTS } from './browser';

/**
 * `?data=` on another host: refused unless the deployment's config.json lists the origin
 * (nothing is read from it), and when allowed, the page says whose data it shows. The other
 * host is played by Playwright (data.example.org), serving the sample with CORS.
 */
const session = e2eSession();
const OTHER = 'https://data.example.org';

async function serveOther(page: Page, allowed: string[]): Promise<void> {
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ dataOrigins: allowed }) }),
  );
  await page.route(`${OTHER}/**`, (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    let body: string;
    try {
      body = readFileSync(resolve(ROOT, 'data/yuefeng-sample', file), 'utf8');
    } catch {
      return route.fulfill({ status: 404, body: 'not found', headers: { 'access-control-allow-origin': '*' } });
    }
    return route.fulfill({ status: 200, contentType: 'application/json', body, headers: { 'access-control-allow-origin': '*' } });
  });
}

describe('datasets from another host (?data=)', () => {
  it('are refused unless the deployment allows their origin, and nothing is asked of that host', { timeout: 120_000 }, async () => {
    const page = await session.page(null);
    const asked: string[] = [];
    page.on('request', (request) => request.url().startsWith(OTHER) && asked.push(request.url()));
    await page.goto(new URL(`./?data=${encodeURIComponent(`${OTHER}/town`)}`, session.base).toString());
    await page.getByRole('alert').getByText('这个链接要显示来自 data.example.org 的数据；本站没有允许这个来源，因此没有读取它。').waitFor({ timeout: 60_000 });
    expect(asked).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'data-origin-refused.png') });
    await page.close();
  });

  it('load when allowed, with a notice naming the host, in the app and on the hall screen', { timeout: 180_000 }, async () => {
    const page = await session.page(null);
    await serveOther(page, [OTHER]);
    await page.goto(new URL(`./?data=${encodeURIComponent(`${OTHER}/town`)}`, session.base).toString());
    await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
    const notice = page.getByTestId('data-source-notice');
    await expect.poll(() => notice.textContent()).toContain('来自 data.example.org 的数据');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getByRole('button').count()).toBe(0);
    await page.screenshot({ path: resolve(SHOTS, 'data-origin-notice.png') });
    await page.close();

    const hall = await session.page(null, { viewport: { width: 1920, height: 1080 } });
    await serveOther(hall, [OTHER]);
    await hall.goto(new URL(`./?mode=hall&data=${encodeURIComponent(`${OTHER}/town`)}`, session.base).toString());
    await hall.waitForFunction(() => (window.__serviceCircles?.store.getState().hallSlides.length ?? 0) > 0, undefined, { timeout: 90_000 });
    await expect.poll(() => hall.getByTestId('data-source-notice').textContent()).toBe('数据来自 data.example.org，不是本站默认数据');
    await hall.close();
  });

  it("the deployment's own data carries no notice", { timeout: 120_000 }, async () => {
    const page = await session.page('./');
    await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('data-source-notice').count()).toBe(0);
    await page.close();
  });
});
