import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, createContext } from '../../src/server/app';
import { hashPassword } from '../../src/server/auth/secrets';
import type { LedgerRequest } from '../../src/server/store/types';
import { SAMPLE_DIR, startTestServer, type TestServer } from '../server/helpers';
import { launchBrowser, ROOT, SHOTS } from './browser';
import { fillLogin, openLedgerRequest, watchedPage } from './staffPages';

/** The app as built by global-setup.ts, served by the real requests service. */
const DIST = resolve(ROOT, 'node_modules/.e2e-dist');
/** The ledger's clock: the last evening of the sample's busiest month, so the hall's month has counts of five and more. */
const NOW = new Date('2026-10-31T20:00:00+08:00');

let server: TestServer;
/** The server after its restart (same file, same port), closed at the end. */
let restarted: Awaited<ReturnType<typeof buildServer>> | null = null;
let browser: Browser;
const outside: string[] = [];
const errors: string[] = [];

const newPage = (): Promise<Page> => watchedPage(browser, server.url, outside, errors);

/** A colleague's change, as their browser makes it: over the staff API with their session. */
async function moveAs(username: string, id: string, stage: LedgerRequest['stage']): Promise<void> {
  const login = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'xinhua-2026' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${server.url}/api/requests/${id}/move`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ stage }),
  });
  expect(res.status, await res.text()).toBe(200);
}

beforeAll(async () => {
  server = await startTestServer({ distDir: DIST, now: () => NOW, liveHeartbeatMs: 5_000 });
  const passwordHash = await hashPassword('xinhua-2026');
  server.ctx.store.createUser({ username: 'li', passwordHash, role: 'community_worker', communityId: 'cm-xinhua', displayName: '李社工' });
  server.ctx.store.createUser({ username: 'wang', passwordHash, role: 'community_worker', communityId: 'cm-xinhua', displayName: '王社工' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await restarted?.close();
  await server?.close();
});

async function openWorkerLedger(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/?mode=volunteers`);
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor({ timeout: 120_000 });
  await fillLogin(page, 'li', '实时更新：同事的办理一两秒内显示');
  await openLedgerRequest(page, id);
}

/** The hall's bar of one stage (value shown above it), e.g. "收集民情提事" → "31". */
const stageValue = (hall: Page, index: number) => hall.locator('.hall-stage .hall-stage-value').nth(index).innerText();

describe('live updates: a change reaches the ledger and the hall without a reload, and both survive a restart', () => {
  it('a worker moves a request: the colleague’s ledger and the hall’s counts change within 2 s; after a restart both recover by themselves', async () => {
    const targets = server.ctx.store.listRequests({ communityIds: ['cm-xinhua'], stages: ['collect'], status: 'open' });
    const [first, second] = targets;
    const staff = await newPage();
    await openWorkerLedger(staff, first!.id);
    const detail = staff.locator('section.request-detail');
    await detail.getByRole('button', { name: '推进到：民主协商议事' }).waitFor();

    const hall = await newPage();
    // Only the requests screen, so its bars stay on screen.
    await hall.goto(`${server.url}/?mode=hall&playlist=requests:600`);
    await hall.getByTestId('hall-live').waitFor({ timeout: 120_000 });
    await hall.locator('.hall-stage').first().waitFor({ timeout: 60_000 });
    const collectBefore = await stageValue(hall, 0);
    const deliberateBefore = await stageValue(hall, 1);
    expect(Number(collectBefore)).toBeGreaterThanOrEqual(6);

    await moveAs('wang', first!.id, 'deliberate');
    // Within 2 s: the stream, not the 5 s polling fallback.
    await detail.getByRole('button', { name: '推进到：多元协同理事' }).waitFor({ timeout: 2_000 });
    await expect.poll(() => stageValue(hall, 0), { timeout: 2_000 }).toBe(String(Number(collectBefore) - 1));
    expect(await stageValue(hall, 1)).toBe(String(Number(deliberateBefore) + 1));
    await staff.screenshot({ path: resolve(SHOTS, 'live-staff.png') });
    await hall.screenshot({ path: resolve(SHOTS, 'live-hall.png') });

    // The server stops: both pages keep their figures and say since when.
    const port = Number(new URL(server.url).port);
    await server.app.close();
    await staff
      .getByTestId('staff-live-lost')
      .getByText(/与服务器的实时连接自 \d\d:\d\d:\d\d 中断/)
      .waitFor({ timeout: 15_000 });
    await hall
      .getByTestId('hall-live')
      .getByText(/实时数据自 \d\d:\d\d 中断/)
      .waitFor({ timeout: 15_000 });
    expect(await stageValue(hall, 0)).toBe(String(Number(collectBefore) - 1));
    await expect.poll(() => detail.getByRole('button', { name: '推进到：多元协同理事' }).count()).toBe(1);
    await hall.screenshot({ path: resolve(SHOTS, 'live-hall-lost.png') });

    // … and starts again on the same port with the same ledger file.
    const ctx = await createContext({
      dataDir: SAMPLE_DIR,
      distDir: DIST,
      dbFile: server.dbFile,
      schedulerIntervalMs: 0,
      now: () => NOW,
      liveHeartbeatMs: 5_000,
    });
    restarted = await buildServer(ctx);
    await restarted.listen({ port, host: '127.0.0.1' });
    await staff.getByText('实时更新：同事的办理一两秒内显示').waitFor({ timeout: 30_000 });
    expect(await staff.getByTestId('staff-live-lost').count()).toBe(0);
    await hall
      .getByTestId('hall-live')
      .getByText(/^实时数据 · /)
      .waitFor({ timeout: 30_000 });

    // Live again: the next change arrives the same way.
    await moveAs('wang', first!.id, 'coordinate');
    await detail.getByRole('button', { name: '推进到：闭环落实办事' }).waitFor({ timeout: 5_000 });
    await moveAs('wang', second!.id, 'deliberate');
    await expect.poll(() => stageValue(hall, 0), { timeout: 5_000 }).toBe(String(Number(collectBefore) - 2));
    await staff.close();
    await hall.close();
  }, 400_000);

  it('had no page error, no request outside the local server, and console errors only for the server being away', () => {
    // While the server is stopped, Chromium logs each refused reconnection (and the fallback's reads).
    const away = /ERR_CONNECTION_REFUSED|Failed to load resource|ERR_EMPTY_RESPONSE/;
    expect(errors.filter((e) => !away.test(e) && !/404 .*\/playlist\.json\)$/.test(e))).toEqual([]);
    expect(outside).toEqual([]);
  });
});
