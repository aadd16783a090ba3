import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteLedgerStore } from '../../src/server/store/sqlite';
import { runServe, runServeToEnd, type ServeProcess } from './serveProcess';

const NO_APP = join(tmpdir(), 'no-such-dist-for-serve-tests');
let dir = '';
let running: ServeProcess | null = null;
afterEach(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  running = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function ledgerCounts(file: string) {
  const store = new SqliteLedgerStore(file);
  try {
    const history = Number((store.db.prepare('SELECT COUNT(*) AS n FROM history').get() as { n: number }).n);
    return { requests: store.countRequests(), history, escalations: store.escalations() };
  } finally {
    store.close();
  }
}

describe('npm run serve (child process)', () => {
  it('creates and seeds a new ledger on first start, never again on a restart, and closes cleanly on SIGTERM and SIGINT', async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-cli-'));
    const db = join(dir, 'var', 'ledger.sqlite');
    const args = ['--port', '0', '--db', db, '--dist', NO_APP];

    running = await runServe(args);
    const first = running;
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.url).not.toMatch(/:0$/);
    // What a new user reads: the address to open, what is there, the ledger and how many requests.
    const lines = first.stdout().trim().split('\n');
    expect(lines[0]).toBe(`十五分钟服务圈 · 15-minute service circles: ${first.url}/`);
    expect(lines[1]).toContain(`${first.url}/open311/v2/services.json`);
    expect(lines[2]).toBe(`  ledger ${db}: 125 requests, new, seeded from data/yuefeng-sample`);
    expect(first.stderr()).toMatch(/no built app in .*no-such-dist-for-serve-tests/);
    const manifest = await fetch(`${first.url}/data/yuefeng-sample/manifest.json`);
    expect(manifest.status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    // A clean close checkpoints the write-ahead log and removes it.
    expect(existsSync(`${db}-wal`)).toBe(false);
    expect(ledgerCounts(db)).toMatchObject({ requests: 125, history: 125 });

    running = await runServe(args);
    expect(running.stdout()).toContain(`ledger ${db}: 125 requests\n`);
    running.child.kill('SIGINT');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(ledgerCounts(db)).toMatchObject({ requests: 125, history: 125 });
  });

  it('stops promptly on SIGTERM while webhook deliveries hang, leaving them pending for the next start', async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-cli-'));
    const db = join(dir, 'ledger.sqlite');
    // One request that is late whatever today's date: the first tick escalates it to every level.
    const store = new SqliteLedgerStore(db);
    store.createRequest({ serviceCode: 'repair', lon: 119.33, lat: 26.09, requestedAt: '2020-01-06T09:00:00.000Z', source: 'staff' }, 'tester');
    store.close();

    const hung: ServerResponse[] = [];
    const receiver = createServer((_req, res) => hung.push(res));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      running = await runServe(['--port', '0', '--db', db, '--dist', NO_APP, '--webhook', hook]);
      expect(running.stdout()).toContain(`escalations are posted to ${hook}`);
      await expect.poll(() => hung.length, { timeout: 30_000 }).toBe(4);
      running.child.kill('SIGTERM');
      expect(await running.exited).toEqual({ code: 0, signal: null });
    } finally {
      receiver.closeAllConnections();
      receiver.close();
    }
    const { requests, escalations } = ledgerCounts(db);
    expect(requests).toBe(1);
    expect(escalations.map((e) => [e.level, e.webhookState, e.attempts])).toEqual([
      ['grid', 'pending', 0],
      ['community', 'pending', 0],
      ['town', 'pending', 0],
      ['district', 'pending', 0],
    ]);
  });

  it('refuses bad arguments with a clear message', async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-cli-'));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = String((blocker.address() as AddressInfo).port);
    try {
      const db = join(dir, 'l.sqlite');
      const [port, webhook, inUse] = await Promise.all([
        runServeToEnd(['--port', 'eighty', '--db', db]),
        runServeToEnd(['--port', '0', '--db', db, '--webhook', 'ftp://example.org/hook']),
        runServeToEnd(['--port', taken, '--db', db, '--dist', NO_APP]),
      ]);
      expect(port).toMatchObject({ code: 2 });
      expect(port.stderr).toContain('--port must be a port number');
      expect(webhook).toMatchObject({ code: 2 });
      expect(webhook.stderr).toContain('--webhook: the webhook URL must start with http: or https:, not ftp:');
      expect(inUse).toMatchObject({ code: 1 });
      expect(inUse.stderr).toContain(`port ${taken} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
