import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vote } from '../../src/domain/votes';
import { createScheduler } from '../../src/server/scheduler';
import type { LedgerRequest } from '../../src/server/store/types';
import type { PublicVote } from '../../src/server/votes/publicView';
import { startTestServer, type TestServer } from './helpers';
import { addUser, as, errorOf, login, post, type Login } from './staff-helpers';

/** The server's clock, moved by the tests: a vote opened on a Friday morning runs to Saturday 18:00. */
let now = new Date('2026-12-04T09:00:00+08:00');
const DEADLINE = '2026-12-05T18:00:00+08:00';
let server: TestServer;
let li: Login;
let zhao: Login;
let volunteer: Login;
const api = (who: Login) => as(server, who);

/** A request of 前横小区 (c-001, 新华社区) at `stage`, filed through the store as a worker would. */
function requestAt(stage: LedgerRequest['stage']): LedgerRequest {
  const place = server.ctx.places.ofCompound('c-001');
  return server.ctx.store.createRequest(
    { serviceCode: 'environment', description: '楼道堆物，张阿姨 13912345678', lon: 120.1, lat: 30.1, ...place, compoundId: 'c-001', stage, source: 'staff' },
    'li',
  );
}

async function open(who: Login, requestId: string, body: Record<string, unknown>): Promise<Response> {
  return api(who).post(`/api/requests/${requestId}/votes`, body);
}

async function opened(requestId: string, codes = 3): Promise<{ vote: Vote; codes: string[] }> {
  const res = await open(li, requestId, { question: '楼道堆物怎么处理？', options: ['统一清运', '各户自理', '设临时堆放点'], deadline: DEADLINE, codes });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { vote: Vote; codes: string[] };
}

const ballot = (voteId: string, code: string, option: number) => post(server, `/api/votes/${voteId}/ballots`, { code, option });
const publicVote = async (voteId: string) => (await (await fetch(`${server.url}/api/votes/${voteId}`)).json()) as PublicVote;

beforeAll(async () => {
  server = await startTestServer({ now: () => now });
  await addUser(server, { username: 'li', role: 'community_worker', communityId: 'cm-xinhua' });
  await addUser(server, { username: 'zhao', role: 'community_worker', communityId: 'cm-puxia' });
  await addUser(server, { username: 'v6', role: 'volunteer', volunteerId: 'v-006' });
  [li, zhao, volunteer] = (await Promise.all(['li', 'zhao', 'v6'].map((u) => login(server, u)))) as [Login, Login, Login];
});
afterAll(async () => server?.close());

