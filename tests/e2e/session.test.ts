import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import { walkContext } from '../../src/domain/engine/context';
import { networkFingerprint } from '../../src/domain/engine/fingerprint';
import { encodePrebuilt, PREBUILT_FILE } from '../../src/domain/engine/prebuilt';
import { SESSION_CHECKS_NETWORK_FROM } from '../../src/workers/sessionClient';
import { e2eSession, ROOT } from './browser';

const session = e2eSession();

/** The walking session's counts: graphs built in its worker and on the page, and how each generation got its graph. */
const stats = (page: Page) => page.evaluate(() => window.__walkingSession!.stats());

describe('one walking session per dataset', () => {
  it('builds the graph of the sample once while the resident, planner, volunteers and hall views all walk on it', async () => {
    const page = await session.page('./?compound=c-084', { viewport: { width: 1280, height: 860 } });
    await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => window.__serviceCircles?.store.getState().walk !== null, undefined, { timeout: 30_000 });

    await page.getByRole('button', { name: '规划' }).click();
    await page.getByTestId('planner-summary').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => window.__serviceCircles?.store.getState().plannerStatus === 'ready', undefined, { timeout: 30_000 });

    await page.getByRole('button', { name: '志愿服务' }).click();
    await page.locator('[data-testid="coverage-figures"]:not(.stale)').waitFor({ timeout: 30_000 });

    await page.evaluate(() => window.__serviceCircles!.store.getState().setMode('hall'));
    await page.waitForFunction(
      () => {
        const s = window.__serviceCircles?.store.getState();
        return !!s && s.mode === 'hall' && s.hallStats !== null && s.hallCommunity !== null;
      },
      undefined,
      { timeout: 60_000 },
    );

    const counts = await stats(page);
    // One dataset generation, its graph built once in the session's worker and never on the page.
    expect(counts).toMatchObject({ generation: 1, graphBuilds: 1, pageGraphBuilds: 0, sources: { built: 1, reused: 0, prebuilt: 0, none: 0 } });
    await page.close();
  }, 240_000);

  /**
   * Serves the sample as if `npm run prepare-dataset` had run on it: its manifest lists the
   * prebuilt graph, and the graph is the one given (made here from the sample's network).
   */
  async function withPrebuilt(page: Page, graph: ArrayBuffer): Promise<void> {
    const manifest = JSON.parse(readFileSync(resolve(ROOT, 'data/yuefeng-sample/manifest.json'), 'utf8')) as { files: string[] };
    manifest.files.push(PREBUILT_FILE);
    await page.route('**/data/yuefeng-sample/manifest.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) }));
    await page.route(`**/data/yuefeng-sample/${PREBUILT_FILE}`, (route) =>
      route.fulfill({ contentType: 'application/octet-stream', body: Buffer.from(graph) }),
    );
  }

  it('loads the prebuilt graph the manifest lists instead of building one, and ignores a stale one with a notice', async () => {
    const dataset = (await loadDataset(fromDirectory(resolve(ROOT, 'data/yuefeng-sample')))).dataset!;
    const graph = walkContext(dataset.network)!.graph;
    const fresh = encodePrebuilt(graph, networkFingerprint(dataset.network));
    const stale = encodePrebuilt(graph, 'made-from-another-network');

    const page = await session.page(null, { viewport: { width: 1280, height: 860 } });
    await withPrebuilt(page, fresh);
    await page.goto(new URL('./?compound=c-084', session.base).toString());
    // The list shows the shipped report first; wait for the walk the session answered.
    await page.locator('[data-testid="walk-answer"][data-source="walk"]').waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => window.__walkingSession !== undefined, undefined, { timeout: 90_000 });
    expect(await stats(page)).toMatchObject({ graphBuilds: 0, pageGraphBuilds: 0, sources: { prebuilt: 1, built: 0 } });
    expect(await page.getByText('预构建步行路网').count()).toBe(0);
    await page.close();

    const old = await session.page(null, { viewport: { width: 1280, height: 860 } });
    await withPrebuilt(old, stale);
    await old.goto(new URL('./?compound=c-084', session.base).toString());
    // The list shows the shipped report first; wait for the walk the session answered.
    await old.locator('[data-testid="walk-answer"][data-source="walk"]').waitFor({ timeout: 90_000 });
    await old.waitForFunction(() => window.__walkingSession !== undefined, undefined, { timeout: 90_000 });
    expect(await stats(old)).toMatchObject({ graphBuilds: 1, sources: { prebuilt: 0, built: 1 } });
    await old.getByText(/预构建步行路网（network\.graph\.bin）与当前 network\.geojson 不一致，已忽略/).waitFor();
    await old.close();
  }, 240_000);

  it('checks a city-sized network.geojson in the session, not on the page: the same problems listed, the streets drawn, one graph', async () => {
    // The sample's network with two bad ways, written out indented: over the size the session checks (1 MB).
    const network = JSON.parse(readFileSync(resolve(ROOT, 'data/yuefeng-sample/network.geojson'), 'utf8')) as { features: unknown[] };
    network.features.push({ type: 'Feature', properties: { id: 'not-a-line' }, geometry: { type: 'Point', coordinates: [119.33, 26.09] } });
    network.features.push(network.features[0]);
    const body = JSON.stringify(network, null, 2);
    expect(body.length).toBeGreaterThan(SESSION_CHECKS_NETWORK_FROM);

    const page = await session.page(null, { viewport: { width: 1280, height: 860 } });
    await page.route('**/data/yuefeng-sample/network.geojson', (route) => route.fulfill({ contentType: 'application/geo+json', body }));
    await page.goto(new URL('./?compound=c-084', session.base).toString());
    await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="walk-answer"][data-source="walk"]').waitFor({ timeout: 90_000 });
    // The page holds the ways packed and has not rebuilt them: nothing on it has read them yet.
    expect(await stats(page)).toMatchObject({ networkChecks: 1, graphBuilds: 1, pageGraphBuilds: 0, pageNetworkUnpacks: 0, sources: { built: 1 } });

    const problems = await page.evaluate(() =>
      window
        .__serviceCircles!.store.getState()
        .problems.filter((p) => p.file === 'network.geojson')
        .map((p) => p.id),
    );
    expect(problems).toEqual(['not-a-line', (network.features[0] as { properties: { id: string } }).properties.id]);
    await page.getByRole('button', { name: /^数据问题 \d+$/ }).waitFor();
    // Every valid way reached the page and the streets' tiles.
    const ways = await page.evaluate(() => window.__serviceCircles!.store.getState().dataset!.network!.features.length);
    expect(ways).toBe(network.features.length - 2);
    expect(await stats(page)).toMatchObject({ pageNetworkUnpacks: 1 });
    await page.waitForFunction(() => window.__serviceCircles!.controller.streetWays() !== null, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__serviceCircles!.controller.streetWays())).toBe(ways);
    // The session sent them to the tile worker; the page copied none.
    expect(await page.evaluate(() => window.__serviceCircles!.controller.streetsCopiedHere())).toBe(0);
    await page.waitForFunction(() => window.__serviceCircles!.controller.map.querySourceFeatures('network', { sourceLayer: 'network' }).length > 0, undefined, {
      timeout: 30_000,
    });
    await page.close();
  }, 240_000);

  it('checks a city-sized network.geojson picked from disk in the session too: the file goes there unread', async () => {
    const network = JSON.parse(readFileSync(resolve(ROOT, 'data/yuefeng-sample/network.geojson'), 'utf8')) as { features: unknown[] };
    network.features.push({ type: 'Feature', properties: { id: 'not-a-line' }, geometry: { type: 'Point', coordinates: [119.33, 26.09] } });
    const body = `\ufeff${JSON.stringify(network, null, 2)}`;
    expect(body.length).toBeGreaterThan(SESSION_CHECKS_NETWORK_FROM);
    const file = (name: string) => ({ name, mimeType: 'application/json', buffer: readFileSync(resolve(ROOT, 'data/yuefeng-sample', name)) });

    const page = await session.page(null, { viewport: { width: 1280, height: 860 } });
    await page.goto(new URL('./?mode=planner', session.base).toString());
    await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
    const before = await stats(page);
    await page
      .getByTestId('open-data-input')
      .setInputFiles([
        file('manifest.json'),
        file('compounds.geojson'),
        file('facilities.geojson'),
        { name: 'network.geojson', mimeType: 'application/json', buffer: Buffer.from(body) },
      ]);
    await page.waitForFunction(
      () => window.__serviceCircles!.store.getState().sourceLabel.includes('network.geojson') && window.__serviceCircles!.store.getState().status === 'ready',
    );
    // Checked once more in the session (byte-order mark and all), not on the page; every valid way kept.
    await page.waitForFunction((checks) => window.__walkingSession!.stats().then((s) => s.networkChecks > checks), before.networkChecks, { timeout: 60_000 });
    const { problems, ways } = await page.evaluate(() => {
      const state = window.__serviceCircles!.store.getState();
      return { problems: state.problems.filter((p) => p.file === 'network.geojson').map((p) => p.id), ways: state.dataset!.network!.features.length };
    });
    expect(problems).toEqual(['not-a-line']);
    expect(ways).toBe(network.features.length - 1);
    expect(await stats(page)).toMatchObject({ pageGraphBuilds: 0 });
    await page.close();
  }, 240_000);
});
