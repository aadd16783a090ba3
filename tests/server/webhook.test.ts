import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, createContext } from '../../src/server/app';
import { createScheduler } from '../../src/server/scheduler';
import type { LedgerStore } from '../../src/server/store/types';
import { parseWebhookUrl, retryDelayMs } from '../../src/server/webhook';
import { SAMPLE_DIR, startTestServer, type TestServer } from './helpers';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Before the sample's oldest request: only the requests a test makes are late. */
const T0 = new Date('2026-07-01T09:00:00+08:00');
const at = (ms: number) => new Date(T0.getTime() + ms);

interface Delivery {
  body: Record<string, unknown>;
  contentType: string | undefined;
}

/** A webhook receiver on 127.0.0.1 and a free port; `answer` decides each reply (or never replies). */
async function receiver(answer: (d: Delivery, n: number, res: ServerResponse) => void) {
  const received: Delivery[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const d = { body: JSON.parse(text) as Record<string, unknown>, contentType: req.headers['content-type'] };
      received.push(d);
      open.add(res);
      res.on('close', () => open.delete(res));
      answer(d, received.length, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/escalation`,
    received,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serverWith(webhookUrl: string, extra: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const s = await startTestServer({ webhookUrl, ...extra });
  cleanups.push(() => s.close());
  return s;
}

/** A request made `lateDays` past its 7-day cycle at T0 (so under 2 days late: the grid only). */
function lateRequest(store: LedgerStore, patch: { description?: string; compoundId?: string } = {}, lateDays = 0.5) {
  return store.createRequest(
    {
      serviceCode: 'repair',
      lon: 119.33,
      lat: 26.09,
      requestedAt: new Date(T0.getTime() - (7 + lateDays) * DAY).toISOString(),
      source: 'intake',
      description: '楼道灯坏了，张三 13800000000',
      reporter: { name: '张三', phone: '13800000000', email: 'z@example.org', deviceId: 'dev-1' },
      compoundId: 'c-013',
      gridId: 'g-01',
      communityId: 'xinhua',
      ...patch,
    },
    'resident',
  );
}

describe('webhook URL', () => {
  it('accepts http: and https: only, with a clear message', () => {
    expect(parseWebhookUrl('https://hooks.example.org/escalation').href).toBe('https://hooks.example.org/escalation');
    expect(parseWebhookUrl('http://127.0.0.1:9000/x').protocol).toBe('http:');
    expect(() => parseWebhookUrl('file:///etc/passwd')).toThrow(/must start with http: or https:, not file:/);
    expect(() => parseWebhookUrl('ftp://example.org/')).toThrow(/http: or https:/);
    expect(() => parseWebhookUrl('hooks.example.org')).toThrow(/is not a URL/);
  });

  it('is checked when the server is built, before anything runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-webhook-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const ctx = await createContext({ dataDir: SAMPLE_DIR, dbFile: join(dir, 'l.sqlite'), webhookUrl: 'javascript:alert(1)', schedulerIntervalMs: 0 });
    await expect(buildServer(ctx)).rejects.toThrow(/http: or https:/);
    ctx.store.close();
  });

  it('waits 1, 2, 4, 8 … minutes between attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([1, 2, 4, 8, 16, 32, 64].map((m) => m * MINUTE));
  });
});

describe('escalation webhook (吹哨)', () => {
  it('posts each new escalation as JSON without personal data; a receiver failing twice gets it on the third attempt', async () => {
    const hook = await receiver((_d, n, res) => {
      res.writeHead(n <= 2 ? 500 : 204).end();
    });
    cleanups.push(() => hook.close());
    const s = await serverWith(hook.url);
    const r = lateRequest(s.ctx.store);
    const scheduler = createScheduler(s.ctx);
    const state = () => s.ctx.store.escalations(r.id)[0]!;

    expect(await scheduler.runOnce(T0)).toMatchObject({ recorded: 1, deliveries: 1 });
    expect(state()).toMatchObject({ level: 'grid', webhookState: 'pending', attempts: 1, lastError: 'HTTP 500', nextAttemptAt: at(MINUTE).toISOString() });

    // Not due yet: nothing is sent.
    expect((await scheduler.runOnce(at(30_000))).deliveries).toBe(0);
    expect(hook.received).toHaveLength(1);

    await scheduler.runOnce(at(MINUTE));
    expect(state()).toMatchObject({ webhookState: 'pending', attempts: 2, nextAttemptAt: at(3 * MINUTE).toISOString() });

    await scheduler.runOnce(at(3 * MINUTE));
    expect(state()).toMatchObject({ webhookState: 'sent', attempts: 3, nextAttemptAt: null, lastError: null });
    expect(hook.received).toHaveLength(3);

    // Sent is final.
    expect((await scheduler.runOnce(at(DAY / 2))).deliveries).toBe(0);
    expect(hook.received).toHaveLength(3);

    const payload = hook.received[2]!.body;
    expect(hook.received[2]!.contentType).toBe('application/json');
    expect(payload).toEqual({
      event: 'escalation',
      request_id: r.id,
      level: 'grid',
      stage: 'collect',
      service_code: 'repair',
      compound_id: 'c-013',
      grid_id: 'g-01',
      community_id: 'xinhua',
      requested_at: r.requestedAt,
      overdue_hours: 12,
      at: T0.toISOString(),
    });
    // Every attempt carries the same escalation.
    expect(hook.received[0]!.body).toEqual(payload);
    const text = JSON.stringify(hook.received);
    for (const secret of ['张三', '13800000000', 'z@example.org', 'dev-1', '楼道灯']) expect(text).not.toContain(secret);
  });

  it('posts every level a request reaches, each once', async () => {
    const hook = await receiver((_d, _n, res) => res.writeHead(200).end('ok'));
    cleanups.push(() => hook.close());
    const s = await serverWith(hook.url);
    const r = lateRequest(s.ctx.store, {}, 11);
    const scheduler = createScheduler(s.ctx);
    expect(await scheduler.runOnce(T0)).toMatchObject({ recorded: 4, deliveries: 4 });
    await scheduler.runOnce(at(DAY));
    expect(hook.received.map((d) => d.body.level).sort()).toEqual(['community', 'district', 'grid', 'town']);
    expect(hook.received.every((d) => d.body.request_id === r.id && d.body.overdue_hours === 11 * 24)).toBe(true);
    expect(s.ctx.store.escalations(r.id).every((e) => e.webhookState === 'sent' && e.attempts === 1)).toBe(true);
  });

  it('gives up after 8 attempts over about two hours, keeping the last error', async () => {
    const hook = await receiver((_d, _n, res) => res.writeHead(503).end());
    cleanups.push(() => hook.close());
    const s = await serverWith(hook.url);
    const r = lateRequest(s.ctx.store);
    const scheduler = createScheduler(s.ctx);
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) {
      await scheduler.runOnce(now);
      const e = s.ctx.store.escalations(r.id)[0]!;
      if (e.webhookState !== 'pending') break;
      const next = new Date(e.nextAttemptAt!);
      waits.push(next.getTime() - now.getTime());
      now = next;
    }
    expect(s.ctx.store.escalations(r.id)[0]).toMatchObject({ webhookState: 'failed', attempts: 8, lastError: 'HTTP 503', nextAttemptAt: null });
    expect(hook.received).toHaveLength(8);
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64].map((m) => m * MINUTE));
  });

  it('a receiver that never answers costs one slot until its timeout: the other escalations are delivered meanwhile, and it is retried later', async () => {
    let stuckOpen: ServerResponse | null = null;
    const stuckStillOpenWhenOthersArrived: boolean[] = [];
    const hook = await receiver((d, _n, res) => {
      if (d.body.compound_id === 'c-001') {
        stuckOpen = res;
        return;
      }
      stuckStillOpenWhenOthersArrived.push(stuckOpen !== null && !stuckOpen.destroyed);
      res.writeHead(200).end();
    });
    cleanups.push(() => hook.close());
    const s = await serverWith(hook.url);
    // The stuck one is made first, so it is first in line.
    const stuck = lateRequest(s.ctx.store, { compoundId: 'c-001' });
    const others = ['c-002', 'c-003', 'c-004', 'c-005'].map((compoundId) => lateRequest(s.ctx.store, { compoundId }));
    const scheduler = createScheduler(s.ctx, { webhook: { timeoutMs: 3_000, concurrency: 2 } });

    expect(await scheduler.runOnce(T0)).toMatchObject({ recorded: 5, deliveries: 5 });
    // All four others were delivered while the stuck one was still waiting for its answer.
    expect(stuckStillOpenWhenOthersArrived).toEqual([true, true, true, true]);

    expect(s.ctx.store.escalations(stuck.id)[0]).toMatchObject({ webhookState: 'pending', attempts: 1, nextAttemptAt: at(MINUTE).toISOString() });
    expect(s.ctx.store.escalations(stuck.id)[0]!.lastError).toMatch(/no answer within 3000 ms/);
    for (const o of others) expect(s.ctx.store.escalations(o.id)[0]).toMatchObject({ webhookState: 'sent', attempts: 1 });
  });

  it('keeps pending deliveries across a restart, and closing the server aborts a delivery in flight', async () => {
    const hung: ServerResponse[] = [];
    let answering = false;
    const hook = await receiver((_d, _n, res) => {
      if (answering) res.writeHead(200).end();
      else hung.push(res);
    });
    cleanups.push(() => hook.close());
    const dir = mkdtempSync(join(tmpdir(), 'ledger-webhook-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbFile = join(dir, 'ledger.sqlite');

    const first = await startTestServer({ dbFile, webhookUrl: hook.url });
    const r = lateRequest(first.ctx.store);
    // A long timeout: only closing the server can end this delivery within the test's time.
    const scheduler = createScheduler(first.ctx, { webhook: { timeoutMs: 600_000 } });
    const run = scheduler.runOnce(T0);
    await expect.poll(() => hung.length).toBe(1);
    scheduler.stop();
    await run;
    await first.close();
    hung[0]!.destroy();

    answering = true;
    const second = await startTestServer({ dbFile, webhookUrl: hook.url });
    cleanups.push(() => second.close());
    expect(second.ctx.store.escalations(r.id)[0]).toMatchObject({ webhookState: 'pending', attempts: 0 });
    await createScheduler(second.ctx).runOnce(at(MINUTE));
    expect(second.ctx.store.escalations(r.id)[0]).toMatchObject({ webhookState: 'sent', attempts: 1 });
    expect(hook.received.map((d) => d.body.request_id)).toEqual([r.id, r.id]);
  });

  it('never holds up the API: the server answers while its scheduler waits on a dead receiver', async () => {
    const hung: ServerResponse[] = [];
    const hook = await receiver((_d, _n, res) => hung.push(res));
    cleanups.push(() => hook.close());
    // The sample's open requests are all late in December: the first tick posts hundreds of escalations.
    const s = await serverWith(hook.url, { now: () => new Date('2026-12-04T09:00:00+08:00'), schedulerIntervalMs: 3_600_000 });
    await expect.poll(() => hung.length).toBeGreaterThanOrEqual(4);
    const res = await fetch(`${s.url}/data/yuefeng-sample/manifest.json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe('yuefeng-sample');
    expect(s.ctx.store.escalations().length).toBeGreaterThan(100);
    expect(hung.length).toBe(4);
  });
});
