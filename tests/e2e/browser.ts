import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Flags for the system Chromium: headless as root in a container, WebGL through
 * SwiftShader (no GPU here), and none of Chromium's own background traffic, so the
 * "no request leaves localhost" check sees only the app's requests.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROME_PATH}. Install it (Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk) or set CHROME_PATH to a Chrome/Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath: CHROME_PATH, args: ARGS, headless: true });
}

/** Requests the page made to anything other than the local test server. */
export function watchOutsideRequests(page: Page, base: string): string[] {
  const origin = new URL(base).origin;
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!url.startsWith(origin)) outside.push(url);
  });
  return outside;
}

/** Waits until the map has drawn once and is idle. */
export async function waitForMap(page: Page): Promise<void> {
  await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
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
