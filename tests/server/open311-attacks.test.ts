import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../src/server/auth/apiKeys';
import { startTestServer, type TestServer } from './helpers';
import { get, parseXml, post, tableCounts, xmlItems } from './open311-client';

const NOW = new Date('2026-11-01T12:00:00+08:00');
/** Inside the sample's area (造纸厂宿舍). */
const HERE = { lat: 26.0843, long: 119.3183 };
const SQL = ["x'); DROP TABLE requests; --", "' OR '1'='1", '1; DELETE FROM history WHERE 1=1; --', 'Robert"); DROP TABLE api_keys;--'];

type Errors = { code: number; description: string }[];
type Created = { service_request_id: string }[];

let server: TestServer;
let key: string;
let before: ReturnType<typeof tableCounts>;

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  key = issueApiKey(server.ctx.store, 'test').key;
});
afterAll(() => server.close());

describe('refused requests change nothing', () => {
  beforeEach(() => {
    before = tableCounts(server);
  });
  afterEach(() => {
    expect(tableCounts(server)).toEqual(before);
  });

  const refused = async (fields: Record<string, string | number>, status: number, says: RegExp, as: 'form' | 'json' = 'form') => {
    const answer = await post<Errors>(server, '/open311/v2/requests.json', fields, as);
    expect(answer.status, JSON.stringify(fields).slice(0, 200)).toBe(status);
    expect(answer.json).toEqual([{ code: status, description: expect.stringMatching(says) }]);
  };

  it('refuses a POST without an api_key, or with a forged one (403)', async () => {
    await refused({ service_code: 'repair', ...HERE }, 403, /api_key is required/);
    await refused({ api_key: 'sc_not-a-real-key', service_code: 'repair', ...HERE }, 403, /unknown or revoked/);
    await refused({ api_key: `${key}x`, service_code: 'repair', ...HERE }, 403, /unknown or revoked/, 'json');
    const xml = await post(server, '/open311/v2/requests.xml', { service_code: 'repair', ...HERE });
    expect(xml.status).toBe(403);
    expect(xmlItems(xml.text, 'error')).toEqual([{ code: '403', description: expect.stringContaining('api_key') }]);
  });

  it('refuses a 3 MB body (413) and broken JSON (400), with the error array', async () => {
    const big = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: key, service_code: 'repair', ...HERE, description: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual([{ code: 413, description: expect.any(String) }]);
    const broken = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"api_key": "${key}", "service_code": "repair",`,
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual([{ code: 400, description: expect.stringContaining('JSON') }]);
    const notObject = await fetch(`${server.url}/open311/v2/requests.json?api_key=${key}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1,2,3]',
    });
    expect(notObject.status).toBe(400);
  });

  it('refuses a description of 4,001 characters, missing or unknown services and bad fields (400)', async () => {
    await refused({ api_key: key, service_code: 'repair', ...HERE, description: '修'.repeat(4001) }, 400, /4000/);
    await refused({ api_key: key, ...HERE }, 400, /service_code/);
    await refused({ api_key: key, service_code: 'rocket_launch', ...HERE }, 400, /not a service/);
    await refused({ api_key: key, service_code: 'repair', ...HERE, media_url: 'javascript:alert(1)' }, 400, /media_url/);
    await refused({ api_key: key, service_code: 'repair', ...HERE, email: 'not an email' }, 400, /email/);
    await refused({ api_key: key, service_code: 'repair', ...HERE, phone: '<script>' }, 400, /phone/);
    await refused({ api_key: key, service_code: 'repair', ...HERE, description: 'bell\u0007 and nul\u0000' }, 400, /control characters/, 'json');
    await refused({ api_key: key, service_code: 'repair', ...HERE, compound_id: 'c-999' }, 400, /compound_id/);
  });

  it('refuses positions out of range, swapped, outside the area, half given or missing (400)', async () => {
    await refused({ api_key: key, service_code: 'repair', lat: 119.3183, long: 26.0843 }, 400, /lat must be between -90 and 90.*swapped/);
    await refused({ api_key: key, service_code: 'repair', lat: 26.08, long: 200 }, 400, /long must be between/);
    await refused({ api_key: key, service_code: 'repair', lat: -95, long: 119.3 }, 400, /lat must be between/, 'json');
    await refused({ api_key: key, service_code: 'repair', lat: 48.85, long: 2.35 }, 400, /outside the area/);
    await refused({ api_key: key, service_code: 'repair', lat: 'north', long: 119.3 }, 400, /lat/);
    await refused({ api_key: key, service_code: 'repair', lat: '', long: '' }, 400, /location is required/);
    await refused({ api_key: key, service_code: 'repair', lat: 26.08 }, 400, /lat and long go together/);
    await refused({ api_key: key, service_code: 'repair' }, 400, /location is required/);
    await refused({ api_key: key, service_code: 'repair', address_string: '火星路 1 号' }, 400, /was not found.*send lat and long/);
  });

  it('refuses SQL in the service code and in compound ids without touching the tables', async () => {
    for (const evil of SQL) {
      await refused({ api_key: key, service_code: evil, ...HERE }, 400, /not a service/);
      await refused({ api_key: key, service_code: 'repair', compound_id: evil }, 400, /compound_id/);
      const filtered = await get<Errors>(server, `/open311/v2/requests.json?service_code=${encodeURIComponent(evil)}&compound_id=c-001`);
      expect(filtered.status).toBe(200);
      expect(filtered.json).toEqual([]);
    }
  });
});

