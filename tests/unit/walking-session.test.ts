import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { areaBuffers } from '../../src/data/packedAreas';
import { fromDirectory } from '../../src/data/node-source';
import { analyzeDataset } from '../../src/domain/analysis';
import type { Dataset } from '../../src/domain/dataset';
import { contextOfGraph, walkContext } from '../../src/domain/engine/context';
import { DEFAULT_CANTEEN_SETTINGS } from '../../src/domain/planner/canteens';
import { DEFAULT_RULESET_ID, rulesetById } from '../../src/domain/planner/rulesets';
import { PlannerModel } from '../../src/domain/planner/model';
import { packCompliance, unpackCompliance } from '../../src/domain/planner/view';
import { networkFingerprint } from '../../src/domain/engine/fingerprint';
import { nearestStrategy } from '../../src/domain/engine/nearest';
import { decodePrebuilt, encodePrebuilt, PREBUILT_FILE } from '../../src/domain/engine/prebuilt';
import { facilityPoints } from '../../src/domain/analysis';
import { SessionCore } from '../../src/workers/sessionCore';
import type { FromSession, Question, SessionStats, ToSession } from '../../src/workers/sessionProtocol';
import { WalkingSession } from '../../src/workers/sessionClient';
import { sessionHost } from '../../src/workers/sessionHost';
import { cliWalkContext } from '../../src/cli/prepare/prebuilt';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = resolve(ROOT, 'data/yuefeng-sample');

let sample: Dataset;
beforeAll(async () => {
  sample = (await loadDataset(fromDirectory(SAMPLE))).dataset!;
});

/** The sample with one way moved by a metre: the same files but for one coordinate. */
function movedWay(dataset: Dataset): Dataset {
  const network = structuredClone(dataset.network!);
  const way = network.features[0]!.geometry;
  const line = way.type === 'LineString' ? way.coordinates : way.coordinates[0]!;
  line[0] = [line[0]![0]! + 0.00001, line[0]![1]!];
  return { ...dataset, network };
}

const ask = (core: SessionCore, question: Omit<Question, 'id' | 'generation'>) =>
  core.answer({ ...question, id: 1, generation: core.generation } as Question).answer;

describe('prebuilt walking graph', { timeout: 60_000 }, () => {
  it('round-trips: the decoded graph walks exactly like the built one', () => {
    const built = walkContext(sample.network)!;
    const fingerprint = networkFingerprint(sample.network);
    const read = decodePrebuilt(encodePrebuilt(built.graph, fingerprint), fingerprint);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.graph.nodeCount).toBe(built.graph.nodeCount);
    expect([...read.graph.edgeLengthM]).toEqual([...built.graph.edgeLengthM]);
    const fromBuilt = analyzeDataset(sample, [], 60, undefined, built);
    const fromPrebuilt = analyzeDataset(sample, [], 60, undefined, contextOfGraph(read.graph));
    expect(fromPrebuilt.compounds).toEqual(fromBuilt.compounds);
  });

  it('is stale once the network changes, and foreign when it is not a prebuilt graph', () => {
    const built = walkContext(sample.network)!;
    const buffer = encodePrebuilt(built.graph, networkFingerprint(sample.network));
    expect(networkFingerprint(movedWay(sample).network)).not.toBe(networkFingerprint(sample.network));
    // A re-read of the same network (another object, same content) agrees.
    expect(networkFingerprint(structuredClone(sample.network))).toBe(networkFingerprint(sample.network));
    expect(decodePrebuilt(buffer, networkFingerprint(movedWay(sample).network))).toMatchObject({ ok: false, reason: 'stale' });
    expect(decodePrebuilt(new TextEncoder().encode('{"type":"FeatureCollection"}').buffer as ArrayBuffer, 'x')).toMatchObject({ ok: false, reason: 'foreign' });
    expect(decodePrebuilt(buffer.slice(0, 200), networkFingerprint(sample.network))).toMatchObject({ ok: false, reason: 'foreign' });
  });

  it('npm run prepare-dataset writes it beside network.geojson and lists it in the manifest; the CLIs use it until the network changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepare-'));
    cpSync(SAMPLE, dir, { recursive: true });
    const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'src/cli/prepare-dataset.ts'), '--data', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/wrote .*network\.graph\.bin: \d+ nodes/);
    expect((JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: string[] }).files).toContain(PREBUILT_FILE);
    const loaded = (await loadDataset(fromDirectory(dir))).dataset!;
    expect(cliWalkContext(dir, loaded)).toMatchObject({ source: 'prebuilt', notice: null });
    // network.geojson edited afterwards: the file is stale, ignored with a notice, and the graph is built.
    writeFileSync(join(dir, 'network.geojson'), JSON.stringify(movedWay(loaded).network));
    const edited = (await loadDataset(fromDirectory(dir))).dataset!;
    const stale = cliWalkContext(dir, edited);
    expect(stale.source).toBe('built');
    expect(stale.notice).toMatch(/network\.graph\.bin ignored \(stale/);
    expect(stale.ctx).not.toBeNull();
  });
});

