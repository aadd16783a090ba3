import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveAggregates } from '../../src/domain/hall/liveAggregates';
import { SqliteLedgerStore } from '../../src/server/store/sqlite';
import type { LedgerRequest } from '../../src/server/store/types';
import { SAMPLE_DIR, startTestServer, type TestServer } from './helpers';
import { openEvents, type SseStream } from './sse-client';
import { addUser, as, login, type Login } from './staff-helpers';

/** The ledger's clock: late October 2026, the sample's busiest month. */
const NOW = new Date('2026-10-31T20:00:00+08:00');
const PHONE = /(?<![\d.])1[3-9]\d{9}(?!\d)/;
const sample = JSON.parse(readFileSync(resolve(SAMPLE_DIR, 'requests.geojson'), 'utf8')) as { features: { properties: { description?: string } }[] };
const TEXTS = sample.features.map((f) => f.properties.description).filter((d): d is string => !!d);

let server: TestServer;
let li: Login;
let zhao: Login;
let vol: Login;
const streams: SseStream[] = [];

async function events(who: Login | null, query = '', headers: Record<string, string> = {}): Promise<SseStream> {
  const stream = await openEvents(`${server.url}/api/events${query}`, { ...(who ? { cookie: who.cookie } : {}), ...headers });
  streams.push(stream);
  return stream;
}

const openAt = (communityId: string, stage: LedgerRequest['stage'] = 'collect') =>
  server.ctx.store.listRequests({ communityIds: [communityId], stages: [stage], status: 'open' })[0]!;

async function move(who: Login, id: string, stage: LedgerRequest['stage']) {
  const res = await as(server, who).post(`/api/requests/${id}/move`, { stage, note: 'live test' });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as LedgerRequest;
}

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW, liveHeartbeatMs: 200, liveRingSize: 4 });
  await addUser(server, { username: 'li', role: 'community_worker', communityId: 'cm-xinhua' });
  await addUser(server, { username: 'zhao', role: 'community_worker', communityId: 'cm-puxia' });
  await addUser(server, { username: 'v1', role: 'volunteer', volunteerId: 'v-001' });
  [li, zhao, vol] = await Promise.all([login(server, 'li'), login(server, 'zhao'), login(server, 'v1')]);
});
afterAll(async () => {
  for (const s of streams) s.close();
  await server?.close();
});

describe('/api/events without a session: the hall’s aggregates only', () => {
  it('starts with this month’s counts by stage, equal to a count made from the ledger, "<5" below five', async () => {
    const stream = await events(null);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const first = JSON.parse((await stream.next('aggregates')).data) as LiveAggregates;
    expect(first.requests.month).toBe('2026-10');
    // Independently: requests filed or touched in October 2026 (Shanghai), by stage now.
    const from = Date.parse('2026-10-01T00:00:00+08:00');
    const inOctober = server.ctx.store
      .listRequests()
      .filter((r) => [r.requestedAt, r.updatedAt].some((t) => Date.parse(t) >= from && Date.parse(t) < NOW.getTime()));
    expect(first.requests.total).toBe(inOctober.length);
    for (const { stage, count } of first.requests.byStage) {
      const n = inOctober.filter((r) => r.stage === stage).length;
      expect(count).toBe(n < 5 ? '<5' : n);
    }
    expect(first.earlier.map((m) => m.month)).toEqual(['2026-09', '2026-08', '2026-07', '2026-06', '2026-05']);
  });

  it('sends new counts when a worker moves a request, and never a text, name, phone, point or id of a request', async () => {
    const stream = await events(null);
    const before = JSON.parse((await stream.next('aggregates')).data) as LiveAggregates;
    const target = openAt('cm-xinhua');
    await move(li, target.id, 'deliberate');
    const after = JSON.parse((await stream.next('aggregates', undefined, 5_000, 1)).data) as LiveAggregates;
    const count = (a: LiveAggregates, stage: string) => a.requests.byStage.find((s) => s.stage === stage)!.count;
    expect(count(after, 'deliberate')).not.toEqual(count(before, 'deliberate'));
    expect(after.requests.total).toEqual(before.requests.total);
    const raw = stream.raw();
    expect(raw).not.toMatch(PHONE);
    expect(raw).not.toContain(target.id);
    expect(raw).not.toContain(String(target.lon));
    for (const text of TEXTS) expect(raw).not.toContain(text);
    for (const field of ['description', 'reporter', 'address', 'lon', 'lat', 'compound', 'tracking']) expect(raw).not.toContain(`"${field}`);
  });

  it('a logged-in browser asking for scope=public gets the aggregates too; scope=staff without a session is refused with 401', async () => {
    const stream = await events(li, '?scope=public');
    await stream.next('aggregates');
    const refused = await fetch(`${server.url}/api/events?scope=staff`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { description: string }[])[0]!.description).toMatch(/log in/);
    expect((await fetch(`${server.url}/api/events?scope=everyone`)).status).toBe(400);
  });

  it('sends heartbeats on an idle stream', async () => {
    const stream = await events(null);
    await stream.next('aggregates');
    await expect.poll(() => stream.comments, { timeout: 3_000 }).toBeGreaterThanOrEqual(2);
  });
});

