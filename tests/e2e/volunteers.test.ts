import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, mapIdle, waitForMap, renderedCount, SHOTS } from './browser';

/** A mainland mobile number. */
const MOBILE = /(?<![\d.-])1[3-9]\d{9}(?!\d)/;

const session = e2eSession();
const { outside } = session;

async function open(path: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await session.page(path, { viewport });
  await waitForMap(page);
  return page;
}

const rendered = renderedCount;

/** Waits until the coverage on screen belongs to the current choice. */
async function coverageSettled(page: Page): Promise<void> {
  await page.locator('[data-testid="coverage-figures"]:not(.stale)').waitFor({ timeout: 30_000 });
  await mapIdle(page);
}

async function chooseMedicalMonday20(page: Page): Promise<number> {
  const started = Date.now();
  await page.getByLabel('技能', { exact: true }).selectOption('medical');
  await page.getByRole('radio', { name: '指定时间' }).check();
  await page.getByLabel('星期', { exact: true }).selectOption({ label: '周一' });
  await page.getByLabel('时刻', { exact: true }).fill(String(20 * 60));
  await coverageSettled(page);
  return Date.now() - started;
}

describe('volunteers and requests (?mode=volunteers)', () => {
  it('medical at 20:00: shows the compounds no medical volunteer can reach', async () => {
    const page = await open('./?mode=volunteers');
    await expect.poll(() => page.getByRole('note', { name: '含个人信息' }).isVisible()).toBe(true);
    const ms = await chooseMedicalMonday20(page);
    await expect.poll(() => page.locator('output').first().textContent()).toBe('20:00');
    const available = await page.getByTestId('coverage-available').textContent();
    expect(available).toMatch(/可服务志愿者 \d+ 名（具备该技能 17 名）/);
    const compounds = (await page.getByTestId('coverage-compounds').textContent()) ?? '';
    const [covered, total] = (/(\d+) \/ (\d+)/.exec(compounds) ?? []).slice(1).map(Number);
    expect(total).toBe(99);
    expect(covered).toBeGreaterThan(0);
    expect(covered).toBeLessThan(99);
    const uncovered = page.getByRole('list', { name: '未覆盖的小区' });
    expect(await uncovered.locator('li').count()).toBe(99 - covered!);
    expect(await page.getByText(`未覆盖的小区（${99 - covered!} 个，地图红色）`).count()).toBe(1);
    expect(await rendered(page, 'vol-uncovered-fill')).toBeGreaterThan(0);
    expect(await rendered(page, 'vol-coverage-fill')).toBeGreaterThan(0);
    expect(await rendered(page, 'vol-sites')).toBeGreaterThan(0);
    console.log(
      `volunteers e2e: medical, Monday 20:00: ${available}; ${covered}/99 compounds reached; choice → coverage drawn ${ms} ms (worker, sample network)`,
    );
    await page.screenshot({ path: resolve(SHOTS, 'volunteers-medical-20h.png') });

    // Another hour reuses each volunteer's cached walk: only the sum and the contour are redone.
    const t0 = Date.now();
    await page.getByLabel('时刻', { exact: true }).fill(String(3 * 60));
    await coverageSettled(page);
    console.log(`volunteers e2e: 03:00 → ${await page.getByTestId('coverage-compounds').textContent()} in ${Date.now() - t0} ms`);
    await page.close();
  });

  it('lists the overdue requests, longest wait first, and matches volunteers to one', async () => {
    const page = await open('./?mode=volunteers');
    const list = page.getByTestId('escalation-list');
    await list.waitFor();
    // The sample is "as of 2026-11-01": eight open requests are past the 7-day cycle then.
    await expect.poll(() => list.locator('li').count()).toBe(8);
    expect(await page.getByTestId('overdue-count').textContent()).toBe('超期 8 件（办理中 111 件）');
    const waited = (await list.locator('.escalation-meta').allTextContents()).map((t) => Number(/已等 ([\d.]+) 天/.exec(t)?.[1]));
    expect(waited.every((d) => d > 7)).toBe(true);
    expect(waited).toEqual([...waited].sort((a, b) => b - a));
    await page.screenshot({ path: resolve(SHOTS, 'volunteers-overdue.png') });

    await list.getByRole('button').first().click();
    const detail = page.locator('section.request-detail');
    await detail.waitFor();
    expect(await detail.getByRole('heading', { level: 2 }).textContent()).toBe('YF-2026-0004');
    await detail.locator('.matches, p.hint').first().waitFor();
    await expect.poll(() => detail.locator('.match-list li, .matches p.hint').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const walks = (await detail.locator('.match-walk').allTextContents()).map((t) => Number(/步行 ([\d.]+) 分钟/.exec(t)?.[1] ?? Infinity));
    expect(walks).toEqual([...walks].sort((a, b) => a - b));
    await mapIdle(page);
    expect(await rendered(page, 'vol-request-selected')).toBe(1);
    await page.screenshot({ path: resolve(SHOTS, 'volunteers-request.png') });
    await page.close();
  });

  it('clusters requests by zoom, coloured by stage, and opens the ledger with its filters', async () => {
    const page = await open('./?mode=volunteers');
    await mapIdle(page);
    expect(await rendered(page, 'vol-request-cluster')).toBeGreaterThan(0);
    await page.evaluate(() => window.__serviceCircles!.controller.map.jumpTo({ center: [119.33, 26.09], zoom: 17.5 }));
    await mapIdle(page);
    expect(await rendered(page, 'vol-request-point')).toBeGreaterThan(0);
    expect(await rendered(page, 'vol-request-cluster')).toBe(0);

    await page.getByRole('button', { name: '打开诉求台账' }).click();
    const ledger = page.getByRole('dialog', { name: '诉求台账（一问题一建档）' });
    await expect.poll(() => ledger.getByTestId('ledger-count').textContent()).toBe('显示 125 / 125 件');
    await ledger.getByRole('checkbox', { name: '只看服务缺口' }).check();
    const gaps = Number(/显示 (\d+)/.exec((await ledger.getByTestId('ledger-count').textContent()) ?? '')?.[1]);
    expect(gaps).toBeGreaterThan(0);
    console.log(`volunteers e2e: ${gaps} requests meet a service gap (category missing within 15 minutes of their compound)`);
    await ledger.getByRole('checkbox', { name: '只看服务缺口' }).uncheck();
    await ledger.getByRole('checkbox', { name: '只看超期' }).check();
    await expect.poll(() => ledger.getByTestId('ledger-count').textContent()).toBe('显示 8 / 125 件');
    const download = page.waitForEvent('download');
    await ledger.getByRole('button', { name: '导出 CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('yuefeng-sample-ledger.csv');
    await page.screenshot({ path: resolve(SHOTS, 'volunteers-ledger.png') });
    await page.close();
  });

  it('with ?refresh= re-reads the files and keeps the last good data when one turns invalid', async () => {
    const page = await session.page(null, { viewport: { width: 1400, height: 900 } });
    let broken = false;
    await page.route('**/requests.geojson', async (route) => {
      if (!broken) return route.continue();
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"type": "FeatureCollection", "features": [' });
    });
    await page.goto(new URL('./?mode=volunteers&refresh=5', session.base).toString());
    await waitForMap(page);
    const status = page.locator('.live-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/每 5 秒自动更新 · 最后更新 \d\d:\d\d:\d\d/);
    broken = true;
    await page.getByTestId('live-error').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('live-error').textContent()).toMatch(/读取失败，仍显示 \d\d:\d\d:\d\d 的数据。requests\.geojson/);
    expect(await page.getByRole('heading', { name: '居民诉求（125 件）' }).count()).toBe(1);
    await page.screenshot({ path: resolve(SHOTS, 'volunteers-refresh-failed.png') });
    await page.close();
  });

  it('the resident view shows none of it', async () => {
    const page = await open('./?mode=volunteers');
    await chooseMedicalMonday20(page);
    await page.getByTestId('escalation-list').getByRole('button').first().click();
    await page.locator('.match-list, .matches p.hint').first().waitFor({ timeout: 20_000 });
    await page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: '居民' }).click();
    await expect.poll(() => page.url()).not.toContain('mode=volunteers');
    await mapIdle(page);
    for (const layer of ['vol-coverage-fill', 'vol-uncovered-fill', 'vol-sites', 'vol-request-cluster', 'vol-request-point', 'vol-request-selected']) {
      expect(await rendered(page, layer), layer).toBe(0);
    }
    expect(await page.getByRole('note', { name: '含个人信息' }).count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(MOBILE);
    for (const secret of ['陈志强', '林建华', '卢静', '张婷', '帮忙代缴水电费', '希望卫生服务站周末也能开诊']) expect(text).not.toContain(secret);
    await page.screenshot({ path: resolve(SHOTS, 'volunteers-then-resident.png') });
    await page.close();
  });

  it('sent no request to anything but the local server', () => {
    expect(outside).toEqual([]);
  });
});
