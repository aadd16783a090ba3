import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, SHOTS } from './browser';

/**
 * Every slide of the playlist shows all its content at 1080p, 4K and on an upright screen:
 * no text box of the hall clips what it holds (scrollHeight > clientHeight, or wider than
 * its box), and no text leaves the screen. Long lists are fitted or paged (FitBox).
 */
const session = e2eSession();

const SIZES = [
  { name: '1920x1080', viewport: { width: 1920, height: 1080 } },
  { name: '3840x2160', viewport: { width: 3840, height: 2160 } },
  { name: '1080x1920', viewport: { width: 1080, height: 1920 } },
] as const;

/** Every box of the hall (outside the map's own controls) that clips and has more than it shows, and text off the screen. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('.hall');
    if (!root) return ['no .hall'];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const found: string[] = [];
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (el.closest('.maplibregl-map') && !el.closest('.attribution')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis';
      if (clips && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) {
        found.push(`${name(el)} holds ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
      }
      if (el.children.length === 0 && (el.textContent ?? '').trim() !== '') {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && (box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1 || box.top < -1 || box.left < -1))
          found.push(`${name(el)} is off the screen`);
      }
    }
    return found;
  });
}

async function ready(page: Page): Promise<number> {
  await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
  await page.waitForFunction(
    () => {
      const s = window.__serviceCircles?.store.getState();
      return !!s && s.hallStats !== null && s.hallCommunity !== null && s.hallSlides.length > 0;
    },
    undefined,
    { timeout: 90_000 },
  );
  return page.evaluate(() => window.__serviceCircles!.store.getState().hallSlides.length);
}

/** Shows slide `index` and waits until its figures are drawn and fitted. */
async function showSlide(page: Page, index: number): Promise<string> {
  const key = await page.evaluate((i) => {
    const store = window.__serviceCircles!.store;
    store.getState().hallInteract(Date.now()); // paused: the slide stays while it is measured
    while (store.getState().hallClock.index !== i) store.getState().hallStep(1, Date.now());
    return store.getState().hallSlides[i]!.key;
  }, index);
  await page.waitForFunction(() => !document.querySelector('.hall-figures [role="status"]'), undefined, { timeout: 30_000 });
  // FitBox measures after each render: wait until two frames in a row leave it as it is.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let last = '';
        const check = () => {
          const box = document.querySelector('.hall-figures');
          const now = `${box?.getAttribute('data-fit-zoom')}|${box?.getAttribute('data-fit-pages')}|${box?.scrollHeight}`;
          if (now === last) return done();
          last = now;
          setTimeout(() => requestAnimationFrame(check), 100);
        };
        check();
      }),
  );
  return key;
}

describe('every hall slide shows all its content', () => {
  for (const size of SIZES) {
    it(`at ${size.name}`, { timeout: 240_000 }, async () => {
      const page = await session.page('./?mode=hall', { viewport: size.viewport });
      const count = await ready(page);
      const problems: string[] = [];
      for (let i = 0; i < count; i++) {
        const key = await showSlide(page, i);
        for (const p of await overflowing(page)) problems.push(`${key}: ${p}`);
        const fit = await page.locator('.hall-figures').evaluate((el) => `${el.getAttribute('data-fit-pages')}|${el.getAttribute('data-fit-zoom')}`);
        if (i === 0 || fit !== '1|1') {
          console.log(`hall ${size.name} ${key}: pages|zoom = ${fit}`);
          await page.screenshot({ path: resolve(SHOTS, `hall-fit-${size.name}-${key.replace(/[^\w-]/g, '_')}.png`) });
        }
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("pages a list that does not fit, the pages sharing the slide's time (1920x1080, overview)", { timeout: 240_000 }, async () => {
    const page = await session.page('./?mode=hall&playlist=overview:30', { viewport: { width: 1920, height: 1080 } });
    await ready(page);
    await showSlide(page, 0);
    // Paused at the slide's start (on a busy machine more than half of its 30 s may have gone by).
    await page.evaluate(() => {
      const store = window.__serviceCircles!.store;
      const now = Date.now();
      store.setState({ hallClock: { ...store.getState().hallClock, startedAtMs: now, pausedAtMs: now, resumeAtMs: now + 600_000 } });
    });
    const pages = Number(await page.locator('.hall-figures').getAttribute('data-fit-pages'));
    expect(pages, 'the 11 rows of the overview do not fit at 1080p').toBeGreaterThan(1);
    const rows = () => page.locator('.hall-bars .hall-bar-label').allTextContents();
    await expect.poll(() => page.locator('.hall-page').textContent()).toBe(`第 1 / ${pages} 页`);
    const first = await rows();
    // Paused at 80 % of the slide's time: the last page.
    await page.evaluate(() => {
      const store = window.__serviceCircles!.store;
      const now = Date.now();
      store.setState({ hallClock: { ...store.getState().hallClock, startedAtMs: now - 24_000, pausedAtMs: now, resumeAtMs: now + 600_000 } });
    });
    await expect.poll(() => page.locator('.hall-page').textContent()).toBe(`第 ${pages} / ${pages} 页`);
    const last = await rows();
    expect(last.some((r) => first.includes(r))).toBe(false);
    expect(first.length + last.length).toBeLessThanOrEqual(11);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'hall-fit-1920x1080-overview-last-page.png') });
    await page.close();
  });

  it('in English at 1920x1080', { timeout: 240_000 }, async () => {
    const page = await session.page('./?mode=hall&lang=en', { viewport: { width: 1920, height: 1080 } });
    const count = await ready(page);
    const problems: string[] = [];
    for (let i = 0; i < count; i++) {
      const key = await showSlide(page, i);
      for (const p of await overflowing(page)) problems.push(`${key}: ${p}`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
