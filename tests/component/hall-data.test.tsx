import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckedNetwork } from '../../src/data/load';
import type { Dataset } from '../../src/domain/dataset';
import { DEFAULT_CONFIG } from '../../src/domain/hall/playlist';
import { HallFooter } from '../../src/features/hall/HallFooter';
import { readPlaylist, rememberingLastNetwork } from '../../src/features/hall/readDataset';
import { useHallData } from '../../src/features/hall/useHallData';
import { useStore } from '../../src/store';
import { advance } from './hall-harness';
import { tinyDataset } from './tinyDataset';

const initial = useStore.getState();
const MINUTE = 60_000;

function Fed() {
  useHallData();
  return <HallFooter />;
}

/** Serves a dataset's files the way a web server would; `offline` makes every request fail. */
function serve(dataset: () => Dataset) {
  const server = { offline: false, dataset };
  vi.stubGlobal('fetch', async (input: string) => {
    if (server.offline) throw new TypeError('Failed to fetch');
    const name = input.split('?')[0]?.split('/').pop() ?? '';
    const d = server.dataset();
    const files: Record<string, unknown> = {
      'manifest.json': d.manifest,
      'compounds.geojson': d.compounds,
      'facilities.geojson': d.facilities,
      'gates.geojson': d.gates,
      'grids.geojson': d.grids,
    };
    const body = files[name];
    return body === undefined
      ? new Response('not found', { status: 404 })
      : new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return server;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-11-02T09:00:00+08:00'));
  useStore.setState({ ...initial, mode: 'hall' }, true);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('hall data refresh', () => {
  it('re-reads the data on an interval and keeps the last good data when a read fails', async () => {
    const server = serve(tinyDataset);
    useStore.setState({ dataset: tinyDataset(), status: 'ready' });
    render(<Fed />);
    await advance(0);
    const first = useStore.getState().dataset;
    expect(first).toBe(useStore.getState().hallPublic);
    expect(JSON.stringify(first)).not.toContain('王小明');
    expect(screen.getByTestId('hall-updated')).toHaveTextContent('数据更新于 09:00');

    await advance(10 * MINUTE);
    expect(screen.getByTestId('hall-updated')).toHaveTextContent('数据更新于 09:10');
    const good = useStore.getState().dataset;
    expect(useStore.getState().hallStats?.totals.compounds).toBe(2);

    server.offline = true;
    await advance(10 * MINUTE);
    expect(useStore.getState().dataset).toBe(good);
    expect(useStore.getState().hallStats?.totals.compounds).toBe(2);
    expect(screen.getByTestId('hall-updated')).toHaveTextContent('暂时无法更新，显示 09:10 读取的数据');

    // Back online with a changed dataset: the new one replaces the old.
    server.offline = false;
    server.dataset = () => {
      const d = tinyDataset();
      d.compounds.features.pop();
      return d;
    };
    await advance(10 * MINUTE);
    expect(screen.getByTestId('hall-updated')).toHaveTextContent('数据更新于 09:30');
    expect(useStore.getState().dataset?.compounds.features).toHaveLength(1);
    expect(useStore.getState().hallStats?.totals.compounds).toBe(1);
  });

  it('keeps the same data (no redraw) when a re-read finds nothing changed', async () => {
    serve(tinyDataset);
    useStore.setState({ dataset: tinyDataset(), status: 'ready' });
    render(<Fed />);
    await advance(10 * MINUTE);
    const shown = useStore.getState().dataset;
    await advance(10 * MINUTE);
    expect(useStore.getState().dataset).toBe(shown);
    expect(screen.getByTestId('hall-updated')).toHaveTextContent('数据更新于 09:20');
  });
});

describe('the hall playlist from the dataset', () => {
  /** A web server with these files; every other file is a 404. Records what was asked. */
  function site(files: Record<string, unknown>) {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (input: string) => {
      const name = input.split('?')[0]?.split('/').pop() ?? '';
      asked.push(name);
      const body = files[name];
      return body === undefined
        ? new Response('not found', { status: 404 })
        : new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    return asked;
  }
  const manifest = (extra: object = {}) => ({ ...tinyDataset().manifest, ...extra });

  it('reads playlist.json when the manifest lists it', async () => {
    const asked = site({
      'manifest.json': manifest({ files: ['compounds.geojson', 'playlist.json'] }),
      'playlist.json': { views: [{ kind: 'gaps', seconds: 20 }] },
    });
    const { config } = await readPlaylist('data/x', null);
    expect(config.entries.map((e) => e.kind)).toEqual(['gaps']);
    expect(asked).toContain('playlist.json');
  });

  it('never asks for playlist.json when the manifest lists its files without it', async () => {
    const asked = site({ 'manifest.json': manifest({ files: ['compounds.geojson', 'facilities.geojson'] }) });
    const { config, problems } = await readPlaylist('data/x', null);
    expect(config).toBe(DEFAULT_CONFIG);
    expect(problems).toEqual([]);
    expect(asked).toEqual(['manifest.json']);
  });

  it('tries playlist.json for an older manifest without a list of files', async () => {
    const asked = site({ 'manifest.json': manifest() });
    expect((await readPlaylist('data/x', null)).config).toBe(DEFAULT_CONFIG);
    expect(asked).toEqual(['manifest.json', 'playlist.json']);
  });

  it('takes ?playlist= without asking the dataset', async () => {
    const asked = site({});
    expect((await readPlaylist('data/x', 'overview:10')).config.entries.map((e) => e.kind)).toEqual(['overview']);
    expect(asked).toEqual([]);
  });
});

describe('re-reads of an unchanged network', () => {
  const layer = (): CheckedNetwork => ({ network: null, problems: [], reason: null });

  it('hand back the same checked layer, so the session and the map keep the same streets; a changed network is checked again', async () => {
    const asked: string[] = [];
    const check = rememberingLastNetwork((text, crs) => {
      asked.push(`${crs}:${text}`);
      return Promise.resolve(layer());
    });
    const first = check('{"a":1}', 'WGS84');
    expect(check('{"a":1}', 'WGS84')).toBe(first);
    const changed = check('{"a":2}', 'WGS84');
    expect(changed).not.toBe(first);
    expect(check('{"a":2}', 'GCJ02')).not.toBe(changed);
    expect(asked).toEqual(['WGS84:{"a":1}', 'WGS84:{"a":2}', 'GCJ02:{"a":2}']);
    expect(await check('{"a":2}', 'GCJ02')).toBe(await check('{"a":2}', 'GCJ02'));
  });

  it('checks again after a check that failed, and checks in place (remembered too) a network the session declines', async () => {
    let calls = 0;
    const failing = rememberingLastNetwork(() => (++calls === 1 ? Promise.reject(new Error('worker gone')) : Promise.resolve(layer())));
    await expect(failing('{}', 'WGS84')).rejects.toThrow('worker gone');
    await expect(failing('{}', 'WGS84')).resolves.toMatchObject({ reason: null });
    expect(calls).toBe(2);
    const network = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'w1', highway: 'residential' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [119.33, 26.09],
              [119.331, 26.09],
            ],
          },
        },
        { type: 'Feature', properties: { id: 'bad' }, geometry: { type: 'Point', coordinates: [119.33, 26.09] } },
      ],
    });
    for (const check of [rememberingLastNetwork(() => null), rememberingLastNetwork(undefined)]) {
      const inPlace = await check(network, 'WGS84')!;
      expect(inPlace.network?.features.map((f) => f.properties.id)).toEqual(['w1']);
      expect(inPlace.problems.map((p) => p.id)).toEqual(['bad']);
      expect(await check(network, 'WGS84')!).toBe(inPlace);
    }
  });
});
