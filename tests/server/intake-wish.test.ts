import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Wish } from '../../src/domain/volunteers/wishes';
import { startTestServer, type TestServer } from './helpers';
import { call, COMPOUND, isErrorArray, report } from './intakeHelpers';
import { addUser, as, login, type Login } from './staff-helpers';

let server: TestServer;
let li: Login;
let zhao: Login;
let volunteer: Login;
const PHONE = '127.0.0.5';

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-10-31T18:00:00+08:00'), intakePerIpPerHour: 4, intakePerCompoundPerHour: 100 });
  await addUser(server, { username: 'li', role: 'community_worker', communityId: 'cm-xinhua' });
  await addUser(server, { username: 'zhao', role: 'community_worker', communityId: 'cm-puxia' });
  await addUser(server, { username: 'v6', role: 'volunteer', volunteerId: 'v-006' });
  [li, zhao, volunteer] = (await Promise.all(['li', 'zhao', 'v6'].map((u) => login(server, u)))) as [Login, Login, Login];
});
afterAll(async () => server?.close());

const wish = (body: Record<string, unknown>, localAddress = PHONE) => call(server, 'POST', '/api/intake/wishes', body, { localAddress });

describe('a resident posts a 微心愿 from the QR page', () => {
  it('without login: the wish is open in the worker’s list, for the QR code’s compound and building; the answer is its id only', async () => {
    const building = server.ctx.dataset.buildings?.features.find((b) => b.properties.compound_id === COMPOUND)?.properties.id;
    expect(building).toBeDefined();
    const answer = await wish({ compound_id: COMPOUND, building_id: building, text: '  想请人帮忙换一下厨房的灯泡  ' });
    expect(answer.status, answer.text).toBe(201);
    const { wish_id } = answer.json as { wish_id: string };
    expect(Object.keys(answer.json as object)).toEqual(['wish_id']);
    const list = ((await (await as(server, li).get('/api/wishes')).json()) as { wishes: Wish[] }).wishes;
    expect(list.find((w) => w.id === wish_id)).toMatchObject({
      state: 'open',
      compoundId: COMPOUND,
      buildingId: building,
      communityId: 'cm-xinhua',
      text: '想请人帮忙换一下厨房的灯泡',
      skill: null,
    });
  });

  it('a phone left in its own field reaches the community’s workers only, never the wish, its list or a volunteer', async () => {
    const answer = await wish({ compound_id: COMPOUND, text: '想请人陪我去一趟医院复查', phone: '139-1234-5678' });
    expect(answer.status, answer.text).toBe(201);
    const { wish_id } = answer.json as { wish_id: string };
    const workerList = await (await as(server, li).get('/api/wishes')).text();
    const volunteerList = await (await as(server, volunteer).get('/api/wishes')).text();
    for (const text of [workerList, volunteerList, answer.text]) expect(text).not.toContain('13912345678');
    const contact = await as(server, li).get(`/api/wishes/${wish_id}/contact`);
    expect(contact.status).toBe(200);
    expect(await contact.json()).toEqual({ wish_id, phone: '13912345678' });
    expect((await as(server, zhao).get(`/api/wishes/${wish_id}/contact`)).status).toBe(404);
    expect([403, 404]).toContain((await as(server, volunteer).get(`/api/wishes/${wish_id}/contact`)).status);
    expect((await call(server, 'GET', `/api/wishes/${wish_id}/contact`)).status).toBe(401);
    // A wish without a phone answers null.
    const plain = (await wish({ compound_id: COMPOUND, text: '帮忙修一下晾衣架' })).json as { wish_id: string };
    expect(await (await as(server, li).get(`/api/wishes/${plain.wish_id}/contact`)).json()).toEqual({ wish_id: plain.wish_id, phone: null });
  });

  it('refuses a phone number, an empty or long text, an unknown compound, another compound’s building and robots, and keeps nothing', async () => {
    const before = server.ctx.store.wishes.list().length;
    const otherBuilding = server.ctx.dataset.buildings?.features.find((b) => b.properties.compound_id !== COMPOUND)?.properties.id;
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ compound_id: COMPOUND, text: '请打 13912345678 联系我' }, /phone or ID number/],
      [{ compound_id: COMPOUND, text: '   ' }, /needs a text/],
      [{ compound_id: COMPOUND, text: '帮'.repeat(121) }, /at most 120/],
      [{ compound_id: 'c-999', text: '代买菜' }, /no compound/],
      [{ compound_id: COMPOUND, building_id: otherBuilding, text: '代买菜' }, /not c-001/],
      [{ compound_id: COMPOUND, text: '代买菜', website: 'http://spam.example' }, /not accepted/],
      [{ text: '代买菜' }, /compound_id/],
      [{ compound_id: COMPOUND, text: '代买菜', phone: 'call me' }, /not a phone number/],
    ];
    for (const [body, message] of refusals) {
      const answer = await wish(body, '127.0.0.6');
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(isErrorArray(answer.json)).toBe(true);
      expect((answer.json as { description: string }[])[0]!.description).toMatch(message);
    }
    const broken = await call(server, 'POST', '/api/intake/wishes', undefined, { raw: '{"compound_id":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(server.ctx.store.wishes.list()).toHaveLength(before);
  });

  it('shares the intake’s hourly limit with reports: a phone that has used it up gets 429 for a wish too', async () => {
    const phone = '127.0.0.7';
    for (let i = 0; i < 3; i++) expect((await report(server, {}, { localAddress: phone })).status).toBe(201);
    expect((await wish({ compound_id: COMPOUND, text: '陪老人聊聊天' }, phone)).status).toBe(201);
    const before = server.ctx.store.wishes.list().length;
    const refused = await wish({ compound_id: COMPOUND, text: '陪老人聊聊天' }, phone);
    expect(refused.status).toBe(429);
    expect((refused.json as { description: string }[])[0]!.description).toMatch(/Too many reports/);
    expect(server.ctx.store.wishes.list()).toHaveLength(before);
  });
});