describe('walking session', { timeout: 60_000 }, () => {
  it('builds the graph once per network, and every view asks the same one', () => {
    const core = new SessionCore();
    expect(core.load(1, sample, null)).toMatchObject({ generation: 1, hasNetwork: true, graph: 'built', notice: null });
    const origin = sample.gates.features[0]!.geometry.coordinates as [number, number];
    const walk = ask(core, { type: 'ask', kind: 'walk', ask: { request: { origins: [origin], speedMPerMin: 60, bandMinutes: [5, 10, 15] } } });
    expect(walk).not.toBeNull();
    expect(
      ask(core, {
        type: 'ask',
        kind: 'planner',
        ask: { rulesetId: DEFAULT_RULESET_ID, canteen: DEFAULT_CANTEEN_SETTINGS, changes: [], siteRequest: null, baselineKey: null },
      }),
    ).toMatchObject({ network: true });
    expect(ask(core, { type: 'ask', kind: 'gaps', ask: {} })).toMatchObject({ speed_m_per_min: 60 });
    expect(ask(core, { type: 'ask', kind: 'coverage', ask: { ids: sample.volunteers.features.map((v) => v.properties.id) } })).toMatchObject({
      distance: 'network',
    });
    expect(
      ask(core, { type: 'ask', kind: 'hall', ask: { options: { categories: ['canteen'], bandCategories: ['canteen'] }, nowMs: Date.now() } }),
    ).toMatchObject({ stats: { network: true } });
    // A re-read of the same files (the hall's interval) keeps the graph; a changed network is built again.
    expect(core.load(2, structuredClone(sample), null).graph).toBe('reused');
    expect(core.load(3, movedWay(sample), null).graph).toBe('built');
    const stats = core.stats();
    expect(stats.sources).toEqual({ built: 2, reused: 1, prebuilt: 0, none: 0 });
  });

  it('makes the walking engine right after `ready` when asked to warm it, once per generation, and walks the same', () => {
    const posted: FromSession[] = [];
    const turns: (() => void)[] = [];
    const host = sessionHost(
      (message) => posted.push(message),
      (run) => turns.push(run),
    );
    const engines = () => {
      host({ type: 'ask', kind: 'stats', id: 99, generation: 0, ask: {} });
      while (turns.length) turns.shift()!();
      const answer = posted.findLast((m) => m.type === 'answer' && m.kind === 'stats');
      return answer?.type === 'answer' ? (answer.answer as SessionStats).walkEngines : -1;
    };
    const origin = sample.gates.features[0]!.geometry.coordinates as [number, number];
    const walk = (id: number, generation: number) => {
      host({ type: 'ask', kind: 'walk', id, generation, ask: { request: { origins: [origin], speedMPerMin: 60, bandMinutes: [5, 10, 15] } } });
      while (turns.length) turns.shift()!();
      const answer = posted.find((m) => m.type === 'answer' && m.id === id);
      return answer?.type === 'answer' ? answer.answer : null;
    };
    // Not warmed: the engine is made by the first walk.
    host({ type: 'load', generation: 1, dataset: sample, prebuilt: null });
    expect(posted[0]).toMatchObject({ type: 'ready', generation: 1 });
    expect(engines()).toBe(0);
    const cold = walk(1, 1);
    expect(engines()).toBe(1);
    // Warmed: made in the turn after `ready`, before any walk; the walk uses it.
    host({ type: 'load', generation: 2, dataset: structuredClone(sample), prebuilt: null, warmWalk: true });
    expect(turns).toHaveLength(1);
    turns.shift()!();
    expect(engines()).toBe(2);
    expect(walk(2, 2)).toEqual(cold);
    expect(engines()).toBe(2);
    // A warm-up for a generation already replaced makes nothing.
    host({ type: 'load', generation: 3, dataset: sample, prebuilt: null, warmWalk: true });
    host({ type: 'load', generation: 4, dataset: structuredClone(sample), prebuilt: null });
    while (turns.length) turns.shift()!();
    expect(engines()).toBe(2);
  });

  it('loads a matching prebuilt graph, and ignores a stale one with a notice', () => {
    const built = walkContext(sample.network)!;
    const prebuilt = () => encodePrebuilt(built.graph, networkFingerprint(sample.network));
    const core = new SessionCore();
    const before = core.stats().graphBuilds;
    expect(core.load(1, sample, prebuilt())).toMatchObject({ graph: 'prebuilt', hasNetwork: true, notice: null });
    expect(core.stats().graphBuilds).toBe(before);
    expect(core.load(2, movedWay(sample), prebuilt())).toMatchObject({ graph: 'built', hasNetwork: true, notice: 'stale' });
    expect(core.load(3, sample, new ArrayBuffer(64))).toMatchObject({ graph: 'built', notice: 'foreign' });
    expect(core.load(4, { ...sample, network: null }, null)).toMatchObject({ graph: 'none', hasNetwork: false });
  });
});

