import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestCommitQueue } from '../../src/server/open311/groupCommit';
import { SqliteLedgerStore } from '../../src/server/store/sqlite';
import { LedgerError } from '../../src/server/store/types';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function freshStore() {
  const dir = mkdtempSync(join(tmpdir(), 'commit-test-'));
  dirs.push(dir);
  return { store: new SqliteLedgerStore(join(dir, 'l.sqlite')), file: join(dir, 'l.sqlite') };
}

describe('group commit of new requests', () => {
  it('writes a burst together; a refused request is refused alone and leaves no trace', async () => {
    const { store, file } = freshStore();
    const queue = new RequestCommitQueue(store);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => queue.create({ serviceCode: 'repair', lon: 119.33, lat: i === 17 ? 123 : 26.09, source: 'open311:t' }, 'open311:t')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(59);
    const refused = outcomes[17]!;
    expect(refused.status === 'rejected' && refused.reason instanceof LedgerError).toBe(true);
    const ids = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.id] : []));
    expect(new Set(ids).size).toBe(59);
    store.close();
    // Read back from a new connection: everything acknowledged is on disk, each with its history.
    const reopened = new SqliteLedgerStore(file);
    expect(reopened.countRequests()).toBe(59);
    for (const id of ids) expect(reopened.history(id)).toEqual([expect.objectContaining({ toStage: 'collect', actor: 'open311:t' })]);
    reopened.close();
  });

  it('rejects every request of a batch when the write itself fails, storing none', async () => {
    const { store } = freshStore();
    const queue = new RequestCommitQueue(store);
    store.close(); // the database is gone: not a refusal of one request, a failure of all
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => queue.create({ serviceCode: 'repair', lon: 119.33, lat: 26.09, source: 's' }, 'a')));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});
