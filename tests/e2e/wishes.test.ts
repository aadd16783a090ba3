import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/secrets';
import { startTestServer, type TestServer } from '../server/helpers';
import { launchBrowser, ROOT, SHOTS } from './browser';
import { fillLogin, watchedPage } from './staffPages';

const DIST = resolve(ROOT, 'node_modules/.e2e-dist');
/** A Saturday evening: volunteer v-017 (daily 17:00–20:00, walks to 前横小区) is available. */
const NOW = new Date('2026-10-31T18:00:00+08:00');

let server: TestServer;
let browser: Browser;
const outside: string[] = [];
const errors: string[] = [];

const newPage = (): Promise<Page> => watchedPage(browser, server.url, outside, errors);

async function logIn(page: Page, username: string, shown: string): Promise<void> {
  await page.goto(`${server.url}/?mode=volunteers`);
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor({ timeout: 120_000 });
  await fillLogin(page, username, shown);
  await page.getByRole('heading', { name: '微心愿', level: 3 }).waitFor();
}

beforeAll(async () => {
  server = await startTestServer({ distDir: DIST, now: () => NOW });
  const passwordHash = await hashPassword('xinhua-2026');
  server.ctx.store.createUser({ username: 'li', passwordHash, role: 'community_worker', communityId: 'cm-xinhua', displayName: '李社工' });
  server.ctx.store.createUser({ username: 'xiaochen', passwordHash, role: 'volunteer', volunteerId: 'v-017', displayName: '小陈' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('微心愿 in the volunteers view', () => {
  it('a worker posts a wish; it appears for a volunteer who can walk there without a reload; the volunteer claims it and marks it done', async () => {
    const worker = await newPage();
    await logIn(worker, 'li', '已登录：李社工');
    const volunteer = await newPage();
    await logIn(volunteer, 'xiaochen', '已登录：小陈');
    await volunteer.getByText('暂无可认领的微心愿。').waitFor();
    await volunteer.getByText('实时更新：同事的办理一两秒内显示').waitFor();

    const form = worker.locator('form.wish-form');
    await form.getByLabel('小区').selectOption({ label: '前横小区' });
    await form.getByLabel('心愿内容').fill('陪独居老人聊聊天');
    await form.getByLabel('所需技能').selectOption({ label: '陪伴聊天' });
    await form.getByRole('button', { name: '发布微心愿' }).click();
    await worker.getByText(/已发布微心愿 W-\d{6}。/).waitFor();
    await worker.getByRole('list', { name: '微心愿' }).getByText('陪独居老人聊聊天').waitFor();

    // Live: no reload on the volunteer's page.
    const list = volunteer.getByRole('list', { name: '微心愿' });
    const item = list.getByRole('listitem').filter({ hasText: '陪独居老人聊聊天' });
    await item.waitFor({ timeout: 5_000 });
    expect(await item.innerText()).toMatch(/前横小区 · 陪伴聊天 · 步行约 [\d,]+ 米/);
    await item.getByRole('button', { name: '认领' }).click();
    await volunteer.getByText('已认领「陪独居老人聊聊天」，谢谢你！').waitFor();
    await item.getByText(/我已认领，.* 前完成/).waitFor();
    // The worker's list follows.
    await worker
      .getByRole('list', { name: '微心愿' })
      .getByText(/已认领/)
      .waitFor({ timeout: 5_000 });
    await volunteer.screenshot({ path: resolve(SHOTS, 'wishes-volunteer.png') });

    await item.getByRole('button', { name: '已完成' }).click();
    await volunteer.getByText('已完成，谢谢你的帮助！').waitFor();
    await worker
      .getByRole('list', { name: '微心愿' })
      .getByText(/已完成/)
      .waitFor({ timeout: 5_000 });
    expect(server.ctx.store.wishes.list({ states: ['done'] })).toHaveLength(1);
    await worker.close();
    await volunteer.close();
  }, 300_000);

  it('a resident makes a wish on the QR page (phone); the worker sees it live and, asking, its phone; the volunteer sees the wish, never the phone', async () => {
    const worker = await newPage();
    await logIn(worker, 'li', '已登录：李社工');
    await worker.getByText('实时更新：同事的办理一两秒内显示').waitFor();
    const volunteer = await newPage();
    await logIn(volunteer, 'xiaochen', '已登录：小陈');

    const phone = await watchedPage(browser, server.url, outside, errors, { viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}/report?compound=c-001`);
    await phone.getByRole('button', { name: '许个微心愿' }).click();
    await phone.getByLabel('1. 你的微心愿').fill('想请人帮忙换一下厨房的灯泡');
    await phone.getByLabel('2. 联系电话（可不填）').fill('139 1234 5678');
    await phone.getByRole('button', { name: '提交心愿' }).click();
    await phone.getByRole('heading', { name: '心愿已收到，谢谢！' }).waitFor();
    await phone.screenshot({ path: resolve(SHOTS, 'wishes-intake-phone.png') });

    const mine = worker.getByRole('list', { name: '微心愿' }).getByRole('listitem').filter({ hasText: '想请人帮忙换一下厨房的灯泡' });
    await mine.waitFor({ timeout: 5_000 });
    await mine.getByText('居民扫码提交').waitFor();
    await mine.getByRole('button', { name: '查看联系电话' }).click();
    await mine.getByRole('link', { name: '13912345678' }).waitFor();

    const theirs = volunteer.getByRole('list', { name: '微心愿' }).getByRole('listitem').filter({ hasText: '想请人帮忙换一下厨房的灯泡' });
    await theirs.waitFor({ timeout: 5_000 });
    expect(await volunteer.content()).not.toContain('13912345678');
    expect(await theirs.getByRole('button', { name: '查看联系电话' }).count()).toBe(0);
    await Promise.all([worker.close(), volunteer.close(), phone.close()]);
  }, 300_000);

  it('had no console error, no page error and no request outside the local server', () => {
    expect(errors.filter((e) => !/404 .*\/playlist\.json\)$/.test(e))).toEqual([]);
    expect(outside).toEqual([]);
  });
});
