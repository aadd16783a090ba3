import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_SERVICE_CODES } from '../../src/domain/intake/services';
import { fromOpen311 } from '../../src/domain/volunteers/open311';
import { issueApiKey } from '../../src/server/auth/apiKeys';
import type { LedgerChange } from '../../src/server/context';
import { SqliteLedgerStore } from '../../src/server/store/sqlite';
import { startTestServer, type TestServer } from './helpers';
import { get, post, xmlItems } from './open311-client';

/** The sample's requests run from 2 August to 31 October 2026; "now" is 1 November. */
const NOW = new Date('2026-11-01T12:00:00+08:00');
const DAY_MS = 86_400_000;

type Req = Record<string, unknown> & { service_request_id: string; extended_attributes: Record<string, unknown> };
type Service = Record<string, unknown> & { service_code: string };

let server: TestServer;
let key: string;
const changes: LedgerChange[] = [];

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  key = issueApiKey(server.ctx.store, 'test').key;
  server.ctx.events.on('change', (c: LedgerChange) => changes.push(c));
});
afterAll(() => server.close());

const ids = (list: Req[]) => list.map((r) => r.service_request_id);

describe('GET services', () => {
  it('lists facility categories and volunteer skills in Chinese, covering every code the requests and the intake page use', async () => {
    const { status, type, json } = await get<Service[]>(server, '/open311/v2/services.json');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(json.find((s) => s.service_code === 'canteen')).toEqual({
      service_code: 'canteen',
      service_name: '长者食堂/社区食堂',
      description: expect.stringContaining('长者食堂/社区食堂'),
      metadata: false,
      type: 'realtime',
      keywords: expect.stringContaining('社区食堂'),
      group: '设施',
    });
    expect(json.find((s) => s.service_code === 'repair')).toMatchObject({ service_name: '维修', group: '志愿服务', metadata: false, type: 'realtime' });
    const codes = new Set(json.map((s) => s.service_code));
    for (const r of server.ctx.dataset.requests.features) expect(codes).toContain(r.properties.service_code);
    for (const code of INTAKE_SERVICE_CODES) expect(codes).toContain(code);
    expect(codes.size).toBe(json.length);
  });

  it('answers in English with ?lang=en or Accept-Language, Chinese when Chinese is preferred', async () => {
    const byQuery = await get<Service[]>(server, '/open311/v2/services.json?lang=en');
    const byHeader = await get<Service[]>(server, '/open311/v2/services.json', { 'accept-language': 'en-GB,en;q=0.9' });
    const zhFirst = await get<Service[]>(server, '/open311/v2/services.json', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(byQuery.json.find((s) => s.service_code === 'repair')).toMatchObject({ service_name: 'Repairs', group: 'Volunteer help' });
    expect(byQuery.json.find((s) => s.service_code === 'canteen')).toMatchObject({ service_name: 'Elder / community canteen', group: 'Facilities' });
    expect(byHeader.json).toEqual(byQuery.json);
    expect(zhFirst.json.find((s) => s.service_code === 'repair')?.service_name).toBe('维修');
  });

  it('carries the same services in XML', async () => {
    const json = await get<Service[]>(server, '/open311/v2/services.json');
    const xml = await get(server, '/open311/v2/services.xml');
    expect(xml.type).toMatch(/^application\/xml/);
    expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xmlItems(xml.text, 'service')).toEqual(json.json.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)]))));
  });
});

