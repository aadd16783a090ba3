import { pointOnFeature } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerUnit } from '../../src/domain/volunteers/sandan';
import type { ListedProject, SandanAnswer } from '../../src/server/routes/sandan';
import { startTestServer, type TestServer } from './helpers';
import { openEvents } from './sse-client';
import { addUser, as, errorOf, login, post as postRaw, type Login } from './staff-helpers';

/** The server's clock, moved by the tests. */
let now = new Date('2026-12-04T10:00:00+08:00');
let server: TestServer;
let li: Login;
let wang: Login;
let zhao: Login;
let volunteer: Login;
let liId: number;
let zhaoId: number;
const api = (who: Login) => as(server, who);
const PHONE = '13912345678';

async function created<T>(res: Response): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as T;
}
const listsOf = async (who: Login) => {
  const res = await api(who).get('/api/sandan');
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as SandanAnswer;
};
const pointIn = (compoundId: string) => pointOnFeature(server.ctx.places.compound(compoundId)!).geometry.coordinates as [number, number];

beforeAll(async () => {
  // Sessions outlast the clock moves below (a project falls overdue days later).
  server = await startTestServer({ now: () => now, sessionHours: 24 * 30 });
  liId = (await addUser(server, { username: 'li', role: 'community_worker', communityId: 'cm-xinhua', displayName: '李主任' })).id;
  await addUser(server, { username: 'wang', role: 'community_worker', communityId: 'cm-xinhua' });
  zhaoId = (await addUser(server, { username: 'zhao', role: 'community_worker', communityId: 'cm-puxia' })).id;
  await addUser(server, { username: 'v6', role: 'volunteer', volunteerId: 'v-006' });
  [li, wang, zhao, volunteer] = (await Promise.all(['li', 'wang', 'zhao', 'v6'].map((u) => login(server, u)))) as [Login, Login, Login, Login];
});
afterAll(async () => server?.close());

