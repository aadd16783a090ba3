import { resolve } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, SHOTS } from './browser';

/** A 390 × 844 phone (iPhone 12–15 size). */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const session = e2eSession();

async function openPhone(path: string): Promise<Page> {
  const page = await session.page(path, PHONE);
  await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
  return page;
}

const height = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!.height;

describe('the header on a phone (390 × 844)', () => {
  it('is one line of at most 56 px: the map first, views, data and language behind a menu', { timeout: 120_000 }, async () => {
    const page = await openPhone('./');
    const measured = await height(page, '.app-header');
    console.log(`phone header at 390 × 844: ${measured.toFixed(1)} px (was about 130 px with the tabs and buttons in it)`);
    expect(measured).toBeLessThanOrEqual(56);
    await expect.poll(() => page.locator('.synthetic-badge').isVisible()).toBe(true);
    expect(await page.getByRole('switch', { name: '长者模式' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: '视图' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打开本地数据' }).first().isVisible()).toBe(false);
    const mapTop = (await page.getByTestId('map').boundingBox())!.y;
    expect(mapTop).toBeLessThanOrEqual(60);
    await page.screenshot({ path: resolve(SHOTS, 'phone-header.png') });

    const menu = page.getByRole('button', { name: '菜单' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const views = page.getByRole('navigation', { name: '视图' });
    expect(await views.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '打开本地数据' }).first().isVisible()).toBe(true);
    // The menu lies over the map; nothing moves under it.
    expect((await page.getByTestId('map').boundingBox())!.y).toBe(mapTop);
    for (const button of await views.getByRole('button').all()) expect((await button.boundingBox())!.height, 'touch target').toBeGreaterThanOrEqual(40);
    await page.screenshot({ path: resolve(SHOTS, 'phone-header-menu.png') });
    await page.keyboard.press('Escape');
    expect(await views.isVisible()).toBe(false);
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

    await menu.click();
    await views.getByRole('button', { name: '规划' }).click();
    await expect.poll(() => page.url()).toContain('mode=planner');
    // The menu closes with the view change (the planner's code may still be arriving).
    await expect.poll(() => views.isVisible()).toBe(false);
    expect(await height(page, '.app-header')).toBeLessThanOrEqual(56);
    await page.close();
  });

  it('stays within 56 px in English and in elder mode', { timeout: 120_000 }, async () => {
    const page = await openPhone('./?lang=en');
    expect(await height(page, '.app-header')).toBeLessThanOrEqual(56);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(true);
    await page.screenshot({ path: resolve(SHOTS, 'phone-header-en.png') });
    await page.getByRole('switch', { name: 'Elder mode' }).click();
    expect(await height(page, '.app-header')).toBeLessThanOrEqual(56);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.screenshot({ path: resolve(SHOTS, 'phone-header-en-elder-menu.png') });
    await page.close();
  });
});