describe('what is stored and shown', () => {
  it('stores SQL injection strings in every text field as plain text, tables intact', async () => {
    const tables = tableCounts(server).tables;
    for (const evil of SQL) {
      const fields = {
        api_key: key,
        service_code: 'repair',
        ...HERE,
        description: evil,
        address_string: evil,
        first_name: evil,
        last_name: evil,
        device_id: evil,
        account_id: evil,
      };
      const answer = await post<Created>(server, '/open311/v2/requests.json', fields);
      expect(answer.status).toBe(201);
      const stored = server.ctx.store.getRequest(answer.json[0]!.service_request_id)!;
      expect(stored).toMatchObject({ description: evil, address: evil, reporter: { name: `${evil} ${evil}`, deviceId: evil, accountId: evil } });
    }
    expect(tableCounts(server).tables).toBe(tables);
    expect(server.ctx.store.getRequest('YF-2026-0001')).not.toBeNull();
    expect(server.ctx.store.history('YF-2026-0001')).toHaveLength(1);
  });

  it('escapes HTML in descriptions in XML and gives the text back unchanged', async () => {
    const html = '<script>alert("x")</script><b>水管&爆了</b> ]]> <!-- -->';
    const answer = await post<Created>(server, '/open311/v2/requests.json', { api_key: key, service_code: 'repair', ...HERE, description: html }, 'json');
    const id = answer.json[0]!.service_request_id;
    const xml = await get(server, `/open311/v2/requests/${id}.xml?api_key=${key}`);
    expect(xml.text).not.toContain('<script>');
    expect(xml.text).toContain('&lt;script&gt;');
    expect(xmlItems(xml.text, 'request')[0]!.description).toBe(html);
  });

  it('writes well-formed XML even for stored texts XML cannot carry', async () => {
    const odd = server.ctx.store.createRequest(
      { serviceCode: 'repair', ...{ lat: HERE.lat, lon: HERE.long }, description: 'bell\u0007 nul\u0000 lone\ud800 end', source: 'staff' },
      'tester',
    );
    const xml = await get(server, `/open311/v2/requests/${odd.id}.xml?api_key=${key}`);
    expect(() => parseXml(xml.text)).not.toThrow();
    expect(xmlItems(xml.text, 'request')[0]!.description).toMatch(/^bell.*end$/);
  });

  it("never shows the public a reporter's name, phone, email, device id or the request text", async () => {
    const secret = {
      first_name: '李秘密',
      last_name: '张隐私',
      phone: '+86 139 1234 5678',
      email: 'secret.person@example.org',
      device_id: 'device-7f3a9c',
      account_id: 'acct-4471',
      description: '我家住3号楼2单元501，独居，请上门',
      address_string: '3号楼2单元501室',
    };
    const answer = await post<Created>(server, '/open311/v2/requests.json', {
      api_key: key,
      service_code: 'companionship',
      lat: 26.08431234,
      long: 119.31834567,
      ...secret,
    });
    expect(answer.status).toBe(201);
    const id = answer.json[0]!.service_request_id;
    const publicAnswers = [
      await get(server, `/open311/v2/requests/${id}.json`),
      await get(server, `/open311/v2/requests/${id}.xml`),
      await get(server, '/open311/v2/requests.json'),
      await get(server, '/open311/v2/requests.xml?stage=collect'),
      await get(server, `/open311/v2/requests.json?service_request_id=${id}`),
    ];
    for (const { status, text } of publicAnswers) {
      expect(status).toBe(200);
      expect(text).toContain(id);
      for (const value of Object.values(secret)) expect(text).not.toContain(value);
      expect(text).not.toContain('26.08431234');
      expect(text).not.toContain('119.31834567');
    }
    const trusted = await get(server, `/open311/v2/requests/${id}.json?api_key=${key}`);
    expect(trusted.text).toContain(secret.description);
    expect(trusted.text).toContain('26.08431234');
    for (const value of [secret.first_name, secret.last_name, secret.phone, secret.email, secret.device_id]) expect(trusted.text).not.toContain(value);
  });
});

describe('per-key limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ now: () => NOW, open311PerKeyPerMinute: 3 });
  });
  afterAll(() => limited.close());

  it('answers 429 beyond the allowance of a key, stores nothing, and leaves other keys alone', async () => {
    const busy = issueApiKey(limited.ctx.store, 'hotline').key;
    const other = issueApiKey(limited.ctx.store, 'property').key;
    const fields = (apiKey: string) => ({ api_key: apiKey, service_code: 'repair', ...HERE });
    for (let i = 0; i < 3; i++) expect((await post(limited, '/open311/v2/requests.json', fields(busy))).status).toBe(201);
    const counts = tableCounts(limited);
    const response = await fetch(`${limited.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields(busy) as unknown as Record<string, string>),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toEqual([{ code: 429, description: expect.stringContaining('hotline') }]);
    const xml = await post(limited, '/open311/v2/requests.xml', fields(busy));
    expect(xml.status).toBe(429);
    expect(xmlItems(xml.text, 'error')[0]).toMatchObject({ code: '429' });
    expect(tableCounts(limited)).toEqual(counts);
    expect((await post(limited, '/open311/v2/requests.json', fields(other))).status).toBe(201);
  });
});
