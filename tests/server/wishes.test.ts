import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveAggregates } from '../../src/domain/hall/liveAggregates';
import type { Wish } from '../../src/domain/volunteers/wishes';
import { createScheduler } from '../../src/server/scheduler';
import { startTestServer, type TestServer } from './helpers';
import { openEvents } from './sse-client';
import { addUser, as, errorOf, login, type Login } from './staff-helpers';

/** The server's clock, moved by the tests: a Saturday evening, when the volunteers below are available. */
let now = new Date('2026-10-31T18:00:00+08:00');
let server: TestServer;
let li: Login;
let zhao: Login;
/** v-006 and v-017 walk to 前横小区 (c-001); v-017 is a companion, v-006 is not; v-001 lives too far away. */
let near: Login;
let companion: Login;
let far: Login;
const api = (who: Login) => as(server, who);

async function post(who: Login, body: Record<string, unknown>): Promise<Wish> {
  const res = await api(who).post('/api/wishes', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Wish;
}

const listOf = async (who: Login) => ((await (await api(who).get('/api/wishes')).json()) as { wishes: (Wish & { fit: { walkM: number } | null })[] }).wishes;

beforeAll(async () => {
  server = await startTestServer({ now: () => now, wishClaimDays: 3 });
  await addUser(server, { username: 'li', role: 'community_worker', communityId: 'cm-xinhua' });
  await addUser(server, { username: 'zhao', role: 'community_worker', communityId: 'cm-puxia' });
  await addUser(server, { username: 'v6', role: 'volunteer', volunteerId: 'v-006' });
  await addUser(server, { username: 'v17', role: 'volunteer', volunteerId: 'v-017' });
  await addUser(server, { username: 'v1', role: 'volunteer', volunteerId: 'v-001' });
  [li, zhao, near, companion, far] = (await Promise.all(['li', 'zhao', 'v6', 'v17', 'v1'].map((u) => login(server, u)))) as [Login, Login, Login, Login, Login];
});
afterAll(async () => server?.close());

describe('posting a wish (worker)', () => {
  it('a worker posts a wish in her community; outside it, with a phone number or for no compound, it is refused and nothing is kept', async () => {
    const wish = await post(li, { compoundId: 'c-001', text: '帮独居老人代买一周的菜', skill: 'errand' });
    expect(wish).toMatchObject({ id: expect.stringMatching(/^W-\d{6}$/), state: 'open', compoundId: 'c-001', communityId: 'cm-xinhua', claimedBy: null });
    const before = server.ctx.store.wishes.list().length;
    const refusals: [Login, Record<string, unknown>, number, RegExp][] = [
      [zhao, { compoundId: 'c-001', text: '代买菜' }, 403, /outside your scope/],
      [li, { compoundId: 'c-001', text: '请联系 13912345678 代买菜' }, 400, /phone or ID number/],
      [li, { compoundId: 'c-999', text: '代买菜' }, 400, /no compound/],
      [li, { compoundId: 'c-001', text: '   ' }, 400, /needs a text/],
      [li, { compoundId: 'c-001', text: '代买菜', dueAt: 'next week' }, 400, /not a date/],
      [li, { compoundId: 'c-001', text: '代买菜', skill: 'juggling' }, 400, /skill/],
      [near, { compoundId: 'c-001', text: '代买菜' }, 403, /volunteer claims/],
    ];
    for (const [who, body, status, message] of refusals) {
      const res = await api(who).post('/api/wishes', body);
      expect(res.status).toBe(status);
      expect(await errorOf(res)).toMatch(message);
    }
    expect(server.ctx.store.wishes.list()).toHaveLength(before);
  });
});

describe('claiming (volunteers)', () => {
  it('a volunteer sees the open wishes within their walk, skill and hours; others do not', async () => {
    const errand = await post(li, { compoundId: 'c-001', text: '代取药品', skill: 'errand' });
    const company = await post(li, { compoundId: 'c-001', text: '周末陪老人聊天', skill: 'companionship' });
    const nearIds = (await listOf(near)).map((w) => w.id);
    expect(nearIds).toContain(errand.id);
    expect(nearIds).not.toContain(company.id);
    const companionList = await listOf(companion);
    expect(companionList.map((w) => w.id)).toContain(company.id);
    expect(companionList.find((w) => w.id === company.id)!.fit!.walkM).toBeGreaterThan(0);
    expect(companionList.find((w) => w.id === company.id)).not.toHaveProperty('createdBy');
    expect((await listOf(far)).map((w) => w.id)).not.toContain(errand.id);
    const res = await api(far).post(`/api/wishes/${errand.id}/claim`, {});
    expect(res.status).toBe(404);
  });

  it('one claimer at a time: of two claims at once exactly one wins; the other is told clearly (409)', async () => {
    const wish = await post(li, { compoundId: 'c-001', text: '帮忙换灯泡' });
    const [a, b] = await Promise.all([api(near).post(`/api/wishes/${wish.id}/claim`, {}), api(companion).post(`/api/wishes/${wish.id}/claim`, {})]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await errorOf(loser)).toMatch(/claimed by another volunteer already/);
    const stored = server.ctx.store.wishes.get(wish.id)!;
    expect(stored.state).toBe('claimed');
    expect(server.ctx.store.wishes.history(wish.id).filter((e) => e.action === 'claimed')).toHaveLength(1);
    // The claim holds for the configured days.
    expect(Date.parse(stored.claimExpiresAt!) - Date.parse(stored.claimedAt!)).toBe(3 * 86_400_000);
    // The winner sees it as theirs; a worker may not claim.
    expect((await api(li).post(`/api/wishes/${wish.id}/claim`, {})).status).toBe(403);
  });

  it('a claim lapses after the set days if not done (scheduler with a controlled clock), and the wish opens again', async () => {
    const wish = await post(li, { compoundId: 'c-001', text: '陪同去社区医院复诊' });
    expect((await api(near).post(`/api/wishes/${wish.id}/claim`, {})).status).toBe(200);
    const scheduler = createScheduler(server.ctx);
    const claimedAt = now;
    try {
      now = new Date(claimedAt.getTime() + 2 * 86_400_000);
      await scheduler.runOnce(now);
      expect(server.ctx.store.wishes.get(wish.id)!.state).toBe('claimed');
      now = new Date(claimedAt.getTime() + 3 * 86_400_000 + 60_000);
      await scheduler.runOnce(now);
      expect(server.ctx.store.wishes.get(wish.id)).toMatchObject({ state: 'open', claimedBy: null });
      expect(server.ctx.store.wishes.history(wish.id).map((e) => e.action)).toEqual(['posted', 'claimed', 'lapsed']);
      expect(scheduler.lapseDue(now)).toBe(0);
    } finally {
      scheduler.stop();
      now = claimedAt;
    }
    // Open again: another volunteer can take it.
    expect((await api(companion).post(`/api/wishes/${wish.id}/claim`, {})).status).toBe(200);
  });

  it('done wishes are thanked as a count on the public stream ("<5" below five), never with their text', async () => {
    const stream = await openEvents(`${server.url}/api/events`);
    try {
      const first = JSON.parse((await stream.next('aggregates')).data) as LiveAggregates;
      expect(first.wishesDone).toBe('<5');
      const texts: string[] = [];
      for (let i = 0; i < 5; i++) {
        const wish = await post(li, { compoundId: 'c-001', text: `代买菜第 ${i + 1} 次` });
        texts.push(wish.text);
        expect((await api(companion).post(`/api/wishes/${wish.id}/claim`, {})).status).toBe(200);
        const done = await api(companion).post(`/api/wishes/${wish.id}/done`, {});
        expect(done.status).toBe(200);
      }
      // A done wish cannot be done again or claimed.
      const last = server.ctx.store.wishes.list({ states: ['done'] })[0]!;
      expect((await api(companion).post(`/api/wishes/${last.id}/done`, {})).status).toBe(409);
      const counted = await stream.next('aggregates', (e) => (JSON.parse(e.data) as LiveAggregates).wishesDone === 5, 5_000);
      expect(counted).toBeTruthy();
      for (const text of texts) expect(stream.raw()).not.toContain(text);
    } finally {
      stream.close();
    }
  });

  it('the claimer hears of their wish on their stream; another volunteer only that the open wishes changed', async () => {
    const mine = await openEvents(`${server.url}/api/events`, { cookie: near.cookie });
    const other = await openEvents(`${server.url}/api/events`, { cookie: companion.cookie });
    try {
      await mine.next('ready');
      await other.next('ready');
      const wish = await post(li, { compoundId: 'c-001', text: '修理漏水的水龙头' });
      await other.next('wishes');
      expect((await api(near).post(`/api/wishes/${wish.id}/claim`, {})).status).toBe(200);
      await mine.next('wish', (e) => e.data.includes(wish.id) && e.data.includes('"claimed"'));
      await other.next('wishes', (e) => e.data.includes('claimed'));
      expect(other.raw()).not.toContain('修理漏水的水龙头');
    } finally {
      mine.close();
      other.close();
    }
  });
});
