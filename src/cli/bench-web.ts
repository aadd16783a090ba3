import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { buildServer, createContext } from '../server/app';
import { failUsage, parseCli } from './args';
import { CHROME_PATH, launchChromium, median } from './bench/chromium';

const spec = {
  usage: 'npm run bench:web -- [--runs <n>] [--dist <dir>] [--data <dir>] [--compound <id>] [--no-throttle]',
  summary:
    'A shared compound link opened on a phone: Chromium through DevTools throttling (Slow 4G 1.6 Mbps down,\n' +
    '750 kbps up, 150 ms round trip; 4× CPU slowdown; 390×844; cold cache) against the built app served by\n' +
    'our own server on 127.0.0.1. Prints medians of cold runs: first walking answer, walkshed drawn, bytes.\n' +
    'Targets (../shared/DESIGN.md): first answer ≤ 2.5 s, walkshed ≤ 5 s, resident JavaScript ≤ 300 kB compressed.',
  options: {
    runs: { type: 'string', default: '3' },
    dist: { type: 'string', default: 'dist' },
    data: { type: 'string', default: 'data/yuefeng-sample' },
    compound: { type: 'string' },
    'no-throttle': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
  help: {
    runs: 'cold runs (default 3)',
    dist: 'built app directory (default dist; `npm run bench:web` builds it first)',
    data: 'dataset directory (default data/yuefeng-sample)',
    compound: 'compound to open (default: the first one of the dataset)',
    'no-throttle': 'no network or CPU throttling (to see what the throttling costs)',
    verbose: 'list every request of each run: bytes as transferred, when the server finished it and when the page had it',
  },
} as const;

/** Slow 4G as DevTools defines it, in bytes per second. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const VIEWPORT = { width: 390, height: 844 };
/** One run never takes longer than this; a run that does counts as failed. */
const RUN_TIMEOUT_MS = 90_000;
/** After the walkshed, requests still in flight this long are counted; then the run ends. */
const SETTLE_MS = 1_500;
/** What the app marks (performance.mark) when it shows the answers (src/map, src/features/resident). */
const ANSWER_MARK = 'first-walk-answer';
const WALKSHED_MARK = 'walkshed-drawn';
/** The map's chunks (vite names them after their entry modules). */
const MAP_CHUNKS = /\/(MapView|maplibre-gl-worker)-[^/]*\.js$/;

interface Run {
  /** Every request: URL path, bytes as transferred, ms from navigation start to its end. */
  log: { path: string; bytes: number; endMs: number }[];
  answerMs: number;
  walkshedMs: number;
  bytes: number;
  jsBytes: number;
  /** JavaScript of the map: MapLibre's chunk (with our few map modules) and its worker. */
  mapJsBytes: number;
  requests: number;
  /** The page's own view: when each of its requests' last byte arrived (ms from navigation), by path. */
  arrived: Record<string, number>;
}

/**
 * Records, from navigation start, when the walking list is first in the page and when the
 * walkshed is drawn: the app's own performance marks, or for a build without them (a
 * measurement of an older version) the list in the DOM and the first walk in the store.
 * A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
 */
const WATCH_ANSWERS = `(() => {
  const seen = {};
  window.__bench = seen;
  const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
  const check = () => {
    seen.answer ??= mark('${ANSWER_MARK}') ?? (document.querySelector('.nearest-list strong') ? performance.now() : undefined);
    seen.walkshed ??= mark('${WALKSHED_MARK}') ?? (window.__serviceCircles?.store.getState().walk ? performance.now() : undefined);
    if (seen.answer === undefined || seen.walkshed === undefined) setTimeout(check, 20);
  };
  check();
})();`;

async function throttle(cdp: CDPSession, on: boolean) {
  await cdp.send('Network.enable');
  // Cold: an empty cache at the start of each run (and a fresh browser context). Within the run the
  // cache works as on a phone, so a file fetched twice (a prefetched worker script) moves once.
  await cdp.send('Network.clearBrowserCache');
  if (!on) return;
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/** Bytes the server sent, by path (body as transferred, compressed when it was), for the run in progress. */
let served: { path: string; bytes: number; type: string; at: number }[] = [];

async function oneRun(browser: Browser, url: string, throttled: boolean): Promise<Run> {
  served = [];
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp, throttled);
    let navigated = Date.now();
    await page.addInitScript(WATCH_ANSWERS);
    navigated = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
    const times = (await page
      .waitForFunction(
        () => {
          const b = (window as unknown as { __bench?: { answer?: number; walkshed?: number } }).__bench;
          return b && b.answer !== undefined && b.walkshed !== undefined ? { answer: b.answer, walkshed: b.walkshed } : null;
        },
        undefined,
        { timeout: RUN_TIMEOUT_MS, polling: 100 },
      )
      .then((h) => h.jsonValue())) as { answer: number; walkshed: number };
    await page.waitForTimeout(SETTLE_MS);
    // Counted where they leave the server: a CDP session on the page does not see the
    // workers' own requests (their scripts).
    const log = served.map((r) => ({ path: r.path, bytes: r.bytes, endMs: r.at - navigated }));
    const bytes = log.reduce((sum, r) => sum + r.bytes, 0);
    const js = served.filter((r) => /javascript/.test(r.type));
    const sum = (list: typeof served) => list.reduce((total, r) => total + r.bytes, 0);
    const jsBytes = sum(js);
    const mapJsBytes = sum(js.filter((r) => MAP_CHUNKS.test(r.path)));
    log.sort((a, b) => a.endMs - b.endMs);
    const arrived = await page.evaluate(() =>
      Object.fromEntries((performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [new URL(e.name).pathname, e.responseEnd])),
    );
    return { log, arrived, answerMs: times.answer, walkshedMs: times.walkshed, bytes, jsBytes, mapJsBytes, requests: log.length };
  } finally {
    await context.close();
  }
}

