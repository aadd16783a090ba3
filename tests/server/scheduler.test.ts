import { afterEach, describe, expect, it } from 'vitest';
import { escalationList, DEFAULT_WORKFLOW, ESCALATION_LEVELS, STAGED_WORKFLOW } from '../../src/domain/volunteers/workflow';
import type { LedgerChange } from '../../src/server/context';
import { createScheduler, startScheduler } from '../../src/server/scheduler';
import type { LedgerStore } from '../../src/server/store/types';
import { startTestServer, type TestServer } from './helpers';

const DAY = 86_400_000;
/** After the sample's newest request (31 October 2026) by a month: most open ones are late. */
const DECEMBER = new Date('2026-12-04T09:00:00+08:00');
/** Before the sample's oldest request (2 August 2026): nothing of the sample is late yet. */
const JULY = new Date('2026-07-01T09:00:00+08:00');

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function changes(s: TestServer): LedgerChange[] {
  const seen: LedgerChange[] = [];
  s.ctx.events.on('change', (c: LedgerChange) => seen.push(c));
  return seen;
}

function newRequest(store: LedgerStore, requestedAt: Date, patch: Partial<Parameters<LedgerStore['createRequest']>[0]> = {}) {
  return store.createRequest({ serviceCode: 'repair', lon: 119.33, lat: 26.09, requestedAt: requestedAt.toISOString(), source: 'staff', ...patch }, 'tester');
}

describe('SLA scheduler (吹哨) on the sample ledger', () => {
  it('records every level each overdue open request has reached, as the workflow rules say, and nothing for the rest', async () => {
    server = await startTestServer({ now: () => DECEMBER });
    const seen = changes(server);
    const run = await createScheduler(server.ctx).runOnce(DECEMBER);

    // The app's own escalation list over the dataset is the reference.
    const late = escalationList(server.ctx.dataset.requests.features, DECEMBER, DEFAULT_WORKFLOW, 'Asia/Shanghai');
    expect(late.length).toBeGreaterThan(50);
    const expectedRecords = late.reduce((n, t) => n + ESCALATION_LEVELS.indexOf(t.timing.escalation!) + 1, 0);
    expect(run).toMatchObject({ checked: 111, requests: late.length, recorded: expectedRecords, deliveries: 0 });

    const store = server.ctx.store;
    for (const { request, timing } of late) {
      const id = request.properties.service_request_id;
      expect(store.getRequest(id)?.escalation).toBe(timing.escalation);
      const levels = store.escalations(id).map((e) => e.level);
      expect(levels).toEqual(ESCALATION_LEVELS.slice(0, ESCALATION_LEVELS.indexOf(timing.escalation!) + 1));
      // No webhook configured: nothing pending.
      expect(store.escalations(id).every((e) => e.webhookState === 'none' && e.at === DECEMBER.toISOString())).toBe(true);
    }
    const lateIds = new Set(late.map((t) => t.request.properties.service_request_id));
    for (const r of store.listRequests()) if (!lateIds.has(r.id)) expect(r.escalation).toBeNull();

    // One live change per escalated request, carrying the request with its new level.
    expect(seen).toHaveLength(late.length);
    expect(seen.every((c) => c.kind === 'escalated' && c.request.escalation !== null)).toBe(true);
  });

  it('records nothing twice: a second pass at the same time writes and announces nothing', async () => {
    server = await startTestServer();
    const scheduler = createScheduler(server.ctx);
    const first = await scheduler.runOnce(DECEMBER);
    const total = server.ctx.store.escalations().length;
    const seen = changes(server);
    const second = await scheduler.runOnce(DECEMBER);
    expect(first.recorded).toBeGreaterThan(0);
    expect(second).toMatchObject({ checked: 111, recorded: 0, requests: 0 });
    expect(server.ctx.store.escalations()).toHaveLength(total);
    expect(seen).toEqual([]);
  });

  it('walks in slices and lets the event loop run between them, with the same outcome', async () => {
    server = await startTestServer();
    let turns = 0;
    let walking = true;
    const spin = () => {
      turns++;
      if (walking) setImmediate(spin);
    };
    setImmediate(spin);
    const run = await createScheduler(server.ctx, { pageSize: 10 }).runOnce(DECEMBER);
    walking = false;
    const late = escalationList(server.ctx.dataset.requests.features, DECEMBER, DEFAULT_WORKFLOW, 'Asia/Shanghai');
    expect(run).toMatchObject({ checked: 111, requests: late.length });
    // 111 open requests in slices of 10: other work got at least one turn between slices.
    expect(turns).toBeGreaterThanOrEqual(11);
  });
});

