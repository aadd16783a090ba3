import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession } from './browser';

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
});