describe('nearest of a category', () => {
  const facilities = [
    { id: 'far', category: 'clinic', point: [119.31, 26.09] as [number, number] },
    { id: 'near', category: 'clinic', point: [119.3005, 26.0901] as [number, number] },
    { id: 'shop', category: 'convenience', point: [119.3001, 26.09] as [number, number] },
  ];

  it('falls back to straight-line without a network, from whichever origin is closer', () => {
    const nearest = nearestStrategy(null, facilities);
    expect(nearest.distance).toBe('straight-line');
    const found = nearest.at([
      [119.32, 26.1],
      [119.3, 26.09],
    ])('clinic');
    expect(found).toMatchObject({ facility: { id: 'near' }, index: 1, originIndex: 1 });
    expect(found!.walkM).toBeGreaterThan(40);
    expect(found!.walkM).toBeLessThan(60);
    expect(nearest.at([[119.3, 26.09]])('pharmacy')).toBeNull();
  });

  it('walks on the network when there is one, and is never shorter than the straight line', () => {
    const points = facilityPoints(sample);
    const walked = nearestStrategy(walkContext(sample.network), points);
    const straight = nearestStrategy(null, points);
    expect(walked.distance).toBe('network');
    const origins = [sample.gates.features[0]!.geometry.coordinates as [number, number]];
    for (const category of new Set(points.map((p) => p.category))) {
      const byWalk = walked.at(origins)(category);
      const byLine = straight.at(origins)(category)!;
      if (byWalk) expect(byWalk.walkM).toBeGreaterThanOrEqual(byLine.walkM - 1e-6);
    }
  });
});

describe('planner answers across the worker boundary', () => {
  it('packs every compound × rule result into typed arrays and reads back the same compliance', () => {
    const model = PlannerModel.fromDataset(sample);
    const ruleset = rulesetById(DEFAULT_RULESET_ID)!;
    const clinic = { kind: 'add-facility' as const, facility: { id: 'proposed-1', category: 'clinic', point: model.inputs.compounds[0]!.origins[0]! } };
    const { compliance } = model.run([clinic], ruleset).result;
    const packed = packCompliance(compliance);
    expect(packed.status).toHaveLength(compliance.compounds.length * ruleset.rules.length);
    const back = unpackCompliance(structuredClone(packed));
    expect(back.compounds.map((c) => c.results)).toEqual(compliance.compounds.map((c) => c.results));
    expect(back.compounds.map(({ results: _r, ...rest }) => rest)).toEqual(compliance.compounds.map(({ results: _r, ...rest }) => rest));
    expect(back.compounds.some((c) => c.results.some((r) => r.proposed))).toBe(true);
  });
});

