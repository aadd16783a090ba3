import { afterEach, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../src/server/auth/apiKeys';
import { startTestServer, type TestServer } from './helpers';
import { call, compoundPoint, isErrorArray, report } from './intakeHelpers';
import { addUser, login } from './staff-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose clock the test moves. */
async function limitedServer(perIp: number, perCompound: number) {
  const clock = { now: new Date('2026-12-04T09:00:00+08:00').getTime() };
  server = await startTestServer({ intakePerIpPerHour: perIp, intakePerCompoundPerHour: perCompound, now: () => new Date(clock.now) });
  return { server, clock };
}

const PHONE_A = '127.0.0.2';
const PHONE_B = '127.0.0.3';

describe('intake limits', () => {
  it('answers 429 with a clear message in Chinese and English once one phone has sent its hourly share, and again after the hour', async () => {
    const { server, clock } = await limitedServer(3, 100);
    for (let i = 0; i < 3; i++) expect((await report(server, {}, { localAddress: PHONE_A })).status).toBe(201);
    const before = server.ctx.store.countRequests();
    const refused = await report(server, {}, { localAddress: PHONE_A });
    expect(refused.status).toBe(429);
    expect(isErrorArray(refused.json)).toBe(true);
    const message = (refused.json as { description: string }[])[0]!.description;
    expect(message).toContain('提交太频繁，请稍后再试或拨打社区电话');
    expect(message).toMatch(/Too many reports/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(server.ctx.store.countRequests()).toBe(before);
    // Another phone at the same compound is not held back by the first one.
    expect((await report(server, {}, { localAddress: PHONE_B })).status).toBe(201);
    // A sliding hour: 59 minutes later still refused, after the hour allowed again.
    clock.now += 59 * 60_000;
    expect((await report(server, {}, { localAddress: PHONE_A })).status).toBe(429);
    clock.now += 2 * 60_000;
    expect((await report(server, {}, { localAddress: PHONE_A })).status).toBe(201);
  });

  it('answers 429 once one compound has had its hourly share, while other compounds go on', async () => {
    const { server } = await limitedServer(100, 2);
    expect((await report(server, {}, { localAddress: PHONE_A })).status).toBe(201);
    expect((await report(server, {}, { localAddress: PHONE_B })).status).toBe(201);
    const third = await report(server, {}, { localAddress: '127.0.0.4' });
    expect(third.status).toBe(429);
    expect((third.json as { description: string }[])[0]!.description).toContain('提交太频繁');
    const elsewhere = await compoundPoint(server, 'c-013');
    expect((await report(server, { ...elsewhere, compound_id: 'c-013' }, { localAddress: '127.0.0.4' })).status).toBe(201);
  });

  it('does not count refused reports against a phone', async () => {
    const { server } = await limitedServer(2, 100);
    for (let i = 0; i < 5; i++) expect((await report(server, { description: '' }, { localAddress: PHONE_A })).status).toBe(400);
    expect((await report(server, {}, { localAddress: PHONE_A })).status).toBe(201);
    expect((await report(server, {}, { localAddress: PHONE_A })).status).toBe(201);
    expect((await report(server, {}, { localAddress: PHONE_A })).status).toBe(429);
  });

  it('does not limit a system with an API key (a hotline files for many callers)', async () => {
    const { server } = await limitedServer(1, 1);
    const { key } = issueApiKey(server.ctx.store, '12345 hotline');
    for (let i = 0; i < 5; i++) expect((await report(server, {}, { headers: { 'x-api-key': key } })).status).toBe(201);
    // The key's reports did not use up the anonymous share.
    expect((await report(server)).status).toBe(201);
    expect((await report(server)).status).toBe(429);
    // A wrong key is no key.
    expect((await report(server, {}, { headers: { 'x-api-key': 'sc_forged' } })).status).toBe(429);
  });

  it('does not limit logged-in staff filing for residents at the counter', async () => {
    const { server } = await limitedServer(1, 1);
    await addUser(server, { username: 'counter', role: 'community_worker', communityId: 'cm-xinhua' });
    const { cookie } = await login(server, 'counter');
    for (let i = 0; i < 3; i++) expect((await report(server, {}, { headers: { cookie } })).status).toBe(201);
    expect((await report(server, {}, { headers: { cookie: 'sc_session=forged' } })).status).toBe(201);
    expect((await report(server)).status).toBe(429);
  });
});

describe('intake limits do not touch reading', () => {
  it('keeps answering the page and tracking reads for a limited phone', async () => {
    const { server } = await limitedServer(1, 1);
    expect((await report(server, {}, { localAddress: PHONE_A })).status).toBe(201);
    expect((await report(server, {}, { localAddress: PHONE_A })).status).toBe(429);
    expect((await call(server, 'GET', '/api/intake/services', undefined, { localAddress: PHONE_A })).status).toBe(200);
  });
});
