import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../src/cli/bench/chromium';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Screenshots (git-ignored): look at them. */
export const SHOTS = resolve(ROOT, 'tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });

export { CHROME_PATH };

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROME_PATH}. Install it (Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk) or set CHROME_PATH to a Chrome/Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS], headless: true });
}

/** Records into `outside` every request the page makes to anything but the local test server. */
export function watchOutsideRequests(page: Page, base: string, outside: string[] = []): string[] {
  const origin = new URL(base).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!url.startsWith(origin)) outside.push(url);
  });
  return outside;
}

/** Waits until the map has drawn once and is idle. */
export async function waitForMap(page: Page): Promise<void> {
  // A shared link on a phone starts with the still map: open the interactive one, as a resident does with a tap.
  const either = page.locator('[data-testid="map"][data-map-ready="true"], [data-testid="lite-map"]').first();
  await either.waitFor({ timeout: 90_000 });
  if ((await either.getAttribute('data-testid')) === 'lite-map') {
    const open = page.getByRole('button', { name: /打开交互地图|Open the interactive map/ });
    // Gone when the map has been asked for already (the still map then says it is loading).
    if (await open.isVisible()) await open.click();
  }
  await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__serviceCircles?.controller.map;
        if (!map || map.loaded()) return resolve();
        map.once('idle', () => resolve());
      }),
  );
}

/** Resolves once the map has nothing left to load or draw (now, or at its next idle). */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__serviceCircles!.controller.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

export interface E2ESession {
  /** The URL of the built app served for this run. */
  readonly base: string;
  /** Requests any page of this session made outside the local server (must stay empty). */
  readonly outside: string[];
  /** Messages of alert/confirm/prompt dialogs any page opened (dismissed; must stay empty). */
  readonly dialogs: string[];
  /**
   * Console errors (a failed request among them: Chromium logs every 404) and uncaught page
   * errors of every page of this session, with where they came from. The file fails when any
   * is left at its end; a test that provokes one on purpose takes it out with `expectedError`.
   */
  readonly errors: string[];
  /** Removes (and returns) the recorded errors that match, for a test that provokes them. */
  expectedError(pattern: RegExp): string[];
  /** A new page that reports outside requests, dialogs and page errors; opens `path` (relative to the app) unless it is null. */
  page(path: string | null, options?: BrowserContextOptions): Promise<Page>;
}

/** One Chromium per test file, launched before its tests and closed after them. */
export function e2eSession(): E2ESession {
  const base = inject('baseUrl');
  let browser: Browser | undefined;
  const outside: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    expect(errors, 'console errors and page errors').toEqual([]);
  });
  return {
    base,
    outside,
    dialogs,
    errors,
    expectedError(pattern) {
      const matched = errors.filter((e) => pattern.test(e));
      const rest = errors.filter((e) => !pattern.test(e));
      errors.splice(0, errors.length, ...rest);
      return matched;
    },
    async page(path, options = { viewport: { width: 1280, height: 800 } }) {
      if (!browser) throw new Error('the browser is not running (e2eSession() must be called at the top of a test file)');
      const page = await browser.newPage(options);
      watchOutsideRequests(page, base, outside);
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => {
        console.error('page error:', error.message);
        errors.push(`page error: ${error.message}`);
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        errors.push(`${message.text()}${where ? ` (${where.replace(base, '')})` : ''}`);
      });
      if (path !== null) await page.goto(new URL(path, base).toString());
      return page;
    },
  };
}

/** How many features of a map layer are drawn on screen now (0 when the layer does not exist). */
export function renderedCount(page: Page, layer: string): Promise<number> {
  return page.evaluate((id) => {
    const map = window.__serviceCircles!.controller.map;
    return map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : 0;
  }, layer);
}
