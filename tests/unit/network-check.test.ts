import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOf, type FileContents } from '../../src/data/contents';
import { checkNetworkInPlace, loadDataset, type CheckNetwork, type ReadFile } from '../../src/data/load';
import { packedOf } from '../../src/data/packedNetwork';
import { fromDirectory } from '../../src/data/node-source';
import type { CrsId } from '../../src/domain/dataset';
import { WalkingSession } from '../../src/workers/sessionClient';
import { sessionHost } from '../../src/workers/sessionHost';
import type { FromSession, SessionStats, ToSession } from '../../src/workers/sessionProtocol';
import { collection, compound, files, line, manifest, memory, point } from './loader-helpers';

const SAMPLE = resolve(import.meta.dirname, '../../data/yuefeng-sample');
const sampleText = readFileSync(resolve(SAMPLE, 'network.geojson'), 'utf8');

/** The sample's network with two bad ways: a point where a line belongs, and a repeated id. */
function badNetworkText(): string {
  const network = JSON.parse(sampleText) as { features: unknown[] };
  network.features.push({ type: 'Feature', properties: { id: 'not-a-line' }, geometry: { type: 'Point', coordinates: [119.33, 26.09] } });
  network.features.push(network.features[0]);
  return JSON.stringify(network);
}

describe('the loader hands network.geojson to a checker', () => {
  const dataset = (crs: CrsId, network: string) =>
    memory(
      files({
        'manifest.json': manifest({ crs }),
        'compounds.geojson': collection(compound('c1')),
        'facilities.geojson': collection(point({ id: 'f1', category: 'clinic' })),
        'network.geojson': `\ufeff${network}`,
      }),
    );
  const network = collection(line({ id: 'w1' }), line({ id: 'w2', highway: 7 }));

  it('gives it the text (without its byte-order mark) and the manifest’s coordinate system, and takes its layer', async () => {
    const asked: [FileContents, CrsId][] = [];
    const check: CheckNetwork = (text, crs) => {
      asked.push([text, crs]);
      return textOf(text).then((t) => checkNetworkInPlace(t, crs));
    };
    const elsewhere = await loadDataset(dataset('GCJ02', network), { checkNetwork: check });
    const inPlace = await loadDataset(dataset('GCJ02', network));
    expect(asked).toEqual([[network, 'GCJ02']]);
    expect(elsewhere.problems).toEqual(inPlace.problems);
    expect(elsewhere.problems.map((p) => [p.file, p.id])).toEqual([['network.geojson', 'w2']]);
    // Converted to WGS84 by the checker, as the loader converts in place.
    expect(elsewhere.dataset!.network).toEqual(inPlace.dataset!.network);
    expect(elsewhere.dataset!.network!.features[0]!.geometry.coordinates[0]).not.toEqual([119.33, 26.09]);
  });

  it('gives it the Blob where the reader left the file unread: read there (byte-order mark and all), the same network and problems', async () => {
    const asText = memory(
      files({
        'manifest.json': manifest({ crs: 'GCJ02' }),
        'compounds.geojson': collection(compound('c1')),
        'facilities.geojson': collection(point({ id: 'f1', category: 'clinic' })),
      }),
    );
    const blob = new Blob([new TextEncoder().encode(`\ufeff${network}`)]);
    const read: ReadFile = (name) => (name === 'network.geojson' ? Promise.resolve(blob) : asText(name));
    const asked: FileContents[] = [];
    const elsewhere = await loadDataset(read, {
      checkNetwork: (contents, crs) => (asked.push(contents), textOf(contents).then((t) => checkNetworkInPlace(t, crs))),
    });
    const declined = await loadDataset(read, { checkNetwork: () => null });
    const inPlace = await loadDataset(dataset('GCJ02', network));
    expect(asked).toEqual([blob]);
    for (const result of [elsewhere, declined]) {
      expect(result.problems).toEqual(inPlace.problems);
      expect(result.dataset!.network).toEqual(inPlace.dataset!.network);
    }
  });

  it('lists a network file that cannot be read (a picked file changed on disk since) and loads the rest, in place or in the session', async () => {
    const unreadable = () => Object.assign(new Blob(['{}']), { text: () => Promise.reject(new Error('The file could not be read: it changed on disk')) });
    const rest = memory(
      files({
        'manifest.json': manifest({ crs: 'WGS84' }),
        'compounds.geojson': collection(compound('c1')),
        'facilities.geojson': collection(point({ id: 'f1', category: 'clinic' })),
      }),
    );
    const read: ReadFile = (name) => (name === 'network.geojson' ? Promise.resolve(unreadable()) : rest(name));
    const session = new WalkingSession(false);
    for (const checkNetwork of [() => null, (contents: FileContents, crs: CrsId) => session.checkNetwork(contents, crs)]) {
      const { dataset, problems, fatal } = await loadDataset(read, { checkNetwork });
      expect(fatal).toBeNull();
      expect(dataset!.network).toBeNull();
      expect(dataset!.compounds.features).toHaveLength(1);
      expect(problems).toEqual([
        expect.objectContaining({ file: 'network.geojson', field: '(file)', severity: 'error', message: expect.stringContaining('it changed on disk') }),
      ]);
    }
  });

  it('checks in place when the checker declines (null), and lists a network that is not JSON either way', async () => {
    const declined = await loadDataset(dataset('WGS84', network), { checkNetwork: () => null });
    expect(declined.dataset!.network!.features).toHaveLength(1);
    const broken = await loadDataset(dataset('WGS84', '{"type": "FeatureCollection", "features": ['), {
      checkNetwork: (contents, crs) => textOf(contents).then((t) => checkNetworkInPlace(t, crs)),
    });
    expect(broken.dataset!.network).toBeNull();
    expect(broken.problems).toEqual([expect.objectContaining({ file: 'network.geojson', field: '(file)', severity: 'error' })]);
  });
});

