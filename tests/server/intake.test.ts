import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';
import { call, COMPOUND, compoundPoint, isErrorArray, report, type Filed } from './intakeHelpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('intake: what the QR page reads', () => {
  it('gives the compound of a QR code with its community, a point inside it and a small drawing', async () => {
    const answer = await call(server, 'GET', `/api/intake/compounds/${COMPOUND}`);
    expect(answer.status).toBe(200);
    const body = answer.json as {
      name: { zh: string; en: string };
      community: { id: string; name: { zh: string } };
      point: { lat: number; long: number };
      sketch: { outline: number[][][]; streets: unknown[]; gates: { name: string }[] };
    };
    expect(body.name).toEqual({ zh: '前横小区', en: 'Qianheng Estate' });
    expect(body.community).toEqual({ id: 'cm-xinhua', name: { zh: '新华社区', en: 'Xinhua Community' } });
    expect(server.ctx.places.ofPoint(body.point.long, body.point.lat).compoundId).toBe(COMPOUND);
    expect(body.sketch.outline[0]!.length).toBeGreaterThan(3);
    expect(body.sketch.streets.length).toBeGreaterThan(0);
    expect(body.sketch.gates.map((g) => g.name)).toContain('南门');
    // The drawing is a few kilobytes, not the street network.
    expect(answer.text.length).toBeLessThan(40_000);
    // Public data only: no population figures, no staff of the grid.
    expect(answer.text).not.toMatch(/population|elderly|staff|phone/);
  });

  it('lists every compound for the posters, and answers 404 for an unknown one', async () => {
    const list = (await call(server, 'GET', '/api/intake/compounds')).json as { compounds: { id: string }[]; cycle_days: number };
    expect(list.compounds).toHaveLength(server.ctx.dataset.compounds.features.length);
    expect(list.cycle_days).toBe(server.ctx.config.workflow.cycleDays);
    const missing = await call(server, 'GET', '/api/intake/compounds/c-999');
    expect(missing.status).toBe(404);
    expect(isErrorArray(missing.json)).toBe(true);
  });

  it('offers the everyday services under codes the ledger already uses, named in Chinese and English', async () => {
    const { services } = (await call(server, 'GET', '/api/intake/services')).json as {
      services: { service_code: string; service_name: { zh: string; en: string } }[];
    };
    const codes = services.map((s) => s.service_code);
    expect(codes).toEqual(expect.arrayContaining(['repair', 'errand', 'medical', 'canteen', 'recycling']));
    const used = new Set(server.ctx.dataset.requests.features.map((f) => f.properties.service_code));
    expect(codes.filter((c) => used.has(c)).length).toBeGreaterThanOrEqual(6);
    expect(services.find((s) => s.service_code === 'recycling')!.service_name).toEqual({ zh: '环境卫生', en: 'Cleanliness and rubbish' });
  });
});

