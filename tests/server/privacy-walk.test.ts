import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DIR, startTestServer, type TestServer } from './helpers';
import { call, compoundPoint, COMPOUND } from './intakeHelpers';
import { openEvents } from './sse-client';
import { addUser, as, login, type Login } from './staff-helpers';

/**
 * The privacy walk of the issue: every public answer of the server (data files, intake, tracking,
 * votes, evidence, open data, Open311, the public event stream), read as an anonymous visitor
 * after residents and workers have left personal data in the ledger, carries no name, phone or
 * text tied to a person. Staff-only routes answer an anonymous visitor with a refusal, and that
 * refusal carries none either.
 */

let server: TestServer;
let li: Login;
let volunteer: Login;
const REPORTER_PHONE = '13711112222';
const REPORT_TEXT = '我家 3 号楼 502 的水管漏水，我叫王秀英';
const WISH_PHONE = '13733334444';
const WISH_TEXT = '想请人帮忙换一下厨房的灯泡';
const UNIT_CONTACT = '张老师 13755556666';
let trackingCode = '';
let requestId = '';
let voteId = '';

/** Every value of a `name` or `phone` key, at any depth (volunteers, grid staff, building contacts). */
function namesAndPhones(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) namesAndPhones(v, out);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'name' || key === 'phone') && typeof v === 'string' && v.length > 1) out.add(v);
      else namesAndPhones(v, out);
    }
  return out;
}

const sample = (file: string) => JSON.parse(readFileSync(join(SAMPLE_DIR, file), 'utf8')) as { features?: { properties: Record<string, unknown> }[] };
const PERSONAL = [
  REPORTER_PHONE,
  REPORT_TEXT,
  WISH_PHONE,
  WISH_TEXT,
  UNIT_CONTACT,
  '13755556666',
  ...namesAndPhones(sample('volunteers.geojson').features!.map((f) => f.properties)),
  ...namesAndPhones(sample('grids.geojson').features!.map((f) => f.properties.staff ?? [])),
  ...namesAndPhones(JSON.parse(readFileSync(join(SAMPLE_DIR, 'staff/buildings-contacts.json'), 'utf8'))),
  // Request texts of the sample (each tied to the resident who asked).
  ...sample('requests.geojson')
    .features!.map((f) => f.properties.description)
    .filter((d): d is string => typeof d === 'string' && d.length > 4),
];

function leaks(text: string): string[] {
  return PERSONAL.filter((p) => text.includes(p));
}

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-10-31T18:00:00+08:00') });
  await addUser(server, { username: 'li', role: 'community_worker', communityId: 'cm-xinhua' });
  await addUser(server, { username: 'v6', role: 'volunteer', volunteerId: 'v-006' });
  [li, volunteer] = (await Promise.all(['li', 'v6'].map((u) => login(server, u)))) as [Login, Login];
  const at = await compoundPoint(server);
  const filed = await call(server, 'POST', '/api/intake', {
    service_code: 'repair',
    ...at,
    compound_id: COMPOUND,
    description: REPORT_TEXT,
    phone: REPORTER_PHONE,
  });
  expect(filed.status, filed.text).toBe(201);
  ({ tracking_code: trackingCode, service_request_id: requestId } = filed.json as { tracking_code: string; service_request_id: string });
  expect((await call(server, 'POST', '/api/intake/wishes', { compound_id: COMPOUND, text: WISH_TEXT, phone: WISH_PHONE })).status).toBe(201);
  const unit = await as(server, li).post('/api/sandan/units', {
    name: '新华社区礼堂',
    kind: 'venue',
    offer: '周末可借用',
    compoundId: COMPOUND,
    contact: UNIT_CONTACT,
  });
  expect(unit.status, await unit.clone().text()).toBe(201);
  const vote = await as(server, li).post(`/api/requests/${requestId}/votes`, {
    question: '楼道灯怎么修？',
    options: ['声控灯', '常亮灯'],
    deadline: '2026-11-01T18:00:00+08:00',
    codes: 3,
  });
  expect(vote.status, await vote.clone().text()).toBe(201);
  voteId = ((await vote.json()) as { vote: { id: string } }).vote.id;
});
afterAll(async () => server?.close());

