import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerChange } from '../../src/server/context';
import type { HistoryEntry, LedgerRequest, User } from '../../src/server/store/types';
import { startTestServer, type TestServer } from './helpers';
import { addUser, as, errorOf, login, type Login } from './staff-helpers';

let server: TestServer;
let admin: Login;
let worker: Login;
let leader: Login;
let volunteer: Login;
let volunteerUser: User;
const changes: LedgerChange[] = [];

/** The first open sample request that fits (in or outside a grid, in a community, at a stage, not `notId`). */
function pick(where: { gridId?: string; notGrid?: string; communityId?: string; stage?: LedgerRequest['stage']; notId?: string }): LedgerRequest {
  const found = server.ctx.store
    .listRequests({ status: 'open' })
    .find(
      (r) =>
        (!where.gridId || r.gridId === where.gridId) &&
        (!where.notGrid || (r.gridId !== where.notGrid && r.gridId !== null)) &&
        (!where.communityId || r.communityId === where.communityId) &&
        (!where.stage || r.stage === where.stage) &&
        r.id !== where.notId,
    );
  if (!found) throw new Error(`no sample request for ${JSON.stringify(where)}`);
  return found;
}

beforeAll(async () => {
  server = await startTestServer();
  server.ctx.events.on('change', (c: LedgerChange) => changes.push(c));
  await addUser(server, { username: 'admin', role: 'admin' });
  await addUser(server, { username: 'li', role: 'community_worker', communityId: 'cm-xinhua', displayName: '李社工' });
  await addUser(server, { username: 'zhao', role: 'grid_leader', gridId: 'gr-xinhua-1' });
  volunteerUser = await addUser(server, { username: 'chen', role: 'volunteer', volunteerId: 'v-001' });
  admin = await login(server, 'admin');
  worker = await login(server, 'li');
  leader = await login(server, 'zhao');
  volunteer = await login(server, 'chen');
});
afterAll(() => server.close());

describe('GET /api/info', () => {
  it('tells the app it runs on the server, publicly and without personal data', async () => {
    const res = await fetch(`${server.url}/api/info`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ server: true, dataset: 'yuefeng-sample', dataPath: 'data/yuefeng-sample' });
  });
});

describe('scope: every read', () => {
  it('gives the admin every request with the staff fields', async () => {
    const res = await as(server, admin).get('/api/requests');
    expect(res.status).toBe(200);
    const list = (await res.json()) as LedgerRequest[];
    expect(list).toHaveLength(125);
    expect(list[0]).toHaveProperty('reporter');
    expect(list[0]).toHaveProperty('assignedTo');
  });

  it('gives a community worker their community and a grid leader their grid only', async () => {
    const mine = (await (await as(server, worker).get('/api/requests')).json()) as LedgerRequest[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(125);
    expect(mine.every((r) => r.communityId === 'cm-xinhua')).toBe(true);
    expect(mine.length).toBe(server.ctx.store.listRequests({ communityIds: ['cm-xinhua'] }).length);
    const grid = (await (await as(server, leader).get('/api/requests')).json()) as LedgerRequest[];
    expect(grid.length).toBeGreaterThan(0);
    expect(grid.every((r) => r.gridId === 'gr-xinhua-1')).toBe(true);
  });

  it('filters by stage, status and service code within the scope, and refuses unknown stages', async () => {
    const open = (await (await as(server, worker).get('/api/requests?stage=collect,deliberate&status=open')).json()) as LedgerRequest[];
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => ['collect', 'deliberate'].includes(r.stage) && r.status === 'open' && r.communityId === 'cm-xinhua')).toBe(true);
    const code = open[0]!.serviceCode;
    const byCode = (await (await as(server, admin).get(`/api/requests?service_code=${code}`)).json()) as LedgerRequest[];
    expect(byCode.every((r) => r.serviceCode === code)).toBe(true);
    const bad = await as(server, admin).get('/api/requests?stage=collect,done');
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/unknown stage "done"/);
    expect((await as(server, admin).get('/api/requests?status=lost')).status).toBe(400);
  });

  it("answers 404 for another grid's request, exactly as for one that does not exist", async () => {
    const other = pick({ notGrid: 'gr-xinhua-1' });
    const res = await as(server, leader).get(`/api/requests/${other.id}`);
    expect(res.status).toBe(404);
    const missing = await as(server, leader).get('/api/requests/NO-SUCH-1');
    expect(missing.status).toBe(404);
    expect((await errorOf(res)).replace(other.id, 'X')).toBe((await errorOf(missing)).replace('NO-SUCH-1', 'X'));
    expect((await as(server, admin).get(`/api/requests/${other.id}`)).status).toBe(200);
  });

  it('shows a volunteer only the requests assigned to them', async () => {
    expect(await (await as(server, volunteer).get('/api/requests')).json()).toEqual([]);
    const target = pick({ gridId: 'gr-xinhua-1', stage: 'execute' });
    const assign = await as(server, leader).post(`/api/requests/${target.id}/assign`, { userId: volunteerUser.id });
    expect(assign.status).toBe(200);
    expect(((await assign.json()) as LedgerRequest).assignedTo).toBe(volunteerUser.id);
    expect(changes.at(-1)).toMatchObject({ kind: 'assigned', request: { id: target.id } });
    const list = (await (await as(server, volunteer).get('/api/requests')).json()) as LedgerRequest[];
    expect(list.map((r) => r.id)).toEqual([target.id]);
    const detail = (await (await as(server, volunteer).get(`/api/requests/${target.id}`)).json()) as { assignee: { username: string } };
    expect(detail.assignee).toMatchObject({ username: 'chen' });
    expect((await as(server, volunteer).get(`/api/requests/${pick({ gridId: 'gr-xinhua-1', notId: target.id }).id}`)).status).toBe(404);

    // A volunteer moves their own assignment, but assigns nothing and moves nothing else.
    const moved = await as(server, volunteer).post(`/api/requests/${target.id}/move`, { stage: 'publish', note: '已修好' });
    expect(moved.status).toBe(200);
    expect((await as(server, volunteer).post(`/api/requests/${target.id}/assign`, { userId: null })).status).toBe(403);
    const other = pick({ stage: 'collect' });
    expect((await as(server, volunteer).post(`/api/requests/${other.id}/move`, { stage: 'deliberate' })).status).toBe(404);
    expect(server.ctx.store.getRequest(other.id)!.stage).toBe('collect');
    expect(server.ctx.store.history(target.id).at(-1)).toMatchObject({ actor: 'chen', fromStage: 'execute', toStage: 'publish', note: '已修好' });
  });
});

