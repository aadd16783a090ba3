import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';
import { call, isErrorArray, report, type Filed } from './intakeHelpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const DESCRIPTION = '6 号楼门口垃圾没人清 李四 13987654321';
const PHONE = '13987654321';

async function file(): Promise<Filed> {
  const answer = await report(server, { service_code: 'recycling', description: DESCRIPTION, phone: PHONE });
  expect(answer.status).toBe(201);
  return answer.json as Filed;
}

interface Tracked {
  service_request_id: string;
  stage: string;
  status: string;
  steps: { stage: string; at: string; by: string }[];
  rating: number | null;
  can_rate: boolean;
}

describe('tracking a report', () => {
  it('follows the stages by tracking code, with no text, phone, staff name or note', async () => {
    const filed = await file();
    const first = await call(server, 'GET', `/api/track/${filed.tracking_code}`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.json).toMatchObject({
      service_request_id: filed.service_request_id,
      service_code: 'recycling',
      stage: 'collect',
      status: 'open',
      rating: null,
      can_rate: false,
    });
    expect((first.json as Tracked).steps).toEqual([{ stage: 'collect', at: expect.any(String), by: 'resident' }]);

    server.ctx.store.moveRequest(filed.service_request_id, { stage: 'deliberate', actor: 'wang.xiuying', note: '王秀英 called 13987654321' });
    server.ctx.store.assignRequest(filed.service_request_id, null, 'wang.xiuying');
    const moved = await call(server, 'GET', `/api/track/${filed.tracking_code.toLowerCase().replace(/(.{5})/, '$1-')}`);
    expect(moved.status).toBe(200);
    expect((moved.json as Tracked).stage).toBe('deliberate');
    expect((moved.json as Tracked).steps.map((s) => [s.stage, s.by])).toEqual([
      ['collect', 'resident'],
      ['deliberate', 'community'],
    ]);
    for (const answer of [first, moved]) {
      for (const secret of [PHONE, '垃圾', '李四', 'wang.xiuying', '王秀英', 'description', 'phone']) expect(answer.text).not.toContain(secret);
    }
  });

  it('follows a request by its id for neighbours who chose to follow it, without the right to rate', async () => {
    const filed = await file();
    server.ctx.store.moveRequest(filed.service_request_id, { stage: 'publish', actor: 'staff' });
    const answer = await call(server, 'GET', `/api/track/request/${filed.service_request_id}`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ service_request_id: filed.service_request_id, stage: 'publish', can_rate: false });
    expect(answer.text).not.toContain(PHONE);
    expect(answer.text).not.toContain('垃圾');
    // A seeded request too: the public stage of any request, nothing of its text.
    const seeded = server.ctx.store.getRequest('YF-2026-0001')!;
    const old = await call(server, 'GET', '/api/track/request/YF-2026-0001');
    expect(old.json).toMatchObject({ stage: seeded.stage, rating: seeded.rating });
    expect(old.text).not.toContain(seeded.description!);
  });

  it('answers 404 with the error array for an unknown or malformed code and an unknown id', async () => {
    for (const path of ['/api/track/ABCDEFGHJK', '/api/track/short', '/api/track/%27%20OR%201%3D1--', '/api/track/request/YF-0000-9999']) {
      const answer = await call(server, 'GET', path);
      expect(answer.status, path).toBe(404);
      expect(isErrorArray(answer.json)).toBe(true);
    }
  });
});

describe('rating a report', () => {
  it('refuses a rating before the outcome is public, changing nothing', async () => {
    const filed = await file();
    const refused = await call(server, 'POST', `/api/track/${filed.tracking_code}/rate`, { rating: 5 });
    expect(refused.status).toBe(409);
    expect(isErrorArray(refused.json)).toBe(true);
    expect(server.ctx.store.getRequest(filed.service_request_id)).toMatchObject({ stage: 'collect', rating: null });
  });

  it('at 公示 takes the code holder’s rating once, and closes the request at 评价', async () => {
    const filed = await file();
    server.ctx.store.moveRequest(filed.service_request_id, { stage: 'publish', actor: 'staff' });
    expect(((await call(server, 'GET', `/api/track/${filed.tracking_code}`)).json as Tracked).can_rate).toBe(true);
    const changes: { kind: string }[] = [];
    server.ctx.events.on('change', (c: { kind: string }) => changes.push(c));
    const rated = await call(server, 'POST', `/api/track/${filed.tracking_code}/rate`, { rating: 4, comment: '很快，谢谢' });
    expect(rated.status).toBe(200);
    expect(rated.json).toMatchObject({ stage: 'rate', status: 'closed', rating: 4, can_rate: false });
    expect((rated.json as Tracked).steps.at(-1)).toMatchObject({ stage: 'rate', by: 'resident' });
    expect(rated.text).not.toContain('很快');
    expect(server.ctx.store.getRequest(filed.service_request_id)).toMatchObject({ stage: 'rate', status: 'closed', rating: 4 });
    expect(changes.map((c) => c.kind)).toEqual(['rated']);
    const again = await call(server, 'POST', `/api/track/${filed.tracking_code}/rate`, { rating: 1 });
    expect(again.status).toBe(409);
    expect(server.ctx.store.getRequest(filed.service_request_id)!.rating).toBe(4);
  });

  it('at 评价 without a rating takes one; by request id nobody can rate', async () => {
    const filed = await file();
    server.ctx.store.moveRequest(filed.service_request_id, { stage: 'rate', status: 'closed', actor: 'staff' });
    const byId = await call(server, 'POST', `/api/track/request/${filed.service_request_id}/rate`, { rating: 1 });
    expect([404, 405]).toContain(byId.status);
    const rated = await call(server, 'POST', `/api/track/${filed.tracking_code}/rate`, { rating: 5 });
    expect(rated.status).toBe(200);
    expect(server.ctx.store.getRequest(filed.service_request_id)!.rating).toBe(5);
  });

  it('refuses ratings outside 1–5, not whole, or with a long comment', async () => {
    const filed = await file();
    server.ctx.store.moveRequest(filed.service_request_id, { stage: 'publish', actor: 'staff' });
    for (const body of [{ rating: 0 }, { rating: 6 }, { rating: 3.5 }, { rating: 'five' }, {}, { rating: 3, comment: '好'.repeat(501) }]) {
      const answer = await call(server, 'POST', `/api/track/${filed.tracking_code}/rate`, body);
      expect(answer.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(isErrorArray(answer.json)).toBe(true);
    }
    expect(server.ctx.store.getRequest(filed.service_request_id)).toMatchObject({ stage: 'publish', rating: null });
  });
});
