import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../src/server/auth/apiKeys';
import { SqliteLedgerStore } from '../../src/server/store/sqlite';
import { runServe, type ServeProcess } from './serveProcess';

/** POSTs planned; the server is killed once KILL_AT of them are acknowledged. */
const PLANNED = 1_000;
const KILL_AT = 500;
const CONCURRENCY = 20;
/** The whole burst stops by itself after this, whatever happens. */
const BURST_LIMIT_MS = 120_000;
const NO_APP = join(tmpdir(), 'no-such-dist-for-durability');

let dir = '';
const children: ServeProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.child.exitCode === null && c.child.signalCode === null) {
      c.child.kill('SIGKILL');
      await c.exited;
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const description = (i: number) => `durability burst #${i}`;

describe('an acknowledged request survives kill -9', () => {
  it(`${PLANNED} Open311 POSTs, ${CONCURRENCY} at a time, kill -9 after ${KILL_AT} answers, restart: every acknowledged request is there once, with its history`, async () => {
    dir = mkdtempSync(join(tmpdir(), 'durability-'));
    const db = join(dir, 'ledger.sqlite');
    // The API key is made in the ledger before the server starts, as `npm run ledger -- key add` does.
    const setup = new SqliteLedgerStore(db);
    const { key } = issueApiKey(setup, 'durability test');
    setup.close();

    const server = await runServe(['--port', '0', '--db', db, '--dist', NO_APP]);
    children.push(server);

    const acknowledged = new Map<string, number>();
    const refused: string[] = [];
    let next = 0;
    let killedAt = -1;
    const deadline = Date.now() + BURST_LIMIT_MS;
    const post = async (i: number) => {
      const body = new URLSearchParams({
        api_key: key,
        service_code: 'repair',
        lat: String(26.09 + (i % 50) * 0.0001),
        long: String(119.33 + (i % 40) * 0.0001),
        description: description(i),
      });
      const res = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', body, signal: AbortSignal.timeout(15_000) });
      const answer = (await res.json()) as { service_request_id?: string }[];
      if (res.ok && answer[0]?.service_request_id) return answer[0].service_request_id;
      refused.push(`${res.status} ${JSON.stringify(answer)}`);
      return null;
    };
    const worker = async () => {
      while (killedAt < 0 && next < PLANNED && Date.now() < deadline) {
        const i = next++;
        let id: string | null;
        try {
          id = await post(i);
        } catch {
          // Refused or cut off by the kill: not acknowledged, so nothing is promised.
          continue;
        }
        if (id === null || killedAt >= 0) continue;
        acknowledged.set(id, i);
        if (acknowledged.size === KILL_AT) {
          killedAt = next;
          server.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(refused).toEqual([]);
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acknowledged.size).toBe(KILL_AT);
    // Sent before the kill: the acknowledged ones and those in flight with them.
    const sent = killedAt;
    expect(sent).toBeGreaterThanOrEqual(KILL_AT);

    // Restart on the same file: SQLite replays its write-ahead log on open.
    const again = await runServe(['--port', '0', '--db', db, '--dist', NO_APP]);
    children.push(again);
    const probe = [...acknowledged.keys()].slice(-5);
    for (const id of probe) {
      const res = await fetch(`${again.url}/open311/v2/requests/${encodeURIComponent(id)}.json`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { service_request_id: string }[])[0]?.service_request_id).toBe(id);
    }
    again.child.kill('SIGTERM');
    expect(await again.exited).toEqual({ code: 0, signal: null });

    const store = new SqliteLedgerStore(db);
    try {
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const burst = store.db.prepare(`SELECT id, description FROM requests WHERE description LIKE 'durability burst #%'`).all() as {
        id: string;
        description: string;
      }[];
      // None twice: each POST's text at most once, and every id once.
      expect(new Set(burst.map((r) => r.description)).size).toBe(burst.length);
      expect(new Set(burst.map((r) => r.id)).size).toBe(burst.length);
      // The seed ran on the first start only.
      expect(store.listRequests().filter((r) => r.source === 'seed')).toHaveLength(125);
      expect(store.countRequests()).toBe(125 + burst.length);

      const found = new Map(burst.map((r) => [r.id, r.description]));
      for (const [id, i] of acknowledged) {
        expect(found.get(id), `acknowledged ${id} (#${i}) after the restart`).toBe(description(i));
        const history = store.history(id);
        expect(history).toHaveLength(1);
        expect(history[0]).toMatchObject({ fromStage: null, toStage: 'collect', toStatus: 'open' });
      }
      // Beyond the acknowledged ones, at most those in flight at the kill were committed unanswered.
      const unanswered = burst.length - acknowledged.size;
      expect(unanswered).toBeGreaterThanOrEqual(0);
      expect(unanswered).toBeLessThanOrEqual(CONCURRENCY);
      console.log(
        `durability: ${sent} POSTs sent, ${acknowledged.size} acknowledged before kill -9; after the restart ${burst.length} found ` +
          `(all ${acknowledged.size} acknowledged, each once with its history; ${unanswered} committed but cut off before the answer); integrity_check ok`,
      );
    } finally {
      store.close();
    }
  });
});
