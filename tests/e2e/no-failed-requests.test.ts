import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, waitForMap } from './browser';

/**
 * Opening the app must not ask for anything the server does not have: each failed request
 * is a console error in the browser, and an unattended hall screen would log one at every
 * start and refresh. The sample's manifest lists its files, so nothing is probed.
 */
const session = e2eSession();

/** Every response of the page with an error status, as "<status> <path>". */
function failedResponses(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url().replace(session.base, '')}`);
  });
  page.on('requestfailed', (request) => failed.push(`failed ${request.url().replace(session.base, '')}`));
  return failed;
}

describe('no failed request on load', () => {
  it('the resident view asks only for files the dataset has', async () => {
    const page = await session.page(null);
    const failed = failedResponses(page);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(new URL('./', session.base).toString());
    await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
    await waitForMap(page);
    await page.waitForTimeout(1_000);
    expect(failed).toEqual([]);
    expect(session.errors).toEqual([]);
    expect(
      asked
        .filter((p) => p.includes('/data/'))
        .map((p) => p.split('/').pop())
        .sort(),
    ).toEqual([
      'buildings.geojson',
      'compounds.geojson',
      'context.geojson',
      'facilities.geojson',
      'gates.geojson',
      'grids.geojson',
      'manifest.json',
      'network.geojson',
      'requests.geojson',
      'volunteers.geojson',
    ]);
    await page.close();
  });

  it('the hall screen, on start and on a re-read, never asks for playlist.json', { timeout: 120_000 }, async () => {
    const page = await session.page(null, { viewport: { width: 1920, height: 1080 } });
    const failed = failedResponses(page);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    // hallSpeed 60: the 10-minute re-read comes after 10 s.
    await page.goto(new URL('./?mode=hall&hallSpeed=60', session.base).toString());
    // (At 60× the views change faster than the map settles: wait for the data, not the map.)
    await page.waitForFunction(
      () => {
        const s = window.__serviceCircles?.store.getState();
        return !!s && s.hallStats !== null && s.hallSlides.length > 0;
      },
      undefined,
      { timeout: 90_000 },
    );
    const readsAtStart = asked.filter((p) => p.endsWith('/compounds.geojson')).length;
    await expect.poll(() => asked.filter((p) => p.endsWith('/compounds.geojson')).length, { timeout: 40_000, interval: 1_000 }).toBeGreaterThan(readsAtStart);
    await page.waitForTimeout(1_000);
    expect(failed).toEqual([]);
    expect(asked.filter((p) => p.endsWith('playlist.json'))).toEqual([]);
    expect(session.errors).toEqual([]);
    await page.close();
  });
});
