import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildingContacts } from '../../src/data/buildingContacts';
import { SAMPLE_DIR, startTestServer, type TestServer } from './helpers';
import { call, compoundPoint, isErrorArray, report, type Filed } from './intakeHelpers';
import { addUser, as, errorOf, login } from './staff-helpers';

/** Buildings (楼栋): contacts never public, staff see only their scope, QR intake per building. */

const contacts = JSON.parse(readFileSync(join(SAMPLE_DIR, 'staff/buildings-contacts.json'), 'utf8')) as BuildingContacts;
const personal = contacts.buildings
  .flatMap((b) => [b.leader, ...(b.centre_households ?? [])])
  .flatMap((c) => [c?.name, c?.phone])
  .filter((v): v is string => !!v);

let server: TestServer;
let dist = '';

beforeAll(async () => {
  // A build whose data copy holds staff/ (made before the build left it out) must not publish it either.
  dist = mkdtempSync(join(tmpdir(), 'buildings-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><body></body></html>');
  mkdirSync(join(dist, 'data', 'other', 'staff'), { recursive: true });
  writeFileSync(join(dist, 'data', 'other', 'staff', 'buildings-contacts.json'), JSON.stringify(contacts));
  server = await startTestServer({ distDir: dist });
  await addUser(server, { username: 'xinhua', role: 'community_worker', communityId: 'cm-xinhua' });
  await addUser(server, { username: 'grid1', role: 'grid_leader', gridId: 'gr-xinhua-1' });
  await addUser(server, { username: 'vol', role: 'volunteer', volunteerId: 'v-001' });
});

afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('building contacts are staff-only', () => {
  it('the sample has contacts to protect', () => {
    expect(personal.length).toBeGreaterThan(700);
  });

  it('no dataset file the server sends holds a contact name or phone', async () => {
    const manifest = (await call(server, 'GET', '/data/yuefeng-sample/manifest.json')).json as { files: string[] };
    expect(manifest.files).toContain('buildings.geojson');
    for (const file of ['manifest.json', ...manifest.files]) {
      const answer = await call(server, 'GET', `/data/yuefeng-sample/${file}`);
      expect(answer.status, file).toBe(200);
      for (const value of personal) expect(answer.text.includes(value), `${file} holds ${value}`).toBe(false);
    }
  });

  it('the staff folder is never sent as a file, however it is spelled', async () => {
    for (const path of [
      '/data/yuefeng-sample/staff/buildings-contacts.json',
      '/data/yuefeng-sample/STAFF/buildings-contacts.json',
      '/data/yuefeng-sample/%73taff/buildings-contacts.json',
      '/data/yuefeng-sample/staff%2Fbuildings-contacts.json',
      '/data/yuefeng-sample/./staff/buildings-contacts.json',
      '/data/other/staff/buildings-contacts.json',
    ]) {
      const answer = await call(server, 'GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.text.includes(personal[0]!), path).toBe(false);
    }
  });

  it('public answers about buildings carry names only', async () => {
    const answer = await call(server, 'GET', '/api/intake/buildings?compound=c-001');
    expect(answer.status).toBe(200);
    const { buildings } = answer.json as { buildings: { id: string; name: { zh: string }; compound_id: string }[] };
    expect(buildings.length).toBeGreaterThan(0);
    expect(buildings.every((b) => b.compound_id === 'c-001' && Object.keys(b).sort().join() === 'compound_id,id,name')).toBe(true);
    for (const value of personal) expect(answer.text.includes(value)).toBe(false);
    expect((await call(server, 'GET', '/api/intake/buildings?compound=c-999')).status).toBe(404);
  });
});

describe('staff scope on buildings', () => {
  it('a community worker sees the contacts of a building in their community, not of another', async () => {
    const worker = as(server, await login(server, 'xinhua'));
    const mine = await worker.get('/api/staff/buildings/c-001-b1/contacts');
    expect(mine.status).toBe(200);
    const body = (await mine.json()) as { contacts: BuildingContacts['buildings'][number] };
    expect(body.contacts.leader?.phone).toBe(contacts.buildings.find((b) => b.building_id === 'c-001-b1')?.leader?.phone);
    const elsewhere = server.ctx.dataset.buildings!.features.find((b) => server.ctx.places.ofCompound(b.properties.compound_id).communityId !== 'cm-xinhua')!;
    const theirs = await worker.get(`/api/staff/buildings/${elsewhere.properties.id}/contacts`);
    expect(theirs.status).toBe(404);
    expect(await errorOf(theirs)).toMatch(/in your scope/);
  });

  it('without a session, or as a volunteer, there are no contacts or figures', async () => {
    expect((await call(server, 'GET', '/api/staff/buildings/c-001-b1/contacts')).status).toBe(401);
    expect((await call(server, 'GET', '/api/staff/grid-figures')).status).toBe(401);
    const volunteer = as(server, await login(server, 'vol'));
    expect((await volunteer.get('/api/staff/buildings/c-001-b1/contacts')).status).toBe(404);
    expect((await volunteer.get('/api/staff/grid-figures')).status).toBe(403);
  });

  it('a grid leader gets the figures of their own grid only, counted from the ledger', async () => {
    const leader = as(server, await login(server, 'grid1'));
    const answer = await leader.get('/api/staff/grid-figures');
    expect(answer.status).toBe(200);
    const { grids } = (await answer.json()) as {
      grids: { id: string; openRequests: number; elderly60: number; buildings: { id: string; openRequests: number; contacts: unknown }[] }[];
    };
    expect(grids.map((g) => g.id)).toEqual(['gr-xinhua-1']);
    const open = server.ctx.store.listRequests({ gridIds: ['gr-xinhua-1'], status: 'open' });
    expect(grids[0]!.openRequests).toBe(open.length);
    const elders = server.ctx.dataset.compounds.features.filter((c) => c.properties.grid_id === 'gr-xinhua-1').reduce((n, c) => n + c.properties.elderly60, 0);
    expect(grids[0]!.elderly60).toBe(elders);
    expect(grids[0]!.buildings.every((b) => b.id.startsWith('c-') && b.contacts !== undefined)).toBe(true);
  });
});

describe('intake per building', () => {
  it('stores the building of the QR code, and the grid figures count it under that building', async () => {
    const at = await compoundPoint(server, 'c-001');
    const filed = await report(server, { ...at, compound_id: 'c-001', building_id: 'c-001-b2' });
    expect(filed.status).toBe(201);
    const stored = server.ctx.store.getRequest((filed.json as Filed).service_request_id)!;
    expect(stored.buildingId).toBe('c-001-b2');
    const worker = as(server, await login(server, 'xinhua'));
    const detail = (await (await worker.get(`/api/requests/${stored.id}`)).json()) as { request: { buildingId: string } };
    expect(detail.request.buildingId).toBe('c-001-b2');
    const { grids } = (await (await worker.get('/api/staff/grid-figures')).json()) as {
      grids: { id: string; buildings: { id: string; openRequests: number }[] }[];
    };
    const building = grids.find((g) => g.id === stored.gridId)!.buildings.find((b) => b.id === 'c-001-b2')!;
    expect(building.openRequests).toBeGreaterThanOrEqual(1);
  });

  it('refuses an unknown building, or one of another compound, and stores nothing', async () => {
    const at = await compoundPoint(server, 'c-001');
    const before = server.ctx.store.countRequests();
    for (const [building, message] of [
      ['c-001-b99', /no building "c-001-b99"/],
      ['c-002-b1', /is in compound c-002, not c-001/],
    ] as const) {
      const answer = await report(server, { ...at, compound_id: 'c-001', building_id: building });
      expect(answer.status).toBe(400);
      expect(isErrorArray(answer.json)).toBe(true);
      expect((answer.json as { description: string }[])[0]!.description).toMatch(message);
    }
    expect(server.ctx.store.countRequests()).toBe(before);
  });

  it('a wish posted for a building keeps it; a building of another compound is refused', async () => {
    const worker = as(server, await login(server, 'xinhua'));
    const posted = await worker.post('/api/wishes', { compoundId: 'c-001', buildingId: 'c-001-b1', text: '代买一周的菜' });
    expect(posted.status).toBe(201);
    expect(((await posted.json()) as { buildingId: string }).buildingId).toBe('c-001-b1');
    const wrong = await worker.post('/api/wishes', { compoundId: 'c-001', buildingId: 'c-002-b1', text: '代买一周的菜' });
    expect(wrong.status).toBe(400);
  });
});