describe('SLA scheduler with a fake clock', () => {
  it('climbs the ladder as time passes: nothing before the deadline, then grid, community, town, district', async () => {
    server = await startTestServer();
    const t0 = new Date('2026-06-01T10:00:00+08:00');
    const r = newRequest(server.ctx.store, t0);
    const scheduler = createScheduler(server.ctx);
    const levelsAt = async (days: number) => {
      await scheduler.runOnce(new Date(t0.getTime() + days * DAY));
      return server!.ctx.store.escalations(r.id).map((e) => e.level);
    };
    expect(await levelsAt(6.99)).toEqual([]);
    expect(await levelsAt(7.01)).toEqual(['grid']);
    expect(await levelsAt(8.9)).toEqual(['grid']);
    expect(await levelsAt(9.01)).toEqual(['grid', 'community']);
    expect(await levelsAt(12.01)).toEqual(['grid', 'community', 'town']);
    expect(await levelsAt(17.01)).toEqual(['grid', 'community', 'town', 'district']);
    expect(await levelsAt(40)).toEqual(['grid', 'community', 'town', 'district']);
    const records = server.ctx.store.escalations(r.id);
    expect(records.map((e) => e.at)).toEqual([7.01, 9.01, 12.01, 17.01].map((d) => new Date(t0.getTime() + d * DAY).toISOString()));
    expect(server.ctx.store.getRequest(r.id)?.escalation).toBe('district');
  });

  it('leaves closed requests and requests in the future alone', async () => {
    server = await startTestServer();
    const closed = newRequest(server.ctx.store, new Date('2026-05-01T10:00:00+08:00'), { status: 'closed', stage: 'rate' });
    const future = newRequest(server.ctx.store, new Date('2026-07-05T10:00:00+08:00'));
    const run = await createScheduler(server.ctx).runOnce(JULY);
    expect(run.recorded).toBe(0);
    expect(server.ctx.store.escalations(closed.id)).toEqual([]);
    expect(server.ctx.store.escalations(future.id)).toEqual([]);
  });

  it('follows the configured stage limits: a request still being collected after a day is late under the staged workflow', async () => {
    server = await startTestServer({ workflow: STAGED_WORKFLOW });
    const t0 = new Date('2026-06-20T10:00:00+08:00');
    const collecting = newRequest(server.ctx.store, t0, { stage: 'collect' });
    const executing = newRequest(server.ctx.store, t0, { stage: 'execute' });
    await createScheduler(server.ctx).runOnce(new Date(t0.getTime() + 1.5 * DAY));
    expect(server.ctx.store.escalations(collecting.id).map((e) => e.level)).toEqual(['grid']);
    expect(server.ctx.store.escalations(executing.id)).toEqual([]);
  });

  it('keeps escalations of a request that was late, after it moves on', async () => {
    server = await startTestServer();
    const t0 = new Date('2026-06-01T10:00:00+08:00');
    const r = newRequest(server.ctx.store, t0);
    const scheduler = createScheduler(server.ctx);
    await scheduler.runOnce(new Date(t0.getTime() + 8 * DAY));
    server.ctx.store.moveRequest(r.id, { stage: 'rate', status: 'closed', actor: 'tester' });
    await scheduler.runOnce(new Date(t0.getTime() + 30 * DAY));
    expect(server.ctx.store.escalations(r.id).map((e) => e.level)).toEqual(['grid']);
  });
});

describe('SLA scheduler in a running server', () => {
  it('runs on its own timer right after start, and a failing pass is logged, never thrown', async () => {
    server = await startTestServer({ now: () => DECEMBER });
    const errors: string[] = [];
    const infos: string[] = [];
    const log = { info: (_: object, m: string) => infos.push(m), warn() {}, error: (_: object, m: string) => errors.push(m) };

    const recorded = new Promise<void>((resolve) => server!.ctx.events.once('change', () => resolve()));
    const running = startScheduler({ ...server.ctx, config: { ...server.ctx.config, schedulerIntervalMs: 3_600_000 } }, log);
    await recorded;
    running.stop();
    expect(server.ctx.store.escalations().length).toBeGreaterThan(0);

    const broken: LedgerStore = Object.create(server.ctx.store, {
      openRequestsAfter: {
        value: () => {
          throw new Error('disk on fire');
        },
      },
    });
    const failing = startScheduler({ ...server.ctx, store: broken, config: { ...server.ctx.config, schedulerIntervalMs: 3_600_000 } }, log);
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    failing.stop();
    expect(errors[0]).toMatch(/SLA scheduler/);
  });

  it('does nothing once stopped', async () => {
    server = await startTestServer();
    const scheduler = createScheduler(server.ctx);
    scheduler.stop();
    expect(await scheduler.runOnce(DECEMBER)).toEqual({ checked: 0, recorded: 0, requests: 0, deliveries: 0 });
    expect(server.ctx.store.escalations()).toEqual([]);
  });
});
