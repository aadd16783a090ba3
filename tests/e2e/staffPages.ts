import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { watchOutsideRequests } from './browser';

/** The staff tests' shared password (every test account gets it). */
export const STAFF_PASSWORD = 'xinhua-2026';

/**
 * A desktop page on the test server that records requests leaving it (`outside`) and every
 * console error and page error (`errors`): each test file asserts both are empty at its end.
 */
export async function watchedPage(
  browser: Browser,
  base: string,
  outside: string[],
  errors: string[],
  options: BrowserContextOptions = { viewport: { width: 1400, height: 900 } },
): Promise<Page> {
  const page = await browser.newPage(options);
  watchOutsideRequests(page, base, outside);
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return page;
}

/** Fills the volunteers view's login form (already on the page) and waits for `shown`. */
export async function fillLogin(page: Page, username: string, shown: string | RegExp): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(shown).waitFor({ timeout: 30_000 });
}

/** Opens one request from the ledger by its number, as a worker would. */
export async function openLedgerRequest(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: '打开诉求台账' }).click();
  const ledger = page.getByRole('dialog', { name: '诉求台账（一问题一建档）' });
  await ledger.getByLabel('编号查找').fill(id);
  await ledger.getByRole('button', { name: id, exact: true }).click();
  await ledger.getByRole('button', { name: '关闭' }).click();
  await page.locator('section.request-detail').getByRole('heading', { name: id }).waitFor();
}