describe('scope and CSRF: every write', () => {
  it("refuses a grid leader moving or assigning another grid's request, and changes nothing", async () => {
    const other = pick({ notGrid: 'gr-xinhua-1', stage: 'collect' });
    const before = server.ctx.store.history(other.id).length;
    const count = changes.length;
    const move = await as(server, leader).post(`/api/requests/${other.id}/move`, { stage: 'deliberate' });
    expect(move.status).toBe(404);
    expect((await as(server, leader).post(`/api/requests/${other.id}/assign`, { userId: 1 })).status).toBe(404);
    expect(server.ctx.store.getRequest(other.id)).toMatchObject({ stage: 'collect', assignedTo: null });
    expect(server.ctx.store.history(other.id)).toHaveLength(before);
    expect(changes).toHaveLength(count);
  });

  it('refuses a change without the CSRF token, or with a wrong one (403), and changes nothing', async () => {
    const target = pick({ communityId: 'cm-xinhua', stage: 'collect' });
    const before = server.ctx.store.history(target.id).length;
    for (const csrf of [null, '', 'wrong-token', admin.csrf]) {
      const res = await as(server, worker).post(`/api/requests/${target.id}/move`, { stage: 'deliberate' }, { csrf });
      expect(res.status, String(csrf)).toBe(403);
      expect(await errorOf(res)).toMatch(/CSRF/);
    }
    expect((await as(server, worker).post(`/api/requests/${target.id}/assign`, { userId: null }, { csrf: null })).status).toBe(403);
    expect(server.ctx.store.getRequest(target.id)!.stage).toBe('collect');
    expect(server.ctx.store.history(target.id)).toHaveLength(before);
  });

  it('refuses skipped stages, early closing, bad bodies and stale moves with a clear error', async () => {
    const target = pick({ communityId: 'cm-xinhua', stage: 'collect' });
    const cases: [unknown, number, RegExp][] = [
      [{ stage: 'execute' }, 400, /not skipped/],
      [{ stage: 'collect', status: 'closed' }, 400, /closed at the last stage/],
      [{ stage: 'collect' }, 400, /already/],
      [{ stage: 'finished' }, 400, /body/],
      [{}, 400, /body/],
      [{ stage: 'deliberate', expectStage: 'execute' }, 409, /at collect now/],
      [{ stage: 'deliberate', note: 'x'.repeat(2001) }, 400, /body/],
    ];
    for (const [body, status, message] of cases) {
      const res = await as(server, worker).post(`/api/requests/${target.id}/move`, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(status);
      expect(await errorOf(res)).toMatch(message);
    }
    const sql = await as(server, worker).post(`/api/requests/${encodeURIComponent("x' OR '1'='1")}/move`, { stage: 'deliberate' });
    expect(sql.status).toBe(404);
    expect(server.ctx.store.history(target.id)).toHaveLength(1);
  });

  it('allows a step back only with a note', async () => {
    const target = pick({ communityId: 'cm-xinhua', stage: 'deliberate' });
    const bare = await as(server, worker).post(`/api/requests/${target.id}/move`, { stage: 'collect' });
    expect(bare.status).toBe(400);
    expect(await errorOf(bare)).toMatch(/note/);
    const back = await as(server, worker).post(`/api/requests/${target.id}/move`, { stage: 'collect', note: '需补充现场照片' });
    expect(back.status).toBe(200);
    expect(((await back.json()) as LedgerRequest).stage).toBe('collect');
  });
});

describe('a whole file through the API (一问题一建档, 一办结一销号)', () => {
  it('carries one request through all six steps, closes it, and keeps every step in its history', async () => {
    const target = pick({ communityId: 'cm-xinhua', stage: 'collect' });
    const steps: [string, string | undefined][] = [
      ['deliberate', '居民议事会讨论'],
      ['coordinate', undefined],
      ['execute', '物业已派人'],
      ['publish', '结果已公示'],
      ['rate', undefined],
    ];
    let expectStage: string = 'collect';
    for (const [stage, note] of steps) {
      const res = await as(server, worker).post(`/api/requests/${target.id}/move`, { stage, note, expectStage });
      expect(res.status, stage).toBe(200);
      expect(await res.json()).toMatchObject({ stage, status: 'open' });
      expect(changes.at(-1)).toMatchObject({ kind: 'moved', request: { id: target.id, stage } });
      expectStage = stage;
    }
    const rated = await as(server, worker).post(`/api/requests/${target.id}/rate`, { rating: 5, comment: '电话回访：满意' });
    expect(rated.status).toBe(200);
    expect(((await rated.json()) as LedgerRequest).rating).toBe(5);
    const closed = await as(server, worker).post(`/api/requests/${target.id}/move`, { stage: 'rate', status: 'closed', note: '销号' });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ stage: 'rate', status: 'closed' });
    const again = await as(server, worker).post(`/api/requests/${target.id}/move`, { stage: 'execute', note: '再做一次' });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatch(/closed/);

    server.ctx.store.addEscalation(target.id, 'grid', '2026-12-01T00:00:00.000Z', false);
    const detail = (await (await as(server, worker).get(`/api/requests/${target.id}`)).json()) as {
      request: LedgerRequest;
      history: HistoryEntry[];
      escalations: { level: string }[];
    };
    expect(detail.request).toMatchObject({ id: target.id, status: 'closed', rating: 5 });
    expect(detail.history.map((h) => `${h.fromStage ?? '-'}→${h.toStage}/${h.toStatus} ${h.actor} ${h.note ?? ''}`.trim())).toEqual([
      '-→collect/open system filed',
      'collect→deliberate/open li 居民议事会讨论',
      'deliberate→coordinate/open li',
      'coordinate→execute/open li 物业已派人',
      'execute→publish/open li 结果已公示',
      'publish→rate/open li',
      'rate→rate/closed li 销号',
    ]);
    expect(detail.history.every((h, i, all) => i === 0 || h.at >= all[i - 1]!.at)).toBe(true);
    expect(detail.escalations.map((e) => e.level)).toEqual(['grid']);
  });

  it('rates only at the last stage', async () => {
    const target = pick({ communityId: 'cm-xinhua', stage: 'coordinate' });
    const res = await as(server, worker).post(`/api/requests/${target.id}/rate`, { rating: 4 });
    expect(res.status).toBe(409);
    expect((await as(server, worker).post(`/api/requests/${target.id}/rate`, { rating: 9 })).status).toBe(400);
    expect(server.ctx.store.getRequest(target.id)!.rating).toBeNull();
  });
});

describe('GET /api/users', () => {
  it('lists names and roles for those who assign, and nothing secret', async () => {
    const res = await as(server, leader).get('/api/users');
    const users = (await res.json()) as Record<string, unknown>[];
    expect(users.map((u) => u.username)).toEqual(['admin', 'li', 'zhao', 'chen']);
    expect(Object.keys(users[0]!).sort()).toEqual(['displayName', 'id', 'role', 'username']);
    expect((await as(server, volunteer).get('/api/users')).status).toBe(403);
    expect((await fetch(`${server.url}/api/users`)).status).toBe(401);
  });
});