async function main() {
  const { values } = parseCli(spec);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) failUsage(`--runs must be a whole number from 1 to 20, not ${JSON.stringify(values.runs)}`, spec);
  const dist = resolve(values.dist);
  const dataDir = resolve(values.data);
  if (!existsSync(join(dist, 'index.html'))) failUsage(`no built app in ${dist}: run \`npm run bench:web\` (it builds first) or \`npx vite build\``, spec);
  if (!existsSync(CHROME_PATH)) failUsage(`Chromium not found at ${CHROME_PATH} (set CHROME_PATH)`, spec);
  const compounds = JSON.parse(readFileSync(join(dataDir, 'compounds.geojson'), 'utf8')) as { features: { properties: { id: string } }[] };
  const compound = values.compound ?? compounds.features[0]?.properties.id;
  if (!compound) failUsage(`${dataDir}/compounds.geojson has no compound`, spec);

  const dir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const ctx = await createContext({ dataDir, dbFile: join(dir, 'ledger.sqlite'), distDir: dist, schedulerIntervalMs: 0, warmDataFiles: true });
  const app = await buildServer(ctx);
  app.addHook('onResponse', async (request, reply) => {
    served.push({
      path: request.url.split('?')[0] ?? '',
      bytes: Number(reply.getHeader('content-length') ?? 0),
      type: String(reply.getHeader('content-type') ?? ''),
      at: Date.now(),
    });
  });
  let browser: Browser | undefined;
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    // As a server that has run a while: the dataset's compressed copies are made (not counted as served).
    await ctx.dataWarmed;
    served = [];
    const url = `${base}/?compound=${encodeURIComponent(compound)}`;
    browser = await launchChromium();
    const throttled = !values['no-throttle'];
    console.log(
      `${url}\n${throttled ? 'Slow 4G (1.6 Mbps down, 750 kbps up, 150 ms RTT), 4× CPU slowdown' : 'no throttling'}, ${VIEWPORT.width}×${VIEWPORT.height}, cold cache, ${runs} runs`,
    );
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await oneRun(browser, url, throttled);
      results.push(run);
      if (values.verbose)
        for (const r of run.log) {
          const arrived = run.arrived[r.path];
          const inPage = arrived === undefined ? '' : `, in the page at ${(arrived / 1000).toFixed(2)} s`;
          console.log(`    ${(r.endMs / 1000).toFixed(2).padStart(6)} s ${(r.bytes / 1024).toFixed(1).padStart(7)} kB  ${r.path}${inPage}`);
        }
      console.log(
        `  run ${i + 1}: answer ${(run.answerMs / 1000).toFixed(2)} s, walkshed ${(run.walkshedMs / 1000).toFixed(2)} s, ${(run.bytes / 1024).toFixed(0)} kB in ${run.requests} requests (JS ${(run.jsBytes / 1024).toFixed(0)} kB)`,
      );
    }
    const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
    const rows: [string, string, string][] = [
      ['first walking answer', s(median(results.map((r) => r.answerMs))), '≤ 2.50 s'],
      ['walkshed drawn', s(median(results.map((r) => r.walkshedMs))), '≤ 5.00 s'],
      ['bytes, resident route (as transferred)', kB(median(results.map((r) => r.bytes))), ''],
      ['JavaScript, resident route (as transferred)', kB(median(results.map((r) => r.jsBytes))), '≤ 300 kB'],
      ['  of which the map (MapLibre and its worker)', kB(median(results.map((r) => r.mapJsBytes))), ''],
      ['  without the map', kB(median(results.map((r) => r.jsBytes - r.mapJsBytes))), ''],
    ];
    console.log(`\n| phone scenario, median of ${runs} | measured | target |\n|---|---|---|`);
    for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
  } finally {
    await browser?.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
