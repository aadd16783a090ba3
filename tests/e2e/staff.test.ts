import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/secrets';
import { SqliteLedgerStore } from '../../src/server/store/sqlite';
import { startTestServer, type TestServer } from '../server/helpers';
import { launchBrowser, ROOT, SHOTS } from './browser';
import { fillLogin, openLedgerRequest, watchedPage } from './staffPages';

/** The app as built by global-setup.ts, served by the real requests service. */
const DIST = resolve(ROOT, 'node_modules/.e2e-dist');
const PHONE = /(?<![\d.])1[3-9]\d{9}(?!\d)/;
const REQUEST_TEXTS = (
  JSON.parse(readFileSync(resolve(ROOT, 'data/yuefeng-sample/requests.geojson'), 'utf8')) as { features: { properties: { description?: string } }[] }
).features
  .map((f) => f.properties.description)
  .filter((d): d is string => !!d);

let server: TestServer;
let browser: Browser;
const outside: string[] = [];
/** Console errors and page errors of every page: the test fails on any. */
const errors: string[] = [];

const newPage = (base: string): Promise<Page> => watchedPage(browser, base, outside, errors);

beforeAll(async () => {
  server = await startTestServer({ distDir: DIST });
  server.ctx.store.createUser({
    username: 'li',
    passwordHash: await hashPassword('xinhua-2026'),
    role: 'community_worker',
    communityId: 'cm-xinhua',
    displayName: '李社工',
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a view and waits for its side panel (the map is not needed here, and is slow on a busy machine). */
async function open(page: Page, url: string, heading = '志愿服务与居民诉求'): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor({ timeout: 120_000 });
}

const logIn = (page: Page): Promise<void> => fillLogin(page, 'li', '已登录：李社工（社区工作者 · 新华社区）');

const openRequest = openLedgerRequest;

describe('staff on the requests service (?mode=volunteers)', () => {
  it('a worker logs in, carries one request through all six steps, and opens its history', async () => {
    const page = await newPage(server.url);
    await open(page, `${server.url}/?mode=volunteers`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    // Logged out: the server's requests are not on the page.
    expect(await page.getByRole('button', { name: '打开诉求台账' }).count()).toBe(0);
    await page.screenshot({ path: resolve(SHOTS, 'staff-login.png') });

    await logIn(page);
    const mine = server.ctx.store.listRequests({ communityIds: ['cm-xinhua'] });
    await expect.poll(() => page.getByRole('heading', { name: `居民诉求（${mine.length} 件）` }).count()).toBe(1);
    const target = mine.find((r) => r.stage === 'collect' && r.status === 'open')!;
    await openRequest(page, target.id);
    const detail = page.locator('section.request-detail');

    const steps = ['民主协商议事', '多元协同理事', '闭环落实办事', '公开透明晒事', '居民满意评事'];
    const stages = ['deliberate', 'coordinate', 'execute', 'publish', 'rate'];
    for (const [i, step] of steps.entries()) {
      if (i === 0) await detail.getByLabel('备注（可选；退回时必填）').fill('居民议事会周三讨论');
      await detail.getByRole('button', { name: `推进到：${step}` }).click();
      await detail.getByText(`已推进到「${step}」。`).waitFor();
      expect(server.ctx.store.getRequest(target.id)!.stage).toBe(stages[i]);
    }
    await page.screenshot({ path: resolve(SHOTS, 'staff-moved.png') });
    await detail.getByRole('button', { name: '办结销号' }).click();
    await detail.getByText('已办结销号。').waitFor();
    expect(server.ctx.store.getRequest(target.id)).toMatchObject({ stage: 'rate', status: 'closed' });
    await detail.getByText('此件已办结销号（一办结一销号）。').waitFor();

    await detail.getByRole('button', { name: '办理记录' }).click();
    const history = detail.getByRole('list', { name: '办理记录（7 条）' });
    await history.waitFor();
    const entries = await history.getByRole('listitem').allInnerTexts();
    expect(entries[0]).toContain('建档：收集民情提事');
    expect(entries[1]).toMatch(/li[\s\S]*收集民情提事 → 民主协商议事[\s\S]*居民议事会周三讨论/);
    expect(entries[6]).toContain('居民满意评事 → 办结销号');
    await detail.getByText('吹哨记录（0）').waitFor();
    await detail.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(SHOTS, 'staff-history.png') });
    await page.close();
  }, 300_000);

  it("shows a colleague's change within seconds, and nothing from the server after logout", async () => {
    const page = await newPage(server.url);
    await open(page, `${server.url}/?mode=volunteers`);
    // The session cookie is per browser context: a new page is a new login.
    await logIn(page);
    const other = server.ctx.store.listRequests({ communityIds: ['cm-xinhua'], stages: ['collect'] }).find((r) => r.status === 'open')!;
    await openRequest(page, other.id);
    const detail = page.locator('section.request-detail');
    await detail.getByRole('button', { name: '推进到：民主协商议事' }).waitFor();
    // Through another connection to the ledger file (as the ledger CLI writes): the server notices and the page reads again.
    const elsewhere = new SqliteLedgerStore(server.dbFile);
    elsewhere.moveRequest(other.id, { stage: 'deliberate', actor: 'wang', note: '同事在另一台电脑上推进' });
    elsewhere.close();
    await detail.getByRole('button', { name: '推进到：多元协同理事' }).waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(await page.locator('section.request-detail').count()).toBe(0);
    const text = await page.locator('body').innerText();
    for (const secret of REQUEST_TEXTS.slice(0, 40)) expect(text).not.toContain(secret);
    await page.close();
  }, 240_000);

  it('the resident view and the hall on the server show no personal data, even for a logged-in worker', async () => {
    const page = await newPage(server.url);
    await open(page, `${server.url}/?mode=volunteers`);
    await logIn(page);
    await page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: '居民' }).click();
    await expect.poll(() => page.url()).not.toContain('mode=volunteers');
    const resident = await page.locator('body').innerText();
    expect(resident).not.toMatch(PHONE);
    for (const secret of REQUEST_TEXTS) expect(resident).not.toContain(secret);
    await page.goto(`${server.url}/?mode=hall`);
    await page.waitForFunction(() => (window.__serviceCircles?.store.getState().hallSlides.length ?? 0) > 0, undefined, { timeout: 120_000 });
    const hall = await page.locator('body').innerText();
    expect(hall).not.toMatch(PHONE);
    for (const secret of REQUEST_TEXTS) expect(hall).not.toContain(secret);
    await page.close();
  }, 300_000);

  it('a static build says it is read-only from requests.geojson', async () => {
    const base = inject('baseUrl');
    const page = await newPage(base);
    await open(page, new URL('./?mode=volunteers', base).toString());
    await page.getByRole('note', { name: '只读：来自 requests.geojson' }).waitFor();
    expect(await page.getByRole('heading', { name: '工作人员登录' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: '居民诉求（125 件）' }).count()).toBe(1);
    await page.screenshot({ path: resolve(SHOTS, 'staff-static.png') });
    await page.close();
  }, 180_000);

  it('had no console error, no page error and no request outside the local servers', () => {
    // The hall asks for an optional playlist.json beside the dataset (its own feature, not this one's).
    expect(errors.filter((e) => !/404 .*\/playlist\.json\)$/.test(e))).toEqual([]);
    expect(outside.filter((u) => !u.startsWith(new URL(inject('baseUrl')).origin))).toEqual([]);
  });
});