describe('资源单: partner units', () => {
  it('a worker adds a unit at a compound or a point in her community; staff see the contact, the public does not', async () => {
    const hall = await created<PartnerUnit>(
      await api(li).post('/api/sandan/units', {
        name: '新华社区党群服务中心 礼堂',
        kind: 'venue',
        offer: '周末可借用开议事会',
        capacity: 80,
        hours: 'Sa,Su 09:00-17:00',
        compoundId: 'c-001',
        contact: `张老师 ${PHONE}`,
      }),
    );
    expect(hall).toMatchObject({
      id: expect.stringMatching(/^U-\d{6}$/),
      compoundId: 'c-001',
      communityId: 'cm-xinhua',
      active: true,
      contact: `张老师 ${PHONE}`,
    });
    const [lon, lat] = pointIn('c-002');
    const clinic = await created<PartnerUnit>(
      await api(li).post('/api/sandan/units', { name: '县医院 义诊', kind: 'medical', offer: '每月第一个周六免费体检', lon, lat }),
    );
    expect(clinic).toMatchObject({ compoundId: 'c-002', communityId: 'cm-xinhua', lon, lat, contact: null });

    const lists = await listsOf(wang);
    expect(lists.units.map((u) => u.id)).toEqual([hall.id, clinic.id]);
    expect(lists.resources.find((r) => r.key === 'unit:venue')).toMatchObject({ units: 1, capacity: 80 });
    expect(lists.resources.filter((r) => r.kind === 'skill').reduce((n, r) => n + r.volunteers, 0)).toBeGreaterThan(0);

    const open = await fetch(`${server.url}/api/public/sandan/units`);
    expect(open.status).toBe(200);
    const text = await open.text();
    expect(text).toContain('县医院 义诊');
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('contact');
    expect(text).not.toContain('"li"');
  });

  it('a unit is edited (and retired) by staff in scope; another community cannot see, edit or use it', async () => {
    const unit = await created<PartnerUnit>(
      await api(li).post('/api/sandan/units', { name: '社区卫生室', kind: 'room', offer: '周三下午借用', compoundId: 'c-003' }),
    );
    const edited = await api(wang).post(`/api/sandan/units/${unit.id}`, { capacity: 12, active: false });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ name: '社区卫生室', capacity: 12, active: false, compoundId: 'c-003' });
    expect((await listsOf(zhao)).units.map((u) => u.id)).not.toContain(unit.id);
    const res = await api(zhao).post(`/api/sandan/units/${unit.id}`, { capacity: 1 });
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatch(/no partner unit/);
    const outside = await api(zhao).post('/api/sandan/units', { name: '借用', kind: 'room', compoundId: 'c-001' });
    expect(outside.status).toBe(403);
    expect(await errorOf(outside)).toMatch(/outside your scope/);
    expect(server.ctx.store.sandan.getUnit(unit.id)).toMatchObject({ capacity: 12 });
  });

  it('bad input is refused with a clear error and nothing is kept', async () => {
    const before = server.ctx.store.sandan.listUnits().length;
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ kind: 'venue', compoundId: 'c-001' }, /name/],
      [{ name: '  ', kind: 'venue', compoundId: 'c-001' }, /needs a name/],
      [{ name: '礼堂', kind: 'castle', compoundId: 'c-001' }, /kind/],
      [{ name: '礼堂', kind: 'venue' }, /needs a place/],
      [{ name: '礼堂', kind: 'venue', compoundId: 'c-001', lon: 119.3, lat: 26.08 }, /not both/],
      [{ name: '礼堂', kind: 'venue', lon: 0, lat: 0 }, /none of the dataset's communities/],
      [{ name: '礼堂', kind: 'venue', compoundId: 'c-999' }, /no compound/],
      [{ name: '礼堂', kind: 'venue', compoundId: 'c-001', offer: `请打 ${PHONE}` }, /phone or ID number/],
      [{ name: '礼堂', kind: 'venue', compoundId: 'c-001', capacity: -1 }, /capacity/],
      [{ name: '礼堂', kind: 'venue', compoundId: 'c-001', lat: 'north' }, /lat/],
    ];
    for (const [body, message] of refusals) {
      const res = await api(li).post('/api/sandan/units', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorOf(res)).toMatch(message);
    }
    const broken = await fetch(`${server.url}/api/sandan/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: li.cookie, 'x-csrf-token': li.csrf },
      body: '{"name":',
    });
    expect(broken.status).toBe(400);
    expect(server.ctx.store.sandan.listUnits()).toHaveLength(before);
  });

  it('volunteers keep no lists; nobody logged in gets 401; a write without the CSRF token is refused', async () => {
    expect((await api(volunteer).get('/api/sandan')).status).toBe(403);
    expect((await api(volunteer).post('/api/sandan/units', { name: '礼堂', kind: 'venue', compoundId: 'c-001' })).status).toBe(403);
    expect((await fetch(`${server.url}/api/sandan`)).status).toBe(401);
    expect((await postRaw(server, '/api/sandan/units', { name: '礼堂', kind: 'venue', compoundId: 'c-001' }, { cookie: li.cookie })).status).toBe(403);
  });
});

describe('需求单 and 项目单', () => {
  it('a need line from wishes and requests becomes a project with an owner, resources and a due date; the line is then matched', async () => {
    const wish = await api(li).post('/api/wishes', { compoundId: 'c-005', text: '代买一周的菜', skill: 'errand' });
    expect(wish.status).toBe(201);
    const line = (await listsOf(li)).needs.find((n) => n.key === 'c-005|errand')!;
    expect(line).toMatchObject({ wishes: 1, unmatched: line.total, projects: 0 });
    // Requests count as needs too: the lines' totals equal the open requests in scope plus open and claimed wishes.
    const lists = await listsOf(li);
    const openRequests = server.ctx.store.listRequests({ communityIds: ['cm-xinhua'], status: 'open' }).length;
    const openWishes = server.ctx.store.wishes.list({ states: ['open', 'claimed'], communityIds: ['cm-xinhua'] }).length;
    expect(lists.needs.reduce((n, l) => n + l.total, 0)).toBe(openRequests + openWishes);
    expect(lists.owners.map((o) => o.name)).toEqual(expect.arrayContaining(['李主任', 'wang']));
    expect(lists.owners.map((o) => o.name)).not.toContain('zhao');

    const unit = lists.units.find((u) => u.active)!;
    const project = await created<ListedProject>(
      await api(li).post('/api/sandan/projects', {
        compoundId: 'c-005',
        need: 'errand',
        title: '每周二上门代购',
        ownerId: liId,
        dueDate: '2026-12-20',
        resources: [
          { kind: 'unit', id: unit.id },
          { kind: 'volunteer', id: 'v-006' },
          { kind: 'volunteer', id: 'v-006' },
        ],
      }),
    );
    expect(project).toMatchObject({
      id: expect.stringMatching(/^P-\d{6}$/),
      state: 'draft',
      communityId: 'cm-xinhua',
      overdue: false,
      resources: [
        { kind: 'unit', id: unit.id },
        { kind: 'volunteer', id: 'v-006' },
      ],
    });
    const after = (await listsOf(wang)).needs.find((n) => n.key === 'c-005|errand')!;
    expect(after).toMatchObject({ unmatched: 0, projects: 1 });
    expect((await listsOf(zhao)).projects.map((p) => p.id)).not.toContain(project.id);
  });

  it('a project moves 拟定 → 进行中 → 已完成 and then stays; it shows overdue after its due date', async () => {
    const project = await created<ListedProject>(
      await api(li).post('/api/sandan/projects', { compoundId: 'c-006', need: 'medical', title: '上门量血压', ownerId: liId, dueDate: '2026-12-05' }),
    );
    expect((await api(wang).post(`/api/sandan/projects/${project.id}`, { state: 'done' })).status).toBe(409);
    const active = await api(wang).post(`/api/sandan/projects/${project.id}`, { state: 'active', title: '每周上门量血压' });
    expect(await active.json()).toMatchObject({ state: 'active', title: '每周上门量血压', overdue: false });
    now = new Date('2026-12-07T10:00:00+08:00');
    expect((await listsOf(li)).projects.find((p) => p.id === project.id)).toMatchObject({ overdue: true });
    expect(await (await api(li).post(`/api/sandan/projects/${project.id}`, { state: 'done' })).json()).toMatchObject({ state: 'done', overdue: false });
    const again = await api(li).post(`/api/sandan/projects/${project.id}`, { state: 'active' });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatch(/is done/);
    now = new Date('2026-12-04T10:00:00+08:00');
  });

  it('refuses another community, owners outside the scope, unknown resources and bad dates, keeping nothing', async () => {
    const before = server.ctx.store.sandan.listProjects().length;
    const base = { compoundId: 'c-005', need: 'errand', title: '代购', ownerId: liId, dueDate: '2026-12-20' };
    const zhaoUnit = await created<PartnerUnit>(await api(zhao).post('/api/sandan/units', { name: '浦下活动室', kind: 'room', compoundId: 'c-007' }));
    const refusals: [Login, Record<string, unknown>, number, RegExp][] = [
      [zhao, { ...base, ownerId: zhaoId }, 403, /outside your scope/],
      [li, { ...base, ownerId: zhaoId }, 400, /cannot own a project/],
      [li, { ...base, ownerId: 9999 }, 400, /no staff user 9999/],
      [li, { ...base, resources: [{ kind: 'unit', id: zhaoUnit.id }] }, 400, /no partner unit/],
      [li, { ...base, resources: [{ kind: 'volunteer', id: 'v-999' }] }, 400, /no volunteer/],
      [li, { ...base, dueDate: '2026-02-30' }, 400, /not a date/],
      [li, { ...base, dueDate: '2026-12-01' }, 400, /in the past/],
      [li, { ...base, state: 'done' }, 400, /starts as draft/],
      [li, { ...base, title: '' }, 400, /needs a title/],
      [li, { ...base, need: 'DROP TABLE;' }, 400, /need/],
      [li, { ...base, compoundId: 'c-999' }, 400, /no compound/],
      [li, { ...base, ownerId: 'li' }, 400, /ownerId/],
    ];
    for (const [who, body, status, message] of refusals) {
      const res = await api(who).post('/api/sandan/projects', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await errorOf(res)).toMatch(message);
    }
    const theirs = await created<ListedProject>(await api(zhao).post('/api/sandan/projects', { ...base, compoundId: 'c-007', ownerId: zhaoId }));
    expect((await api(li).post(`/api/sandan/projects/${theirs.id}`, { state: 'active' })).status).toBe(404);
    expect(server.ctx.store.sandan.listProjects()).toHaveLength(before + 1);
  });

  it('a change reaches the staff of its community live, not another community', async () => {
    const mine = await openEvents(`${server.url}/api/events`, { cookie: wang.cookie });
    const other = await openEvents(`${server.url}/api/events`, { cookie: zhao.cookie });
    try {
      await mine.next('ready');
      await other.next('ready');
      const unit = await created<PartnerUnit>(await api(li).post('/api/sandan/units', { name: '物业会议室', kind: 'room', compoundId: 'c-004' }));
      const event = await mine.next('sandan');
      expect(JSON.parse(event.data)).toEqual({ kind: 'unit', id: unit.id });
      await created<PartnerUnit>(await api(zhao).post('/api/sandan/units', { name: '浦下礼堂', kind: 'venue', compoundId: 'c-008' }));
      await other.next('sandan');
      expect(other.events.filter((e) => e.event === 'sandan')).toHaveLength(1);
      expect(other.raw()).not.toContain('物业会议室');
    } finally {
      mine.close();
      other.close();
    }
  });
});