describe('intake: filing a report', () => {
  it('files a report as the resident with a random tracking code, in the compound, grid and community of the QR code', async () => {
    const changes: unknown[] = [];
    server.ctx.events.on('change', (c) => changes.push(c));
    const answer = await report(server, { phone: '139-0000-1111' });
    expect(answer.status).toBe(201);
    const filed = answer.json as Filed;
    expect(filed.tracking_code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(filed.tracking_url).toBe(`/track?code=${filed.tracking_code}`);
    const stored = server.ctx.store.getRequest(filed.service_request_id)!;
    expect(stored).toMatchObject({
      source: 'intake',
      stage: 'collect',
      status: 'open',
      compoundId: COMPOUND,
      gridId: 'gr-xinhua-1',
      communityId: 'cm-xinhua',
      trackingCode: filed.tracking_code,
    });
    expect(stored.reporter.phone).toBe('13900001111');
    expect(server.ctx.store.history(filed.service_request_id)[0]!.actor).toBe('resident');
    expect(changes).toEqual([expect.objectContaining({ kind: 'created', request: expect.objectContaining({ id: filed.service_request_id }) })]);
    const second = (await report(server)).json as Filed;
    expect(second.tracking_code).not.toBe(filed.tracking_code);
  });

  it('takes the compound from the point when no QR compound is given', async () => {
    const at = await compoundPoint(server, 'c-013');
    const filed = (await call(server, 'POST', '/api/intake', { service_code: 'errand', ...at, description: '帮忙代缴水电费' })).json as Filed;
    expect(server.ctx.store.getRequest(filed.service_request_id)!.compoundId).toBe('c-013');
  });

  it('keeps HTML in a description as text', async () => {
    const text = '<img src=x onerror=alert(1)><script>alert("x")</script> & 楼道';
    const filed = (await report(server, { description: text })).json as Filed;
    expect(server.ctx.store.getRequest(filed.service_request_id)!.description).toBe(text);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown compound', { compound_id: 'c-999' }, /no compound/],
    ['an unknown service', { service_code: 'teleport' }, /unknown service_code/],
    ['a missing description', { description: undefined }, /description/],
    ['a blank description', { description: '   \n ' }, /description is required/],
    ['a description over 1,000 characters', { description: '灯'.repeat(1001) }, /longer than 1000/],
    ['a place far away', { lat: 39.9, long: 116.4 }, /outside the area/],
    ['a latitude that is not a number', { lat: 'north' }, /lat/],
    ['a phone that is not one', { phone: 'call me maybe' }, /phone/],
    ['a photo that is not a data URL', { photo: 'http://example.com/x.jpg' }, /data URL/],
    ['a photo of another type', { photo: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }, /JPEG, PNG or WebP/],
    ['a filled honeypot', { website: 'http://spam.example' }, /not accepted/],
  ];
  it.each(bad)('refuses %s with a clear 400 and stores nothing', async (_what, over, message) => {
    const before = server.ctx.store.countRequests();
    const answer = await report(server, over);
    expect(answer.status).toBe(400);
    expect(isErrorArray(answer.json)).toBe(true);
    expect((answer.json as { description: string }[])[0]!.description).toMatch(message);
    expect(server.ctx.store.countRequests()).toBe(before);
  });

  it('refuses broken JSON with the error array and a 3 MB body with 413', async () => {
    const broken = await call(server, 'POST', '/api/intake', undefined, { raw: '{"service_code": "repair",' });
    expect(broken.status).toBe(400);
    expect(isErrorArray(broken.json)).toBe(true);
    const before = server.ctx.store.countRequests();
    const huge = await report(server, { photo: `data:image/jpeg;base64,${'A'.repeat(3 * 1024 * 1024)}` });
    expect(huge.status).toBe(413);
    expect(isErrorArray(huge.json)).toBe(true);
    expect(server.ctx.store.countRequests()).toBe(before);
  });
});

describe('intake: open requests nearby', () => {
  it('shows open requests of the same service within 50 m by stage, time and distance only', async () => {
    const description = '5 号楼水管漏水 张三 13812345678';
    const filed = (await report(server, { description, phone: '13812345678' })).json as Filed;
    const at = await compoundPoint(server);
    const answer = await call(server, 'GET', `/api/intake/nearby?service_code=repair&lat=${at.lat}&long=${at.long}`);
    expect(answer.status).toBe(200);
    const body = answer.json as { radius_m: number; requests: { service_request_id: string; stage: string; requested: string; distance_m: number }[] };
    expect(body.radius_m).toBe(50);
    const mine = body.requests.find((r) => r.service_request_id === filed.service_request_id)!;
    expect(mine).toEqual({ service_request_id: filed.service_request_id, stage: 'collect', requested: expect.any(String), distance_m: 0 });
    for (const r of body.requests) {
      expect(Object.keys(r).sort()).toEqual(['distance_m', 'requested', 'service_request_id', 'stage']);
      expect(r.distance_m).toBeLessThanOrEqual(50);
      const stored = server.ctx.store.getRequest(r.service_request_id)!;
      expect([stored.serviceCode, stored.status]).toEqual(['repair', 'open']);
    }
    expect(answer.text).not.toContain('13812345678');
    expect(answer.text).not.toContain('水管');
    // Another service at the same spot is not "the same problem".
    const other = (await call(server, 'GET', `/api/intake/nearby?service_code=canteen&lat=${at.lat}&long=${at.long}`)).json as {
      requests: { service_request_id: string }[];
    };
    expect(other.requests.map((r) => r.service_request_id)).not.toContain(filed.service_request_id);
  });

  it('leaves out requests farther than 50 m and closed ones', async () => {
    const at = await compoundPoint(server);
    const filed = (await report(server)).json as Filed;
    // About 60 m north.
    const far = (await call(server, 'GET', `/api/intake/nearby?service_code=repair&lat=${at.lat + 0.00054}&long=${at.long}`)).json as {
      requests: { service_request_id: string }[];
    };
    expect(far.requests.map((r) => r.service_request_id)).not.toContain(filed.service_request_id);
    server.ctx.store.moveRequest(filed.service_request_id, { stage: 'rate', status: 'closed', actor: 'test' });
    const near = (await call(server, 'GET', `/api/intake/nearby?service_code=repair&lat=${at.lat}&long=${at.long}`)).json as {
      requests: { service_request_id: string }[];
    };
    expect(near.requests.map((r) => r.service_request_id)).not.toContain(filed.service_request_id);
  });

  it('refuses a query without a service or a place', async () => {
    for (const query of [
      '?lat=26.08&long=119.31',
      '?service_code=repair&lat=26.08',
      '?service_code=nope&lat=26.08&long=119.31',
      '?service_code=repair&lat=x&long=119.31',
    ]) {
      const answer = await call(server, 'GET', `/api/intake/nearby${query}`);
      expect(answer.status, query).toBe(400);
      expect(isErrorArray(answer.json)).toBe(true);
    }
  });
});