describe('/api/events with a staff session: that scope in detail, checked on every event', () => {
  it('a worker sees her community’s change in detail; a worker of another community sees nothing of it', async () => {
    const mine = await events(li);
    const other = await events(zhao);
    await mine.next('ready');
    await other.next('ready');
    const target = openAt('cm-xinhua');
    await move(li, target.id, 'deliberate');
    const seen = JSON.parse((await mine.next('request', (e) => e.data.includes(target.id))).data) as { kind: string; request: LedgerRequest };
    expect(seen).toMatchObject({ kind: 'moved', request: { id: target.id, stage: 'deliberate' } });
    // zhao's own change arrives; li's never does.
    const theirs = openAt('cm-puxia');
    await move(zhao, theirs.id, 'deliberate');
    await other.next('request', (e) => e.data.includes(theirs.id));
    expect(other.raw()).not.toContain(target.id);
    expect(mine.raw()).not.toContain(theirs.id);
  });

  it('a volunteer hears of a request only while it is assigned to them, and is told when it is taken away', async () => {
    const stream = await events(vol);
    await stream.next('ready');
    const target = openAt('cm-xinhua');
    const assign = (userId: number | null) => as(server, li).post(`/api/requests/${target.id}/assign`, { userId });
    await move(li, target.id, 'deliberate');
    expect((await assign(vol.user.id)).status).toBe(200);
    await stream.next('request', (e) => e.data.includes(target.id) && e.data.includes('"assigned"'));
    expect((await assign(null)).status).toBe(200);
    const gone = await stream.next('gone');
    expect(JSON.parse(gone.data)).toEqual({ id: target.id });
    expect(stream.events.filter((e) => e.event === 'request' && e.data.includes('"moved"') && e.data.includes(target.id))).toEqual([]);
  });

  it('ends the stream when the session ends (logout)', async () => {
    const other = await login(server, 'li');
    const stream = await events(other);
    await stream.next('ready');
    expect((await as(server, other).post('/api/logout', {})).status).toBe(204);
    await stream.next('ended', undefined, 3_000);
    await stream.ended;
  });

  it('tells staff to read again when another process changes the ledger', async () => {
    const stream = await events(li);
    await stream.next('ready');
    const outside = new SqliteLedgerStore(server.dbFile);
    try {
      outside.moveRequest(openAt('cm-xinhua').id, { stage: 'deliberate', actor: 'ledger-cli' });
    } finally {
      outside.close();
    }
    expect(JSON.parse((await stream.next('reset', undefined, 5_000)).data).reason).toMatch(/outside this server/);
  });
});

describe('resuming with Last-Event-ID', () => {
  it('replays exactly the missed changes in scope; an id too old, from another start or not an id gets a reset', async () => {
    const first = await events(li);
    const ready = await first.next('ready');
    first.close();
    const a = openAt('cm-xinhua');
    await move(li, a.id, 'deliberate');
    const b = openAt('cm-xinhua');
    await move(li, b.id, 'deliberate');
    await move(zhao, openAt('cm-puxia').id, 'deliberate');

    const resumed = await events(li, '', { 'last-event-id': ready.id! });
    await expect.poll(() => resumed.events.filter((e) => e.event === 'request').length).toBe(2);
    const replayed = resumed.events.filter((e) => e.event === 'request').map((e) => (JSON.parse(e.data) as { request: LedgerRequest }).request.id);
    expect(replayed).toEqual([a.id, b.id]);
    expect(resumed.events.some((e) => e.event === 'reset')).toBe(false);
    // The same through the query (a client that opens a new EventSource itself).
    const byQuery = await events(li, `?lastEventId=${encodeURIComponent(ready.id!)}`);
    await expect.poll(() => byQuery.events.filter((e) => e.event === 'request').length).toBe(2);

    // The ring keeps 4 events: after 4 more, the id is too old.
    const theirs = openAt('cm-puxia', 'deliberate');
    for (const userId of [zhao.user.id, null, zhao.user.id, null])
      expect((await as(server, zhao).post(`/api/requests/${theirs.id}/assign`, { userId })).status).toBe(200);
    for (const id of [ready.id!, '0-1', 'nonsense', `${ready.id!.split('-')[0]}-99999`]) {
      const stream = await events(li, '', { 'last-event-id': id });
      await stream.next('reset');
      expect(stream.events.some((e) => e.event === 'request')).toBe(false);
    }
  });
});

describe('shutdown', () => {
  it('app.close() ends open event streams instead of waiting for them', async () => {
    const other = await startTestServer({ liveHeartbeatMs: 60_000 });
    try {
      const open = await openEvents(`${other.url}/api/events`);
      await open.next('aggregates');
      // A close that waited for the client would hang here until the test's timeout.
      await other.app.close();
      await open.ended;
    } finally {
      await other.close().catch(() => {});
    }
  });
});
