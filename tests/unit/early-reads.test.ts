import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { withEarlyReads } from '../../src/data/earlyReads';
import { DEFAULT_DATA } from '../../src/store/url';

const SCRIPT = readFileSync(resolve(import.meta.dirname, '../../public/early.js'), 'utf8');
const MANIFEST = { id: 'x', files: ['compounds.geojson', 'facilities.geojson', 'network.geojson', 'Report.json'] };

/** Runs public/early.js as the browser would, for a page at `search`, with a fetch that records what it is asked. */
async function runEarly(search: string, manifest: unknown = MANIFEST, fail: string[] = []) {
  const asked: string[] = [];
  const window: { location: { search: string }; __earlyReads?: { base: string; files: Record<string, Promise<Response | null>> } } = { location: { search } };
  const fetch = (url: string, init: { headers: Record<string, string> }) => {
    asked.push(url);
    expect(init.headers.Accept).toBe('application/json, application/geo+json');
    if (fail.some((f) => url.endsWith(f))) return Promise.reject(new TypeError('Failed to fetch'));
    const body = url.endsWith('manifest.json') ? JSON.stringify(manifest) : `{"file":${JSON.stringify(url)}}`;
    return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
  };
  runInNewContext(SCRIPT, { window, fetch, URLSearchParams });
  const files = window.__earlyReads?.files ?? {};
  const settled = Object.fromEntries(
    await Promise.all(Object.entries(files).map(async ([name, p]) => [name, (await p) === null ? null : 'response'] as const)),
  );
  return { asked, early: window.__earlyReads, settled };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('public/early.js', () => {
  it('reads from the built-in dataset of the app', () => {
    expect(SCRIPT).toContain(`var base = '${DEFAULT_DATA}/';`);
  });

  it('starts the first answer’s reads of a shared compound link: the manifest, then the listed small files', async () => {
    const { asked, early, settled } = await runEarly('?compound=c-001');
    expect(early?.base).toBe(`${DEFAULT_DATA}/`);
    expect(asked).toEqual(['manifest.json', 'report.json', 'compounds.geojson', 'facilities.geojson'].map((f) => `${DEFAULT_DATA}/${f}`));
    // gates.geojson is not in this manifest: not read (a missing file would be a failed request in the console).
    expect(settled).toEqual({
      'manifest.json': 'response',
      'report.json': 'response',
      'compounds.geojson': 'response',
      'facilities.geojson': 'response',
      'gates.geojson': null,
    });
  });

  it('reads nothing for any other link', async () => {
    for (const search of [
      '',
      '?mode=planner&compound=c-001',
      '?compound=c-001&data=data/other',
      '?compound=c-001&gate=g-1',
      '?compound=c-001&profile=elder',
      '?compound=%20',
    ]) {
      const { asked, early } = await runEarly(search);
      expect(asked, search).toEqual([]);
      expect(early, search).toBeUndefined();
    }
  });

  it('reads only the manifest when it lists no report, or no files at all', async () => {
    for (const manifest of [{ id: 'x', files: ['compounds.geojson'] }, { id: 'x' }, 'not an object']) {
      const { asked, settled } = await runEarly('?compound=c-001&mode=resident', manifest);
      expect(asked).toEqual([`${DEFAULT_DATA}/manifest.json`]);
      expect(Object.values(settled).filter((v) => v !== null)).toEqual(['response']);
    }
  });

  it('leaves a read that failed to the app (never a rejected promise)', async () => {
    const { settled } = await runEarly('?compound=c-001', MANIFEST, ['report.json']);
    expect(settled['report.json']).toBeNull();
    expect(settled['compounds.geojson']).toBe('response');
  });
});

describe('withEarlyReads', () => {
  const own = (url: string) => Promise.resolve(new Response(`own ${url}`));
  const install = (files: Record<string, Promise<Response | null>>) =>
    ((globalThis as { window?: unknown }).window = { __earlyReads: { base: 'data/d/', files } });

  it('hands each early response out once, then fetches as usual', async () => {
    install({ 'manifest.json': Promise.resolve(new Response('early manifest')) });
    const read = withEarlyReads('data/d', own as typeof fetch);
    expect(await (await read('data/d/manifest.json')).text()).toBe('early manifest');
    expect(await (await read('data/d/manifest.json')).text()).toBe('own data/d/manifest.json');
  });

  it('fetches itself what early.js could not read, or did not read, or read for another dataset', async () => {
    install({ 'report.json': Promise.resolve(null), 'compounds.geojson': Promise.resolve(new Response('early')) });
    expect(await (await withEarlyReads('data/d', own as typeof fetch)('data/d/report.json')).text()).toBe('own data/d/report.json');
    expect(await (await withEarlyReads('data/d', own as typeof fetch)('data/d/network.geojson')).text()).toBe('own data/d/network.geojson');
    expect(await (await withEarlyReads('data/e', own as typeof fetch)('data/e/compounds.geojson')).text()).toBe('own data/e/compounds.geojson');
  });

  it('fetches as usual where early.js never ran', async () => {
    expect(await (await withEarlyReads('data/d', own as typeof fetch)('data/d/manifest.json')).text()).toBe('own data/d/manifest.json');
  });
});
