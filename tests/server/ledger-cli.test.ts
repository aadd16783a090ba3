import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findApiKey } from '../../src/server/auth/apiKeys';
import { verifyPassword } from '../../src/server/auth/secrets';
import { SqliteLedgerStore } from '../../src/server/store/sqlite';
import { ROOT } from './helpers';

let dir: string;
let db: string;

/** `npm run ledger -- …` as a child process (tsx, as the npm script runs it). */
function ledger(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ledger.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const count = (file: string, table: string) => {
  const d = new Database(file, { readonly: true });
  try {
    return Number((d.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
  } finally {
    d.close();
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  db = join(dir, 'ledger.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger user and key', () => {
  it('adds users with their scope checked against the dataset, and lists them', async () => {
    const admin = ledger(['user', 'add', 'wang', '--role', 'admin', '--password-stdin', '--db', db], 'a long password\n');
    expect(admin.code, admin.err).toBe(0);
    expect(admin.out).toMatch(/added user wang \(id 1\): admin/);
    const worker = ledger(['user', 'add', 'li', '--role', 'community_worker', '--community', 'cm-xinhua', '--display-name', '李社工', '--db', db]);
    expect(worker.code, worker.err).toBe(0);
    const generated = /password \(shown once.*\): (\S+)/.exec(worker.out)?.[1];
    expect(generated).toBeTruthy();
    expect(ledger(['user', 'add', 'zhao', '--role', 'grid_leader', '--grid', 'gr-xinhua-1', '--password', 'grid leader pw', '--db', db]).code).toBe(0);
    expect(ledger(['user', 'add', 'chen', '--role', 'volunteer', '--volunteer', 'v-001', '--password', 'volunteer pw', '--db', db]).code).toBe(0);

    const store = new SqliteLedgerStore(db);
    try {
      expect(await verifyPassword('a long password', store.findUser('wang')!.passwordHash)).toBe(true);
      expect(await verifyPassword(generated!, store.findUser('li')!.passwordHash)).toBe(true);
      expect(store.findUser('li')).toMatchObject({ role: 'community_worker', communityId: 'cm-xinhua', displayName: '李社工' });
    } finally {
      store.close();
    }
    const list = ledger(['user', 'list', '--db', db]);
    expect(list.code).toBe(0);
    expect(
      list.out
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/\s+/).slice(0, 3).join(' ')),
    ).toEqual(['1 wang admin', '2 li community_worker', '3 zhao grid_leader', '4 chen volunteer']);
    expect(list.out).toContain('community cm-xinhua');
    expect(list.out).not.toMatch(/scrypt/);
  });

  it('refuses bad roles, scopes and arguments with a clear message and exit code, adding nobody', () => {
    const cases: [string[], number, RegExp][] = [
      [['user', 'add', 'x1', '--role', 'grid_leader', '--grid', 'gr-nowhere'], 1, /no grid "gr-nowhere".*known: gr-xinhua-1/],
      [['user', 'add', 'x2', '--role', 'grid_leader', '--grid', 'cm-xinhua'], 1, /no grid "cm-xinhua"/],
      [['user', 'add', 'x3', '--role', 'community_worker'], 1, /needs --community/],
      [['user', 'add', 'x4', '--role', 'volunteer', '--volunteer', 'v-999'], 1, /no volunteer "v-999"/],
      [['user', 'add', 'x5', '--role', 'admin', '--grid', 'gr-xinhua-1'], 1, /admin takes no --grid/],
      [['user', 'add', 'x6', '--role', 'mayor'], 1, /--role must be one of admin, community_worker, grid_leader, volunteer/],
      [['user', 'add', 'x7', '--role', 'admin', '--password', 'short'], 1, /at least 8 characters/],
      [['user', 'add', 'wang', '--role', 'admin'], 1, /exists already/],
      [['user', 'add', 'x8', '--role', 'admin', '--data', join(dir, 'nothing')], 1, /must be a dataset directory/],
      [['user', 'add'], 2, /user name .* is missing/],
      [['user', 'remove', 'wang'], 2, /unknown command "user remove"/],
      [['user', 'add', 'x9', '--role', 'admin', '--colour', 'red'], 2, /Unknown option '--colour'/],
      [[], 2, /a command is missing/],
    ];
    for (const [args, code, message] of cases) {
      const r = ledger([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err, args.join(' ')).toMatch(message);
    }
    expect(ledger(['user', 'list', '--db', db]).out.trim().split('\n')).toHaveLength(4);
    const missing = ledger(['user', 'list', '--db', join(dir, 'none.sqlite')]);
    expect(missing.code).toBe(1);
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false);
  });

  it('prints a new API key alone on its last line, stores only its hash, and lists keys', () => {
    const r = ledger(['key', 'add', '12345-hotline', '--db', db]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    const key = lines.at(-1)!;
    expect(key).toMatch(/^sc_[\w-]{30,}$/);
    const store = new SqliteLedgerStore(db);
    try {
      expect(findApiKey(store, key)).toMatchObject({ name: '12345-hotline', revoked: false });
    } finally {
      store.close();
    }
    expect(readFileSync(db).includes(Buffer.from(key))).toBe(false);
    expect(ledger(['key', 'list', '--db', db]).out).toMatch(/1\s+12345-hotline\s+created/);
  });
});

describe('backup and restore', () => {
  let server: ChildProcess | null = null;
  let url = '';

  async function startServe(): Promise<void> {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts', '--port', '0', '--db', db, '--dist', join(dir, 'no-app')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
      server!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /service circles: (http:\/\/[^/\s]+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      server!.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
  }

  async function stopServe(): Promise<void> {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    server = null;
  }

  afterAll(stopServe);

  it('backs up online while the server runs on the same file, with a change just made', async () => {
    await startServe();
    const login = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wang', password: 'a long password' }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const [first] = (await (await fetch(`${url}/api/requests?stage=collect`, { headers: { cookie } })).json()) as { id: string }[];
    const move = await fetch(`${url}/api/requests/${first!.id}/move`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ stage: 'deliberate', note: 'before the backup' }),
    });
    expect(move.status).toBe(200);

    const backup = join(dir, 'backups', 'monday.sqlite');
    const r = ledger(['backup', backup, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/125 requests, 126 history entries, 4 users/);
    expect(count(backup, 'requests')).toBe(125);
    const d = new Database(backup, { readonly: true });
    expect(d.prepare('SELECT note FROM history WHERE request_id = ? ORDER BY seq DESC').get(first!.id)).toEqual({ note: 'before the backup' });
    d.close();
    // A single self-contained file, with nothing half-written left beside it.
    expect(readdirSync(join(dir, 'backups'))).toEqual(['monday.sqlite']);
    // The server is still serving.
    expect((await fetch(`${url}/api/info`)).status).toBe(200);

    expect(ledger(['backup', backup, '--db', db]).err).toMatch(/exists already \(give --force/);
    expect(ledger(['backup', backup, '--force', '--db', db]).code).toBe(0);

    // Restoring under a running server is refused.
    const busy = ledger(['restore', backup, '--db', db]);
    expect(busy.code).toBe(1);
    expect(busy.err).toMatch(/in use: stop the server/);
    expect(count(db, 'history')).toBe(126);
  });

  it('refuses to restore a file that is not a ledger, and changes nothing', async () => {
    await stopServe();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database\n');
    const plain = join(dir, 'plain.sqlite');
    const other = new Database(plain);
    other.exec('CREATE TABLE requests (id TEXT); INSERT INTO requests VALUES (1)');
    other.close();
    const before = sha(db);
    const files = readdirSync(dir).sort();
    for (const [file, why] of [
      [text, /not an SQLite database/],
      [plain, /not a ledger of this program/],
      [join(dir, 'missing.sqlite'), /does not exist/],
    ] as const) {
      const r = ledger(['restore', file, '--db', db]);
      expect(r.code, file).toBe(1);
      expect(r.err).toMatch(why);
    }
    expect(sha(db)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it('restores a backup once the server is stopped, keeping the ledger it replaces', () => {
    const store = new SqliteLedgerStore(db);
    const [one] = store.listRequests({ stages: ['collect'], limit: 1 });
    store.moveRequest(one!.id, { stage: 'deliberate', actor: 'wang', note: 'after the backup' });
    store.close();
    expect(count(db, 'history')).toBe(127);

    const r = ledger(['restore', join(dir, 'backups', 'monday.sqlite'), '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/restored .*125 requests, 126 history entries/);
    expect(r.out).toMatch(/start the server again/);
    expect(count(db, 'history')).toBe(126);
    const kept = readdirSync(dir).find((f) => f.startsWith('ledger.sqlite.before-restore-'));
    expect(kept).toBeTruthy();
    expect(count(join(dir, kept!), 'history')).toBe(127);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
