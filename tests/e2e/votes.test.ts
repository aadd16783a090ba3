import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/secrets';
import { startTestServer, type TestServer } from '../server/helpers';
import { launchBrowser, ROOT } from './browser';
import { fillLogin, openLedgerRequest, watchedPage } from './staffPages';

const DIST = resolve(ROOT, 'node_modules/.e2e-dist');

let server: TestServer;
let browser: Browser;
const outside: string[] = [];
const errors: string[] = [];
let requestId: string;

/** A resident's phone: narrow, touch, watched for errors like the staff pages. */
async function phone(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  page.on('console', (m) => {
    // A refused ballot is an answer the page shows, not an error of the page.
    if (m.type() === 'error' && !/status of 409/.test(m.text())) errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.setDefaultTimeout(20_000);
  return page;
}

beforeAll(async () => {
  server = await startTestServer({ distDir: DIST });
  const passwordHash = await hashPassword('xinhua-2026');
  server.ctx.store.createUser({ username: 'li', passwordHash, role: 'community_worker', communityId: 'cm-xinhua', displayName: '李社工' });
  // A problem raised today in 前横小区 (新华社区), at 民主协商议事.
  const place = server.ctx.places.ofCompound('c-001');
  requestId = server.ctx.store.createRequest(
    { serviceCode: 'repair', description: '楼道灯坏了', lon: 120.1, lat: 30.1, ...place, compoundId: 'c-001', stage: 'deliberate', source: 'staff' },
    'li',
  ).id;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an online vote (民主协商议事)', () => {
  it('a worker opens a vote and prints codes; a resident votes with one; its reuse is refused; after the close the tracking page shows the result', async () => {
    const worker = await watchedPage(browser, server.url, outside, errors);
    await worker.goto(`${server.url}/?mode=volunteers`);
    await worker.getByRole('heading', { name: '工作人员登录' }).waitFor({ timeout: 120_000 });
    await fillLogin(worker, 'li', '已登录：李社工');
    worker.setDefaultTimeout(20_000);
    await openLedgerRequest(worker, requestId);

    const panel = worker.locator('section.vote-panel');
    await panel.getByText('这件事还没有发起过投票。').waitFor();
    await panel.getByRole('button', { name: '发起投票' }).click();
    expect(await panel.getByLabel('投票问题').inputValue()).toMatch(/^关于“.+”这件事，大家选哪个办法？$/);
    await panel.getByLabel('投票问题').fill('楼道灯怎么修？');
    await panel.getByLabel('方案（每行一个，2–6 个）').fill('换成声控灯\n换成常亮节能灯');
    await panel.getByLabel('投票码数量（每户一个）').fill('3');
    await panel.getByRole('button', { name: '发起投票并生成投票码' }).click();

    const sheet = worker.getByRole('dialog', { name: '投票码纸条：楼道灯怎么修？' });
    await sheet.waitFor();
    const slips = sheet.locator('article.vote-slip');
    expect(await slips.count()).toBe(3);
    await slips.first().locator('.vote-slip-qr img').waitFor();
    const codes = (await sheet.locator('.vote-slip-code strong').allInnerTexts()).map((c) => c.trim());
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // The slip's QR leads to the ballot page with the code in the fragment.
    const voteId = (
      await panel
        .locator('..')
        .getByText(/投票 V-\d{6} 已发起/)
        .innerText()
    ).match(/V-\d{6}/)![0];
    await sheet.getByRole('button', { name: '关闭' }).click();
    await panel.getByText(/已投 0 票 · 投票码 0\/3 已用/).waitFor();

    // A resident scans slip 1: the code is filled in from the fragment.
    const resident = await phone();
    await resident.goto(`${server.url}/vote?id=${voteId}#code=${codes[0]!.replace('-', '')}`);
    await resident.getByRole('heading', { name: '楼道灯怎么修？' }).waitFor();
    expect(await resident.getByLabel('投票码（见纸条，8 位）').inputValue()).toBe(codes[0]!.replace('-', ''));
    await resident.getByRole('radio', { name: '换成常亮节能灯' }).check();
    await resident.getByRole('button', { name: '投票' }).click();
    await resident.getByText('投票成功，谢谢！结果在投票结束后公布。').waitFor();

    // The same slip on another phone, typed by hand: refused.
    const neighbour = await phone();
    await neighbour.goto(`${server.url}/vote?id=${voteId}`);
    await neighbour.getByLabel('投票码（见纸条，8 位）').fill(codes[0]!.toLowerCase());
    await neighbour.getByRole('radio', { name: '换成声控灯' }).check();
    await neighbour.getByRole('button', { name: '投票' }).click();
    await neighbour.getByRole('alert').getByText('这个投票码已经用过了：每户只能投一次。').waitFor();
    // Slip 2 votes for the other option.
    await neighbour.getByLabel('投票码（见纸条，8 位）').fill(codes[1]!);
    await neighbour.getByRole('button', { name: '投票' }).click();
    await neighbour.getByText('投票成功，谢谢！结果在投票结束后公布。').waitFor();

    // The worker closes the vote early; the result goes into the request's file.
    await panel.getByRole('button', { name: '提前结束投票' }).click();
    await panel.getByText('投票已结束，结果已记入台账。').waitFor();
    await panel.getByText('换成常亮节能灯：1 票').waitFor();

    const follower = await phone();
    await follower.goto(`${server.url}/track?id=${requestId}`);
    const votes = follower.getByRole('region', { name: '居民投票' });
    await votes.getByRole('heading', { name: '楼道灯怎么修？' }).waitFor();
    expect(await votes.locator('.vote-counts li').allInnerTexts()).toEqual([
      expect.stringMatching(/换成声控灯\s*1 票/),
      expect.stringMatching(/换成常亮节能灯\s*1 票/),
    ]);
    const page = await follower.content();
    for (const code of codes) expect(page).not.toContain(code.replace('-', ''));
    expect(page).not.toContain('楼道灯坏了');

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  }, 300_000);
});
