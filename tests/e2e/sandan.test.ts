import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/secrets';
import { startTestServer, type TestServer } from '../server/helpers';
import { launchBrowser, ROOT, SHOTS } from './browser';
import { fillLogin, STAFF_PASSWORD, watchedPage } from './staffPages';

const DIST = resolve(ROOT, 'node_modules/.e2e-dist');
const NOW = new Date('2026-12-04T10:00:00+08:00');

let server: TestServer;
let browser: Browser;
const outside: string[] = [];
const errors: string[] = [];

async function logIn(username: string, shown: string): Promise<Page> {
  const page = await watchedPage(browser, server.url, outside, errors);
  await page.goto(`${server.url}/?mode=volunteers`);
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor({ timeout: 120_000 });
  await fillLogin(page, username, shown);
  await page.getByRole('heading', { name: '三单制', level: 3 }).waitFor();
  return page;
}

beforeAll(async () => {
  server = await startTestServer({ distDir: DIST, now: () => NOW });
  const passwordHash = await hashPassword(STAFF_PASSWORD);
  server.ctx.store.createUser({ username: 'li', passwordHash, role: 'community_worker', communityId: 'cm-xinhua', displayName: '李社工' });
  server.ctx.store.createUser({ username: 'wang', passwordHash, role: 'community_worker', communityId: 'cm-xinhua', displayName: '王社工' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('三单制 in the volunteers view', () => {
  it("a worker adds a partner unit and starts a project from a need; a colleague's lists follow without a reload", async () => {
    const li = await logIn('li', '已登录：李社工');
    const wang = await logIn('wang', '已登录：王社工');
    // Changes reach a colleague through the live stream: wait until it is open.
    await wang.getByText('实时更新：同事的办理一两秒内显示').waitFor({ timeout: 30_000 });
    const needs = li.getByRole('list', { name: '需求单' });
    await needs.getByRole('listitem').first().waitFor();

    const unitForm = li.getByRole('form', { name: '登记共建单位资源' });
    await unitForm.getByLabel('名称').fill('县医院 义诊');
    await unitForm.getByLabel('类别').selectOption({ label: '医疗服务' });
    await unitForm.getByLabel('提供内容').fill('每月第一个周六上午免费体检');
    await unitForm.getByLabel('所在小区').selectOption({ label: '前横小区' });
    await unitForm.getByRole('button', { name: '保存' }).click();
    await li.getByRole('status').getByText('已保存 县医院 义诊。').waitFor();
    await wang.getByRole('list', { name: '共建单位资源' }).getByText('县医院 义诊').waitFor({ timeout: 10_000 });

    await needs
      .getByRole('button', { name: /^立项: / })
      .first()
      .click();
    const projectForm = li.getByRole('form', { name: /立项$/ });
    await projectForm.getByLabel('项目名称').fill('上门义诊');
    await projectForm.getByLabel('完成日期').fill('2026-12-20');
    await projectForm.getByLabel('调配资源').selectOption({ label: '县医院 义诊' });
    await projectForm.getByRole('button', { name: '创建项目' }).click();
    await li
      .getByRole('status')
      .getByText(/已创建项目 P-\d{6}。/)
      .waitFor();
    const onWang = wang.getByRole('list', { name: '项目单' }).getByRole('listitem').filter({ hasText: '上门义诊' });
    await onWang.waitFor({ timeout: 10_000 });
    expect(await onWang.innerText()).toContain('资源：县医院 义诊');
    await wang.getByRole('checkbox', { name: '在地图上显示资源单' }).check();
    await wang.screenshot({ path: resolve(SHOTS, 'sandan-worker.png') });
    expect(server.ctx.store.sandan.listProjects()).toHaveLength(1);
    await li.close();
    await wang.close();
  }, 300_000);

  it('had no console error, no page error and no request outside the local server', () => {
    expect(errors.filter((e) => !/404 .*\/playlist\.json\)$/.test(e))).toEqual([]);
    expect(outside).toEqual([]);
  });
});