describe('the walking session checks a network for the page', { timeout: 60_000 }, () => {
  it('gives the page the same ways (packed) and problems as the loader in place, and keeps the network for the graph', async () => {
    const text = badNetworkText();
    const read = fromDirectory(SAMPLE);
    const withBadNetwork = (name: Parameters<typeof read>[0]) => (name === 'network.geojson' ? Promise.resolve(text) : read(name));
    const session = new WalkingSession(false);
    const sent: ToSession[] = [];
    const port = (session as unknown as { port: { post(m: ToSession, t?: Transferable[]): void } }).port;
    Object.assign(session, { port: { post: (message: ToSession, transfer?: Transferable[]) => (sent.push(message), port.post(message, transfer)) } });

    const inPlace = await loadDataset(withBadNetwork);
    const checked = await loadDataset(withBadNetwork, { checkNetwork: (t, crs) => session.checkNetwork(t, crs) });
    expect(checked.problems).toEqual(inPlace.problems);
    expect(checked.problems.filter((p) => p.file === 'network.geojson').map((p) => p.id)).toEqual([
      'not-a-line',
      String(inPlace.dataset!.network!.features[0]!.properties.id),
    ]);
    const network = checked.dataset!.network!;
    // Packed: the same ways once read, and the same arrays as the page would pack them itself.
    expect(packedOf(network)).toEqual(packedOf(inPlace.dataset!.network!));
    expect(network.features).toEqual(inPlace.dataset!.network!.features);

    // Loading the dataset names the session's copy instead of sending the network again.
    await session.send(checked.dataset!);
    const load = sent.find((m): m is Extract<ToSession, { type: 'load' }> => m.type === 'load')!;
    expect(load.dataset.network).toBeNull();
    expect(load.network).toBe((sent.find((m) => m.type === 'network') as Extract<ToSession, { type: 'network' }>).token);
    await expect(session.load(checked.dataset!)).resolves.toMatchObject({ hasNetwork: true, graph: 'built' });

    // It walks exactly as a session handed the network checked in place.
    const other = new WalkingSession(false);
    void other.send(inPlace.dataset!);
    const origin = inPlace.dataset!.gates.features[0]!.geometry.coordinates as [number, number];
    const request = { origins: [origin], speedMPerMin: 60, bandMinutes: [5, 10, 15] };
    const [walked, expected] = await Promise.all([session.ask('walk', { request }), other.ask('walk', { request })]);
    expect(walked!.answer!.nearest.length).toBeGreaterThan(0);
    expect(walked!.answer!.nearest).toEqual(expected!.answer!.nearest);
    expect(await session.stats()).toMatchObject<Partial<SessionStats>>({ networkChecks: 1, graphBuilds: expect.any(Number) });
  });

  it('answers a load that names a network still being checked only once the check is done, in order', async () => {
    const posted: FromSession[] = [];
    const host = sessionHost((message) => posted.push(message), queueMicrotask);
    const sample = (await loadDataset(fromDirectory(SAMPLE))).dataset!;
    host({ type: 'network', token: 7, contents: new Blob([sampleText]), crs: 'WGS84' });
    // Sent at once behind it, while the session is still loading its checker.
    host({ type: 'load', generation: 1, dataset: { ...sample, network: null }, prebuilt: null, network: 7 });
    await waitUntil(() => posted.some((m) => m.type === 'ready'));
    expect(posted.map((m) => m.type)).toEqual(['networkChecked', 'ready']);
    expect(posted[1]).toMatchObject({ type: 'ready', hasNetwork: true, graph: 'built' });
    // Released (the page let go of the network): a load that names it is refused.
    host({ type: 'release', token: 7 });
    expect(() => host({ type: 'load', generation: 2, dataset: { ...sample, network: null }, prebuilt: null, network: 7 })).toThrow('no network under token 7');
  });

  it("sends a checked network's streets to another thread's port, as the page holds them, and null for a token it does not hold", async () => {
    const posted: FromSession[] = [];
    const host = sessionHost((message) => posted.push(message), queueMicrotask);
    host({ type: 'network', token: 3, contents: sampleText, crs: 'WGS84' });
    const received = (token: number) =>
      new Promise<unknown>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event: MessageEvent) => {
          channel.port1.close();
          resolve(event.data);
        };
        host({ type: 'networkTo', token, port: channel.port2 });
      });
    const streets = await received(3);
    const checked = posted.find((m): m is Extract<FromSession, { type: 'networkChecked' }> => m.type === 'networkChecked')!;
    // The same ways and properties (only those shown) as the page was given.
    expect(streets).toEqual(checked.packed);
    expect(checked.packed!.wayEnds.length).toBeGreaterThan(100);
    expect(await received(99)).toBeNull();
    host({ type: 'release', token: 3 });
    expect(await received(3)).toBeNull();
  });
});

async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
}