describe('GET requests', () => {
  it('returns the last 90 days by default, newest first, with stage and compound as extensions', async () => {
    const { status, json } = await get<Req[]>(server, '/open311/v2/requests.json');
    expect(status).toBe(200);
    const since = NOW.getTime() - 90 * DAY_MS;
    const expected = server.ctx.dataset.requests.features.filter((f) => Date.parse(f.properties.requested_datetime) >= since);
    expect(json).toHaveLength(expected.length);
    expect(ids(json)).not.toContain('YF-2026-0001'); // filed 2 August, 91 days before "now"
    const times = json.map((r) => Date.parse(String(r.requested_datetime)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const r of json) {
      expect(r.stage).toBe(r.extended_attributes.stage);
      expect(r.compound_id ?? undefined).toBe(r.extended_attributes.compound_id);
      expect(String(r.requested_datetime)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    }
  });

  it('carries the same fields in XML as in JSON', async () => {
    const json = await get<Req[]>(server, '/open311/v2/requests.json?service_code=errand');
    const xml = await get(server, '/open311/v2/requests.xml?service_code=errand');
    const items = xmlItems(xml.text, 'request');
    expect(items).toHaveLength(json.json.length);
    const asText = (v: unknown): unknown =>
      v === null ? '' : typeof v === 'object' ? Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, asText(x)])) : String(v);
    expect(items).toEqual(json.json.map((r) => asText(r)));
  });

  it('filters by service_code, status, stage, compound_id and dates', async () => {
    const all = (await get<Req[]>(server, '/open311/v2/requests.json')).json;
    const pick = (f: (r: Req) => boolean) => ids(all.filter(f));
    const twoCodes = await get<Req[]>(server, '/open311/v2/requests.json?service_code=repair,escort');
    expect(ids(twoCodes.json)).toEqual(pick((r) => r.service_code === 'repair' || r.service_code === 'escort'));
    expect(twoCodes.json.length).toBeGreaterThan(0);
    const open = await get<Req[]>(server, '/open311/v2/requests.json?status=open');
    expect(ids(open.json)).toEqual(pick((r) => r.status === 'open'));
    expect(open.json.length).toBeGreaterThan(0);
    expect(ids((await get<Req[]>(server, '/open311/v2/requests.json?status=open,closed')).json)).toEqual(ids(all));
    const stages = await get<Req[]>(server, '/open311/v2/requests.json?stage=collect,execute');
    expect(ids(stages.json)).toEqual(pick((r) => r.stage === 'collect' || r.stage === 'execute'));
    const compound = await get<Req[]>(server, '/open311/v2/requests.json?compound_id=c-013');
    expect(ids(compound.json)).toEqual(pick((r) => r.compound_id === 'c-013'));
    expect(compound.json.length).toBeGreaterThan(0);
    const august = await get<Req[]>(server, '/open311/v2/requests.json?start_date=2026-08-01T00:00:00%2B08:00&end_date=2026-08-31T23:59:59%2B08:00');
    expect(ids(august.json)).toContain('YF-2026-0001');
    for (const r of august.json) expect(String(r.requested_datetime).slice(0, 7)).toBe('2026-08');
    const dayOnly = await get<Req[]>(server, '/open311/v2/requests.json?start_date=2026-08-02&end_date=2026-08-03');
    expect(ids(dayOnly.json)).toContain('YF-2026-0001');
  });

  it('takes service_request_id (a comma list) over every other filter', async () => {
    const { json } = await get<Req[]>(server, '/open311/v2/requests.json?service_request_id=YF-2026-0001,YF-2026-0002&status=open&service_code=none');
    expect(ids(json).sort()).toEqual(['YF-2026-0001', 'YF-2026-0002']);
  });

  it('refuses filters it cannot read with the error array, in JSON and XML', async () => {
    for (const [query, says] of [
      ['start_date=yesterday', /start_date/],
      ['end_date=2026-13-45T99:00:00Z', /end_date/],
      ['status=pending', /status/],
      ['stage=done', /stage/],
      ['compound_id=nowhere', /compound_id/],
      ['start_date=2026-10-01&end_date=2026-09-01', /before/],
      ['start_date=2026-01-01&end_date=2026-10-01', /90 days/],
    ] as const) {
      const json = await get<{ code: number; description: string }[]>(server, `/open311/v2/requests.json?${query}`);
      expect(json.status, query).toBe(400);
      expect(json.json).toEqual([{ code: 400, description: expect.stringMatching(says) }]);
      const xml = await get(server, `/open311/v2/requests.xml?${query}`);
      expect(xml.status).toBe(400);
      expect(xmlItems(xml.text, 'error')).toEqual([{ code: '400', description: json.json[0]!.description }]);
    }
  });

  it('gives the public no request texts and positions to 3 decimals; a system with a key gets both', async () => {
    const seeded = server.ctx.dataset.requests.features.find((f) => f.properties.service_request_id === 'YF-2026-0007')!;
    const [lon, lat] = seeded.geometry.coordinates as [number, number];
    const [pub] = (await get<Req[]>(server, '/open311/v2/requests/YF-2026-0007.json')).json;
    expect(pub!.description).toBeNull();
    expect(pub!.lat).toBe(Math.round(lat * 1000) / 1000);
    expect(pub!.long).toBe(Math.round(lon * 1000) / 1000);
    const [trusted] = (await get<Req[]>(server, `/open311/v2/requests/YF-2026-0007.json?api_key=${key}`)).json;
    expect(trusted!.description).toBe(seeded.properties.description);
    expect([trusted!.long, trusted!.lat]).toEqual([lon, lat]);
    expect((await get(server, '/open311/v2/requests/YF-2026-0007.json?api_key=sc_forged')).status).toBe(403);
  });

  it("is read back by the app's own Open311 import", async () => {
    const { json } = await get<Req[]>(server, `/open311/v2/requests.json?api_key=${key}`);
    const back = fromOpen311(json);
    expect(back.problems).toEqual([]);
    expect(back.features).toHaveLength(json.length);
    const seeded = server.ctx.dataset.requests.features.find((f) => f.properties.service_request_id === 'YF-2026-0124')!;
    const read = back.features.find((f) => f.properties.service_request_id === 'YF-2026-0124')!;
    expect(read.properties).toMatchObject({
      stage: seeded.properties.stage,
      status: seeded.properties.status,
      compound_id: seeded.properties.compound_id,
      description: seeded.properties.description,
    });
    expect(Date.parse(read.properties.requested_datetime)).toBe(Date.parse(seeded.properties.requested_datetime));
  });
});

