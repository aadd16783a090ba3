import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteLedgerStore } from '../../src/server/store/sqlite';
import { LedgerError } from '../../src/server/store/types';

const dirs: string[] = [];
function freshStore() {
  const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
  dirs.push(dir);
  return { store: new SqliteLedgerStore(join(dir, 'l.sqlite')), dir };
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SQLite ledger store', () => {
  it('numbers new requests, keeps every move in the history and never deletes', () => {
    const { store } = freshStore();
    const a = store.createRequest({ serviceCode: 'repair', lon: 119.33, lat: 26.09, source: 'staff', communityId: 'xinhua' }, 'wang');
    expect(a.id).toMatch(/^SR-\d{4}-000001$/);
    expect(a.stage).toBe('collect');
    store.moveRequest(a.id, { stage: 'deliberate', actor: 'wang', note: '议事会' });
    const closed = store.moveRequest(a.id, { stage: 'rate', status: 'closed', actor: 'wang' });
    expect(closed.status).toBe('closed');
    expect(store.history(a.id).map((h) => [h.fromStage, h.toStage, h.actor])).toEqual([
      [null, 'collect', 'wang'],
      ['collect', 'deliberate', 'wang'],
      ['deliberate', 'rate', 'wang'],
    ]);
    expect(store.countRequests()).toBe(1);
    store.close();
  });

  it('stores SQL in text as text, refuses a duplicate id and a stale move without changing anything', () => {
    const { store } = freshStore();
    const evil = "x'); DROP TABLE requests; --";
    const r = store.createRequest({ id: 'R-1', serviceCode: evil, description: evil, lon: 1, lat: 2, source: 'staff' }, 'a');
    expect(store.getRequest('R-1')?.description).toBe(evil);
    expect(() => store.createRequest({ id: 'R-1', serviceCode: 'x', lon: 1, lat: 2, source: 'staff' }, 'a')).toThrow(LedgerError);
    expect(() => store.moveRequest(r.id, { stage: 'execute', actor: 'a', expectStage: 'deliberate' })).toThrow(/at collect now/);
    expect(store.history('R-1')).toHaveLength(1);
    expect(store.countRequests()).toBe(1);
    store.close();
  });

  it('filters by scope: an empty scope list matches nothing', () => {
    const { store } = freshStore();
    store.createRequests(
      [
        { serviceCode: 'repair', lon: 1, lat: 2, source: 's', communityId: 'c1', gridId: 'g1' },
        { serviceCode: 'repair', lon: 1, lat: 2, source: 's', communityId: 'c1', gridId: 'g2' },
        { serviceCode: 'clinic', lon: 1, lat: 2, source: 's', communityId: 'c2', gridId: 'g3' },
      ],
      'seed',
    );
    expect(store.listRequests({ communityIds: ['c1'] })).toHaveLength(2);
    expect(store.listRequests({ gridIds: ['g2'] })).toHaveLength(1);
    expect(store.listRequests({ gridIds: [] })).toHaveLength(0);
    expect(store.listRequests({ serviceCodes: ['clinic'] })).toHaveLength(1);
    store.close();
  });

  it('records each escalation level once and keeps the highest on the request', () => {
    const { store } = freshStore();
    const r = store.createRequest({ serviceCode: 'repair', lon: 1, lat: 2, source: 's' }, 'a');
    store.addEscalation(r.id, 'grid', '2026-12-01T00:00:00Z', true);
    store.addEscalation(r.id, 'community', '2026-12-03T00:00:00Z', false);
    store.addEscalation(r.id, 'grid', '2026-12-04T00:00:00Z', true);
    expect(store.escalations(r.id).map((e) => e.level)).toEqual(['grid', 'community']);
    expect(store.getRequest(r.id)?.escalation).toBe('community');
    expect(store.dueWebhooks('2026-12-05T00:00:00Z').map((e) => e.level)).toEqual(['grid']);
    store.close();
  });
});