describe('the page side of the session (WalkingSession)', () => {
  /** A session whose messages to the worker are recorded, and whose worker answers only when told. */
  function recorded() {
    const session = new WalkingSession(false);
    const posted: ToSession[] = [];
    Object.assign(session, { port: { post: (message: ToSession) => posted.push(message) } });
    const deliver = (message: FromSession) => (session as unknown as { receive(m: FromSession): void }).receive(message);
    return { session, posted, deliver };
  }
  const request = { origins: [[119.33, 26.09] as [number, number]], speedMPerMin: 80, bandMinutes: [5, 10, 15] };

  it('sends a question right behind the dataset, without waiting for `ready` to come back', async () => {
    const { session, posted, deliver } = recorded();
    void session.send(sample, { warmWalk: true });
    const asked = session.ask('walk', { request });
    await flushMicrotasks();
    expect(posted.map((m) => m.type)).toEqual(['load', 'ask']);
    const [load, ask] = posted as [Extract<ToSession, { type: 'load' }>, Extract<ToSession, { type: 'ask' }>];
    expect(ask).toMatchObject({ kind: 'walk', generation: load.generation });
    // The answer may come before `ready` has been handled: it is taken.
    deliver({ type: 'answer', kind: 'walk', id: ask.id, generation: load.generation, answer: null, ms: 1 });
    await expect(asked).resolves.toEqual({ answer: null, ms: 1 });
  });

  it("moves the dataset's compounds packed, and the session has them back as the page holds them", async () => {
    const { session, posted } = recorded();
    void session.send(sample);
    await flushMicrotasks();
    const load = posted[0] as Extract<ToSession, { type: 'load' }>;
    expect(load.dataset.compounds.features).toEqual([]);
    expect(load.compounds!.areaEnds).toHaveLength(sample.compounds.features.length);
    // Through a real port, as to the worker: the arrays are moved, not copied.
    const { port1, port2 } = new MessageChannel();
    const arrived = new Promise<Extract<ToSession, { type: 'load' }>>((resolve) => (port2.onmessage = (event) => resolve(event.data)));
    port1.postMessage(load, areaBuffers(load.compounds!));
    expect(load.compounds!.coords.length, 'moved').toBe(0);
    const received = await arrived;
    port1.close();
    port2.close();
    const answers: FromSession[] = [];
    const host = sessionHost((message) => answers.push(message), queueMicrotask);
    host(received);
    host({ type: 'ask', kind: 'gaps', id: 1, generation: received.generation, ask: {} } as ToSession);
    for (let i = 0; i < 100 && !answers.some((m) => m.type === 'answer'); i++) await new Promise((r) => setTimeout(r, 10));
    // The walk from every compound to the nearest of every category, as from the compounds the page holds.
    const direct = new SessionCore();
    direct.load(1, sample, null);
    const expected = direct.answer({ type: 'ask', kind: 'gaps', id: 1, generation: 1, ask: {} } as Question).answer;
    expect(answers.find((m) => m.type === 'answer')).toMatchObject({ answer: expected });
    expect((expected as { compounds: unknown[] }).compounds).toHaveLength(sample.compounds.features.length);
  });

  it('drops a question whose dataset was replaced before it was sent, and asks nothing without a dataset', async () => {
    const { session, posted } = recorded();
    await expect(session.ask('walk', { request })).resolves.toBeNull();
    expect(posted).toEqual([]);
    void session.send(sample);
    const stale = session.ask('walk', { request });
    void session.send(structuredClone(sample));
    await expect(stale).resolves.toBeNull();
    await flushMicrotasks();
    // Only the newer dataset went to the session, and no question with it.
    expect(posted.map((m) => m.type)).toEqual(['load']);
  });

  it('settles once the dataset is ready and every question asked has its answer, and not before', async () => {
    const { session, posted, deliver } = recorded();
    void session.send(sample);
    const asked = session.ask('walk', { request });
    let settled = false;
    void session.settled().then(() => (settled = true));
    await flushMicrotasks();
    const [load, ask] = posted as [Extract<ToSession, { type: 'load' }>, Extract<ToSession, { type: 'ask' }>];
    deliver({ type: 'answer', kind: 'walk', id: ask.id, generation: load.generation, answer: null, ms: 1 });
    await asked;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled, 'the dataset is not ready yet').toBe(false);
    deliver({ type: 'ready', generation: load.generation } as FromSession);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(true);
  });
});

const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));
