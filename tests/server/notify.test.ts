import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Wish } from '../../src/domain/volunteers/wishes';
import type { MatchPayload } from '../../src/server/notify';
import { createScheduler } from '../../src/server/scheduler';
import { startTestServer, type TestServer } from './helpers';
import { addUser, as, login, type Login } from './staff-helpers';

const PHONE = /(?<![\d.])1[3-9]\d{9}(?!\d)/;
const now = new Date('2026-10-31T18:00:00+08:00');
let receiver: Server;
const received: MatchPayload[] = [];
/** Answers 500 while true (a receiver that is down). */
let failing = false;
let server: TestServer;
let li: Login;
let vol: Login;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (failing) return res.writeHead(500).end();
      const payload = JSON.parse(body) as MatchPayload | { event: 'escalation' };
      // The same receiver gets escalations (吹哨) too; this test is about matches.
      if (payload.event === 'volunteer_matched') received.push(payload);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  server = await startTestServer({ now: () => now, webhookUrl: `http://127.0.0.1:${port}/hooks/volunteers` });
  await addUser(server, { username: 'li', role: 'community_worker', communityId: 'cm-xinhua' });
  const volunteer = await addUser(server, { username: 'xiaochen', role: 'volunteer', volunteerId: 'v-017' });
  expect(volunteer.id).toBeGreaterThan(0);
  [li, vol] = [await login(server, 'li'), await login(server, 'xiaochen')];
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('a volunteer matched is told through the webhook (notify.ts)', () => {
  it('assigning a request to a volunteer posts who and where, never the resident or the text', async () => {
    const request = server.ctx.store.listRequests({ communityIds: ['cm-xinhua'], status: 'open' }).find((r) => r.description)!;
    expect((await as(server, li).post(`/api/requests/${request.id}/assign`, { userId: vol.user.id })).status).toBe(200);
    await expect.poll(() => received.length).toBe(1);
    const payload = received[0]!;
    expect(payload).toEqual({
      event: 'volunteer_matched',
      notification_id: expect.any(Number),
      match: 'request',
      volunteer: { user_id: vol.user.id, username: 'xiaochen', volunteer_id: 'v-017' },
      request_id: request.id,
      service_code: request.serviceCode,
      stage: request.stage,
      expected_at: request.expectedAt,
      compound_id: request.compoundId,
      grid_id: request.gridId,
      community_id: request.communityId,
      at: now.toISOString(),
    });
    const text = JSON.stringify(payload);
    expect(text).not.toMatch(PHONE);
    expect(text).not.toContain(request.description!);
    expect(text).not.toContain(String(request.lon));
    // Assigning the same volunteer again is no new match; assigning a worker is none at all.
    expect((await as(server, li).post(`/api/requests/${request.id}/assign`, { userId: vol.user.id })).status).toBe(200);
    expect((await as(server, li).post(`/api/requests/${request.id}/assign`, { userId: li.user.id })).status).toBe(200);
    expect(server.ctx.store.notifications.list()).toHaveLength(1);
  });

  it('claiming a wish posts the wish id, skill and claim deadline, not its text; a receiver that is down gets it later (retries with a controlled clock)', async () => {
    const posted = (await (await as(server, li).post('/api/wishes', { compoundId: 'c-001', text: '陪独居老人聊聊天', skill: 'companionship' })).json()) as Wish;
    failing = true;
    expect((await as(server, vol).post(`/api/wishes/${posted.id}/claim`, {})).status).toBe(200);
    await expect.poll(() => server.ctx.store.notifications.list().at(-1)!.attempts).toBe(1);
    expect(server.ctx.store.notifications.list().at(-1)).toMatchObject({ webhookState: 'pending', lastError: 'HTTP 500' });
    failing = false;
    const scheduler = createScheduler(server.ctx);
    try {
      // Not yet due: the first retry waits a minute.
      await scheduler.runOnce(now);
      expect(received).toHaveLength(1);
      await scheduler.runOnce(new Date(now.getTime() + 61_000));
    } finally {
      scheduler.stop();
    }
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({
      match: 'wish',
      wish_id: posted.id,
      skill: 'companionship',
      compound_id: 'c-001',
      volunteer: { volunteer_id: 'v-017' },
    });
    expect(received[1]!.claim_expires_at).toBe(server.ctx.store.wishes.get(posted.id)!.claimExpiresAt);
    expect(JSON.stringify(received[1])).not.toContain('陪独居老人聊聊天');
    expect(server.ctx.store.notifications.list().at(-1)).toMatchObject({ webhookState: 'sent', attempts: 2 });
  });
});