describe('privacy walk: everything an anonymous visitor can read', () => {
  it('the sample has personal data to leak (the walk is not vacuous)', () => {
    expect(PERSONAL.length).toBeGreaterThan(100);
    const raw = readFileSync(join(SAMPLE_DIR, 'volunteers.geojson'), 'utf8');
    expect(leaks(raw).length).toBeGreaterThan(10);
  });

  it('public answers and every dataset file carry no name, phone or text of a person', async () => {
    const manifest = JSON.parse(readFileSync(join(SAMPLE_DIR, 'manifest.json'), 'utf8')) as { files: string[] };
    const dataset = `/data/${SAMPLE_DIR.split('/').pop()}`;
    const paths = [
      ...['manifest.json', ...manifest.files].map((f) => `${dataset}/${f}`),
      '/api/info',
      '/api/session',
      '/api/intake/compounds',
      `/api/intake/compounds/${COMPOUND}`,
      '/api/intake/services',
      '/api/intake/buildings',
      `/api/intake/buildings?compound=${COMPOUND}`,
      `/api/intake/nearby?service_code=repair&lat=${(await compoundPoint(server)).lat}&long=${(await compoundPoint(server)).long}`,
      `/api/track/${trackingCode}`,
      `/api/track/request/${requestId}`,
      `/api/votes/${voteId}`,
      '/api/evidence',
      '/api/public/sandan/units',
      '/open311/v2/services.json',
      '/open311/v2/requests.json',
      '/open311/v2/requests.xml',
      `/open311/v2/requests/${requestId}.json`,
    ];
    const read: string[] = [];
    for (const path of paths) {
      const answer = await call(server, 'GET', path);
      expect(answer.status, path).toBe(200);
      expect(leaks(answer.text), path).toEqual([]);
      read.push(path);
    }
    // The personal files are there, in their public version (the volunteers still count).
    const volunteers = JSON.parse((await call(server, 'GET', `${dataset}/volunteers.geojson`)).text) as { features: { properties: Record<string, unknown> }[] };
    expect(volunteers.features.length).toBe(sample('volunteers.geojson').features!.length);
    expect(volunteers.features[0]!.properties).not.toHaveProperty('name');
    expect(read.length).toBe(paths.length);
  });

  it('staff routes refuse an anonymous visitor, and the refusal carries nothing personal', async () => {
    for (const path of [
      '/api/wishes',
      '/api/sandan',
      '/api/staff/grid-figures',
      `/api/requests/${requestId}`,
      '/api/wishes/W-000001/contact',
      '/api/staff/buildings/c-001-b1/contacts',
    ]) {
      const answer = await call(server, 'GET', path);
      expect([401, 403], path).toContain(answer.status);
      expect(leaks(answer.text), path).toEqual([]);
    }
  });

  it('the public event stream, while a worker moves a request, carries counts only', async () => {
    const events = await openEvents(`${server.url}/api/events`);
    try {
      await events.next('aggregates');
      const seen = events.events.length;
      const moved = await as(server, li).post(`/api/requests/${requestId}/move`, { stage: 'deliberate', note: `已联系 ${REPORTER_PHONE}` });
      expect(moved.status, await moved.clone().text()).toBe(200);
      await events.next('aggregates', undefined, 10_000, seen);
      expect(leaks(events.raw())).toEqual([]);
    } finally {
      events.close();
    }
  });

  it('a community worker gets the personal files as they are; a volunteer gets the public version', async () => {
    const dataset = `/data/${SAMPLE_DIR.split('/').pop()}`;
    const staffCopy = await as(server, li).get(`${dataset}/volunteers.geojson`);
    expect(leaks(await staffCopy.text()).length).toBeGreaterThan(10);
    expect(staffCopy.headers.get('cache-control')).toBe('private, no-cache');
    expect(staffCopy.headers.get('vary')).toMatch(/Cookie/);
    const volunteerCopy = await as(server, volunteer).get(`${dataset}/volunteers.geojson`);
    expect(leaks(await volunteerCopy.text())).toEqual([]);
  });
});