describe('GET one request', () => {
  it('returns it alone in an array, in JSON and XML', async () => {
    const json = await get<Req[]>(server, '/open311/v2/requests/YF-2026-0002.json');
    expect(json.status).toBe(200);
    expect(ids(json.json)).toEqual(['YF-2026-0002']);
    const xml = await get(server, '/open311/v2/requests/YF-2026-0002.xml');
    const items = xmlItems(xml.text, 'request');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ service_request_id: 'YF-2026-0002', stage: json.json[0]!.stage, status: json.json[0]!.status, description: '' });
  });

  it('answers 404 with the error array for an unknown id or format', async () => {
    const json = await get(server, '/open311/v2/requests/YF-1999-9999.json');
    expect(json.status).toBe(404);
    expect(json.json).toEqual([{ code: 404, description: expect.stringContaining('YF-1999-9999') }]);
    const xml = await get(server, '/open311/v2/requests/YF-1999-9999.xml');
    expect(xml.status).toBe(404);
    expect(xmlItems(xml.text, 'error')[0]).toMatchObject({ code: '404' });
    expect((await get(server, '/open311/v2/requests/YF-2026-0002.csv')).status).toBe(404);
  });
});

describe('POST requests', () => {
  const compound = () => server.ctx.dataset.compounds.features.find((c) => c.properties.id === 'c-013')!;

  it('files a form-encoded request: 201, then it is in the ledger at collect with its history', async () => {
    const [lon, lat] = pointOnFeature(compound()).geometry.coordinates as [number, number];
    const before = changes.length;
    const answer = await post<{ service_request_id: string; service_notice: string; account_id: string | null }[]>(server, '/open311/v2/requests.json', {
      api_key: key,
      service_code: 'repair',
      lat,
      long: lon,
      description: '楼道灯坏了',
      first_name: '王',
      last_name: '芳',
      phone: '138 0000 0000',
      email: 'wang@example.org',
      device_id: 'dev-1',
      account_id: 'acc-9',
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual([
      { service_request_id: expect.stringMatching(/^SR-2026-\d+$/), service_notice: expect.stringContaining('收集民情提事'), account_id: 'acc-9' },
    ]);
    const id = answer.json[0]!.service_request_id;

    const [seen] = (await get<Req[]>(server, `/open311/v2/requests/${id}.json?api_key=${key}`)).json;
    expect(seen).toMatchObject({ service_code: 'repair', status: 'open', stage: 'collect', compound_id: 'c-013', description: '楼道灯坏了', lat, long: lon });
    expect(seen!.extended_attributes).toMatchObject({ stage: 'collect', compound_id: 'c-013' });
    expect(Date.parse(String(seen!.requested_datetime))).toBe(NOW.getTime());
    expect(Date.parse(String(seen!.expected_datetime))).toBe(NOW.getTime() + 7 * DAY_MS);
    expect(ids((await get<Req[]>(server, '/open311/v2/requests.json?stage=collect&compound_id=c-013')).json)).toContain(id);

    const stored = server.ctx.store.getRequest(id)!;
    expect(stored).toMatchObject({ source: 'open311:test', gridId: expect.any(String), communityId: expect.any(String) });
    expect(stored.reporter).toEqual({ name: '王 芳', phone: '138 0000 0000', email: 'wang@example.org', deviceId: 'dev-1', accountId: 'acc-9' });
    expect(server.ctx.store.history(id)).toEqual([expect.objectContaining({ actor: 'open311:test', fromStage: null, toStage: 'collect', toStatus: 'open' })]);
    expect(changes.slice(before)).toEqual([{ kind: 'created', request: expect.objectContaining({ id }) }]);
  });

  it('files a JSON request by address (a compound name), placed inside that compound, answering in XML', async () => {
    const answer = await post(server, '/open311/v2/requests.xml?lang=en', { api_key: key, service_code: 'canteen', address_string: '造纸厂宿舍' }, 'json');
    expect(answer.status).toBe(201);
    const [item] = xmlItems(answer.text, 'request');
    expect(item).toMatchObject({ service_notice: expect.stringContaining('Received'), account_id: '' });
    const stored = server.ctx.store.getRequest(String(item!.service_request_id))!;
    expect(stored).toMatchObject({ compoundId: 'c-013', address: '造纸厂宿舍', serviceCode: 'canteen' });
    expect(booleanPointInPolygon([stored.lon, stored.lat], compound())).toBe(true);
  });

  it('places a request by address_id or our compound_id, and derives the grid and community', async () => {
    for (const fields of [{ address_id: 'c-001' }, { compound_id: 'c-001' }, { address_string: 'Qianheng Estate' }] as Record<string, string>[]) {
      const answer = await post<{ service_request_id: string }[]>(server, '/open311/v2/requests.json', { api_key: key, service_code: 'escort', ...fields });
      expect(answer.status, JSON.stringify(fields)).toBe(201);
      expect(server.ctx.store.getRequest(answer.json[0]!.service_request_id)).toMatchObject({
        compoundId: 'c-001',
        gridId: 'gr-xinhua-1',
        communityId: 'cm-xinhua',
      });
    }
  });

  it('answers a burst of 200 at once, each with its own id, every one stored', async () => {
    const before = server.ctx.store.countRequests();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        post<{ service_request_id: string }[]>(
          server,
          '/open311/v2/requests.json',
          { api_key: key, service_code: 'errand', lat: 26.0843 + i * 1e-6, long: 119.3183 },
          'json',
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const ids = answers.map((a) => a.json[0]!.service_request_id);
    expect(new Set(ids).size).toBe(200);
    expect(server.ctx.store.countRequests()).toBe(before + 200);
    for (const id of ids) expect(server.ctx.store.getRequest(id)?.source).toBe('open311:test');
  });

  it('keeps a media_url for systems with a key, not for the public', async () => {
    const answer = await post<{ service_request_id: string }[]>(
      server,
      '/open311/v2/requests.json',
      { api_key: key, service_code: 'park', compound_id: 'c-002', media_url: 'https://photos.example.org/p/1.jpg' },
      'json',
    );
    const id = answer.json[0]!.service_request_id;
    expect((await get<Req[]>(server, `/open311/v2/requests/${id}.json?api_key=${key}`)).json[0]!.media_url).toBe('https://photos.example.org/p/1.jpg');
    expect((await get<Req[]>(server, `/open311/v2/requests/${id}.json`)).json[0]!.media_url).toBeNull();
  });
});

describe('fresh answers', () => {
  it('shows every change at once, whether made through this server or by another process on the same ledger', async () => {
    const made = server.ctx.store.createRequest(
      { serviceCode: 'repair', lon: 119.3183, lat: 26.0843, compoundId: 'c-013', source: 'staff', requestedAt: NOW.toISOString() },
      'wang',
    );
    const list = `/open311/v2/requests.json?service_request_id=${made.id}`;
    const one = `/open311/v2/requests/${made.id}.xml`;
    expect((await get<Req[]>(server, list)).json[0]!.stage).toBe('collect');
    expect(xmlItems((await get(server, one)).text, 'request')[0]!.stage).toBe('collect');

    server.ctx.store.moveRequest(made.id, { stage: 'deliberate', actor: 'wang' });
    expect((await get<Req[]>(server, list)).json[0]!.stage).toBe('deliberate');
    expect(xmlItems((await get(server, one)).text, 'request')[0]!.stage).toBe('deliberate');

    const other = new SqliteLedgerStore(server.dbFile);
    other.moveRequest(made.id, { stage: 'coordinate', actor: 'cli' });
    other.close();
    expect((await get<Req[]>(server, list)).json[0]!.stage).toBe('coordinate');
    expect(xmlItems((await get(server, one)).text, 'request')[0]!.stage).toBe('coordinate');
  });
});
