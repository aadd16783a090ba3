import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_STAGES, type RequestStage } from '../../src/domain/dataset';
import { parseEvidenceAnswer, tallyOf, type EvidenceAnswer } from '../../src/domain/planner/evidence';
import { PlannerModel } from '../../src/domain/planner/model';
import { DEFAULT_RULESET_ID, rulesetById } from '../../src/domain/planner/rulesets';
import { startTestServer, type TestServer } from './helpers';
import { addUser, as, login } from './staff-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function evidence(): Promise<EvidenceAnswer> {
  const res = await fetch(`${server.url}/api/evidence`);
  expect(res.status).toBe(200);
  const answer = parseEvidenceAnswer(await res.json());
  expect(answer).not.toBeNull();
  return answer!;
}

/**
 * The independent count: straight SQL on the ledger file, written from the documented rule
 * (a request counts for the categories of a rule when its service_code is one of them, or
 * 'medical' when the rule names clinic), not through the code under test.
 */
function sqlCount(db: Database.Database, compoundId: string, categories: readonly string[]): Record<RequestStage, number> {
  const codes = [...categories, ...(categories.includes('clinic') ? ['medical'] : [])];
  const rows = db
    .prepare(`SELECT stage, COUNT(*) AS n FROM requests WHERE compound_id = ? AND service_code IN (${codes.map(() => '?').join(', ')}) GROUP BY stage`)
    .all(compoundId, ...codes) as { stage: RequestStage; n: number }[];
  const byStage = Object.fromEntries(REQUEST_STAGES.map((s) => [s, 0])) as Record<RequestStage, number>;
  for (const r of rows) byStage[r.stage] = r.n;
  return byStage;
}

describe('GET /api/evidence: residents’ requests behind the planner’s gaps', () => {
  it('equals, for every gap the planner shows, a count made straight from the ledger file, also after the ledger changes', async () => {
    // Change the ledger first so that the seed's file cannot stand in for it: a worker moves
    // two canteen / clinic requests on, and a resident asks for a doctor in a new request.
    await addUser(server, { username: 'admin', role: 'admin' });
    const admin = await login(server, 'admin');
    const before = await evidence();
    const movable = server.ctx.store
      .listRequests()
      .filter((r) => ['canteen', 'clinic'].includes(r.serviceCode) && r.stage !== 'rate' && r.compoundId)
      .slice(0, 2);
    expect(movable).toHaveLength(2);
    for (const r of movable) {
      const next = REQUEST_STAGES[REQUEST_STAGES.indexOf(r.stage) + 1]!;
      const res = await as(server, admin).post(`/api/requests/${r.id}/move`, { stage: next, note: '已转办' });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const target = movable[0]!;
    server.ctx.store.createRequest({ serviceCode: 'medical', lon: target.lon, lat: target.lat, compoundId: target.compoundId, source: 'intake' }, 'resident');

    const after = await evidence();
    expect(after).not.toEqual(before);

    // The planner's view of the sample: every unmet rule of every compound, with the requests it shows.
    const ruleset = rulesetById(DEFAULT_RULESET_ID)!;
    const model = PlannerModel.fromDataset(server.ctx.dataset);
    const { compliance } = model.evaluate(model.baseline, ruleset);
    let gaps = 0;
    let withRequests = 0;
    const db = new Database(server.dbFile, { readonly: true, fileMustExist: true });
    for (const c of compliance.compounds) {
      c.results.forEach((r, k) => {
        const rule = ruleset.rules[k]!;
        if (r.status !== 'unmet' || rule.categories.length === 0) return;
        gaps++;
        const shown = tallyOf(after.counts, c.compound.id, rule.categories);
        const counted = sqlCount(db, c.compound.id, rule.categories);
        expect(shown.byStage, `${c.compound.id} ${rule.id}`).toEqual(counted);
        expect(shown.total).toBe(Object.values(counted).reduce((a, b) => a + b, 0));
        if (shown.total > 0) withRequests++;
      });
    }
    db.close();
    // The check is not vacuous: the sample has gaps that residents asked about.
    expect(gaps).toBeGreaterThan(50);
    expect(withRequests).toBeGreaterThan(3);
  });

  it('needs no login and carries counts only: no text, reporter, position or request id', async () => {
    const res = await fetch(`${server.url}/api/evidence`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const text = await res.text();
    const requests = server.ctx.store.listRequests();
    for (const r of requests.slice(0, 40)) {
      expect(text).not.toContain(r.id);
      if (r.description) expect(text).not.toContain(r.description);
    }
    // No position: no longitude or latitude anywhere in the counts (the answer's time can read "…:26.024Z").
    expect(JSON.stringify((JSON.parse(text) as { counts: unknown }).counts)).not.toMatch(/119\.\d{3}|26\.\d{3}/);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['at', 'counts']);
  });

  it('refuses other methods with the one error shape', async () => {
    const res = await fetch(`${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { code: number; description: string }[];
    expect(body[0]!.code).toBe(404);
  });
});