describe('a vote on a request (民主协商议事)', () => {
  it('one household code votes once, a second use is refused, a wrong code is refused, and the result is what was cast', async () => {
    const request = requestAt('deliberate');
    const { vote, codes } = await opened(request.id, 4);
    expect(vote).toMatchObject({
      id: expect.stringMatching(/^V-\d{6}$/),
      state: 'open',
      options: ['统一清运', '各户自理', '设临时堆放点'],
      codesIssued: 4,
      ballots: 0,
    });
    expect(codes).toHaveLength(4);
    expect(new Set(codes).size).toBe(4);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    // Only hashes are kept: no code appears anywhere in the ledger file's tables.
    const stored =
      JSON.stringify(server.ctx.store.votes.get(vote.id)) +
      JSON.stringify((server.ctx.store as unknown as { db: { prepare(s: string): { all(): unknown[] } } }).db.prepare('SELECT * FROM vote_codes').all());
    for (const code of codes) expect(stored).not.toContain(code);

    const [a, b, c, d] = codes as [string, string, string, string];
    expect((await ballot(vote.id, a, 0)).status).toBe(201);
    // A person types it in lower case with the dash of the slip: still the same code.
    expect((await ballot(vote.id, `${b.slice(0, 4).toLowerCase()}-${b.slice(4).toLowerCase()}`, 0)).status).toBe(201);
    const third = await ballot(vote.id, c, 2);
    expect(third.status).toBe(201);
    // Before the close only the number of ballots shows, not how they went.
    expect(await third.json()).toMatchObject({ state: 'open', ballots: 3, result: null });

    const again = await ballot(vote.id, a, 1);
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatch(/used already: each household votes once/);
    const wrong = await ballot(vote.id, 'ABCD2345', 1);
    expect(wrong.status).toBe(403);
    expect(await errorOf(wrong)).toMatch(/not valid for this vote/);
    const garbage = await ballot(vote.id, '<script>', 1);
    expect(garbage.status).toBe(403);
    for (const body of [{ code: d, option: 3 }, { code: d, option: -1 }, { code: d, option: 'A' }, { code: d }, { option: 1 }]) {
      const res = await post(server, `/api/votes/${vote.id}/ballots`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      await errorOf(res);
    }
    // None of the refusals counted or used up code d.
    expect((await publicVote(vote.id)).ballots).toBe(3);

    const close = await api(li).post(`/api/votes/${vote.id}/close`, {});
    expect(close.status, await close.clone().text()).toBe(200);
    const result = await publicVote(vote.id);
    expect(result).toMatchObject({ state: 'closed', ballots: 3, compound: { id: 'c-001' } });
    expect(result.result).toEqual([
      { option: '统一清运', count: 2 },
      { option: '各户自理', count: 0 },
      { option: '设临时堆放点', count: 1 },
    ]);
    // The unused code d cannot vote after the close.
    const late = await ballot(vote.id, d, 1);
    expect(late.status).toBe(410);
    expect(await errorOf(late)).toMatch(/closed/);

    // The result is recorded in the request's file; at 民主协商议事 the request stays there.
    const history = server.ctx.store.history(request.id);
    expect(history.at(-1)).toMatchObject({
      actor: 'li',
      fromStage: 'deliberate',
      toStage: 'deliberate',
      note: `vote ${vote.id} closed, 3 ballot(s): 统一清运 2 · 各户自理 0 · 设临时堆放点 1`,
    });
    // The public answers carry no code, no reporter, no request text, no staff name.
    const text = JSON.stringify(result) + JSON.stringify(await (await fetch(`${server.url}/api/track/request/${request.id}`)).json());
    for (const secret of [...codes, '13912345678', '张阿姨', '楼道堆物，', '"li"']) expect(text).not.toContain(secret);
  });

  it('a vote past its deadline refuses ballots, settles on the scheduler tick, moves an execute request to 公示 and shows on the tracking page', async () => {
    const request = requestAt('execute');
    const { vote, codes } = await opened(request.id, 3);
    const changes: string[] = [];
    const listener = (c: { request: LedgerRequest }) => c.request.id === request.id && changes.push(`${c.request.id}:${c.request.stage}`);
    server.ctx.events.on('change', listener);
    try {
      expect((await ballot(vote.id, codes[0]!, 1)).status).toBe(201);
      expect((await ballot(vote.id, codes[1]!, 1)).status).toBe(201);
      now = new Date(Date.parse(DEADLINE) + 60_000);
      const late = await ballot(vote.id, codes[2]!, 0);
      expect(late.status).toBe(410);
      expect(await errorOf(late)).toMatch(/closed/);
      // The refused ballot settled the vote on the way (no tick needed); a tick after it finds nothing to do.
      await createScheduler(server.ctx).runOnce(now);
      expect(changes).toEqual([`${request.id}:publish`]);
      const tracked = (await (await fetch(`${server.url}/api/track/request/${request.id}`)).json()) as { stage: string; votes: PublicVote[] };
      expect(tracked.stage).toBe('publish');
      expect(tracked.votes).toEqual([
        expect.objectContaining({
          id: vote.id,
          question: '楼道堆物怎么处理？',
          state: 'closed',
          ballots: 2,
          result: [
            { option: '统一清运', count: 0 },
            { option: '各户自理', count: 2 },
            { option: '设临时堆放点', count: 0 },
          ],
        }),
      ]);
    } finally {
      server.ctx.events.off('change', listener);
      now = new Date('2026-12-04T09:00:00+08:00');
    }
  });

  it('the scheduler tick settles a vote nobody looked at after its deadline', async () => {
    const request = requestAt('deliberate');
    const { vote, codes } = await opened(request.id, 1);
    expect((await ballot(vote.id, codes[0]!, 2)).status).toBe(201);
    const later = new Date(Date.parse(DEADLINE) + 3600_000);
    await createScheduler(server.ctx).runOnce(later);
    expect(server.ctx.store.votes.get(vote.id)).toMatchObject({ state: 'closed', closedAt: later.toISOString() });
    expect(server.ctx.store.history(request.id).at(-1)).toMatchObject({ actor: 'system', note: expect.stringContaining('设临时堆放点 1') });
  });
});

describe('who may run a vote, and bad input', () => {
  it("another community's worker cannot open, print codes for, close or list a vote; a volunteer cannot run one", async () => {
    const request = requestAt('deliberate');
    const body = { question: '怎么办？', options: ['甲', '乙'], deadline: DEADLINE };
    const outside = await open(zhao, request.id, body);
    expect(outside.status).toBe(404);
    expect(await errorOf(outside)).toMatch(/in your scope/);
    expect((await open(volunteer, request.id, body)).status).toBe(403);
    const { vote } = await opened(request.id, 1);
    for (const path of [`/api/votes/${vote.id}/codes`, `/api/votes/${vote.id}/close`]) {
      const res = await api(zhao).post(path, path.endsWith('codes') ? { count: 2 } : {});
      expect(res.status, path).toBe(404);
      await errorOf(res);
    }
    expect((await api(zhao).get(`/api/requests/${request.id}/votes`)).status).toBe(404);
    expect(server.ctx.store.votes.get(vote.id)).toMatchObject({ state: 'open', codesIssued: 1 });
    // Without a login, or without the CSRF token, nothing is opened.
    expect((await post(server, `/api/requests/${request.id}/votes`, body)).status).toBe(401);
    expect((await api(li).post(`/api/votes/${vote.id}/close`, {}, { csrf: null })).status).toBe(403);
    // More codes for the worker in scope: new ones, answered once.
    const more = await api(li).post(`/api/votes/${vote.id}/codes`, { count: 2 });
    expect(more.status).toBe(201);
    expect(((await more.json()) as { codes: string[]; vote: Vote }).vote.codesIssued).toBe(3);
    const listed = (await (await api(li).get(`/api/requests/${request.id}/votes`)).json()) as { votes: Vote[] };
    expect(listed.votes.map((v) => v.id)).toEqual([vote.id]);
  });

  it('refuses a bad vote with a clear message and keeps nothing', async () => {
    const request = requestAt('deliberate');
    const ok = { question: '怎么办？', options: ['甲', '乙'], deadline: DEADLINE };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...ok, options: ['甲'] }, /2 to 6 options, not 1/],
      [{ ...ok, options: ['1', '2', '3', '4', '5', '6', '7'] }, /2 to 6 options, not 7/],
      [{ ...ok, options: ['甲', '甲'] }, /appears twice/],
      [{ ...ok, options: ['甲', '  '] }, /option 2 is empty/],
      [{ ...ok, question: '  ' }, /question is empty/],
      [{ ...ok, deadline: 'tomorrow' }, /not a date/],
      [{ ...ok, deadline: '2026-12-01T00:00:00Z' }, /in the past/],
      [{ ...ok, deadline: '2027-03-01T00:00:00Z' }, /more than 30 days/],
      [{ ...ok, codes: 0 }, /codes/],
      [{ ...ok, codes: 501 }, /codes/],
      [{ question: '怎么办？' }, /options/],
    ];
    for (const [body, message] of cases) {
      const res = await open(li, request.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorOf(res)).toMatch(message);
    }
    expect(server.ctx.store.votes.ofRequest(request.id)).toEqual([]);
    expect((await open(li, 'NO-SUCH', ok)).status).toBe(404);
    const first = await opened(request.id, 1);
    const second = await open(li, request.id, ok);
    expect(second.status).toBe(409);
    expect(await errorOf(second)).toContain(first.vote.id);
    const missing = await fetch(`${server.url}/api/votes/V-999999`);
    expect(missing.status).toBe(404);
    await errorOf(missing);
    const closedRequest = server.ctx.store.moveRequest(requestAt('rate').id, { stage: 'rate', status: 'closed', actor: 'li' });
    expect((await open(li, closedRequest.id, ok)).status).toBe(409);
  });
});

describe('guessing codes', () => {
  it('after 20 wrong codes from one address it must wait, with a clear 429', async () => {
    const { vote, codes } = await opened(requestAt('deliberate').id, 1);
    for (let i = 0; i < 20; i++)
      expect(
        (
          await ballot(
            vote.id,
            `ZZZZ${String(2222 + i)
              .slice(-4)
              .replace(/[01]/g, '2')}`,
            0,
          )
        ).status,
      ).toBe(403);
    const blocked = await ballot(vote.id, codes[0]!, 0);
    expect(blocked.status).toBe(429);
    expect(await errorOf(blocked)).toMatch(/too many wrong codes/);
    expect(server.ctx.store.votes.get(vote.id)!.ballots).toBe(0);
  });
});
