import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MIGRATIONS } from '../../server/store/migrations';
import { CliFailure, notLedgerReason, openLedger, withReadonly } from './open';

function counts(file: string): { requests: number; history: number; users: number } {
  return withReadonly(file, (db) => {
    const n = (table: string) => Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    return { requests: n('requests'), history: n('history'), users: n('users') };
  });
}

/** A copy made by the backup API keeps the WAL flag; as one self-contained file it is easier to keep and move. */
function makeSelfContained(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` and the schema version of a ledger file; throws with the reason when unusable. */
function checkLedgerFile(file: string): void {
  const reason = notLedgerReason(file);
  if (reason) throw new CliFailure(reason);
  withReadonly(file, (db) => {
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new CliFailure(`${file} is damaged (integrity check: ${problems.slice(0, 3).join('; ')})`);
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > MIGRATIONS.length)
      throw new CliFailure(`${file} was written by a newer version of this program (schema ${version}, this one knows ${MIGRATIONS.length})`);
  });
}

const kib = (file: string) => `${Math.round(statSync(file).size / 1024)} KiB`;
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Online backup (SQLite's backup API) while the server keeps running on the same file: the
 * copy is consistent as of one moment. Written beside the target and renamed, so a crash never
 * leaves a half backup under the target's name.
 */
export async function backup(target: string, o: { db: string; force?: boolean }): Promise<void> {
  const file = resolve(target);
  const db = resolve(o.db);
  if (file === db) throw new CliFailure('the backup must be another file than --db');
  if (existsSync(file) && !o.force) throw new CliFailure(`${file} exists already (give --force to replace it)`);
  const store = openLedger(db, { create: false });
  const partial = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  try {
    await store.backup(partial);
    makeSelfContained(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new CliFailure(`backup failed: ${(error as Error).message}`);
  } finally {
    store.close();
  }
  checkLedgerFile(partial);
  renameSync(partial, file);
  const n = counts(file);
  console.log(`backed up ${db} to ${file} (${kib(file)}): ${n.requests} requests, ${n.history} history entries, ${n.users} users`);
}

/** True when another process (a running server) has the ledger open: its lock cannot be taken. */
function inUse(db: Database.Database): boolean {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  }
}

/**
 * Replaces the ledger with a backup. Refuses a file that is not one of our ledgers or fails the
 * integrity check, and a ledger that a running server holds open. The current ledger is kept
 * beside it (nothing is ever deleted); the backup is copied next to the ledger and renamed over
 * it, so the ledger is always either the old file or the new one.
 */
export async function restore(source: string, o: { db: string }): Promise<void> {
  const from = resolve(source);
  const db = resolve(o.db);
  if (from === db) throw new CliFailure('restore FILE must be a backup, not the ledger itself');
  checkLedgerFile(from);
  const dir = dirname(db);
  if (!existsSync(dir)) throw new CliFailure(`the directory of --db does not exist: ${dir}`);
  const tmp = join(dir, `.${basename(db)}.restore-${process.pid}`);
  try {
    await withReadonly(from, (src) => src.backup(tmp));
    makeSelfContained(tmp);
    checkLedgerFile(tmp);
    let kept: string | null = null;
    if (existsSync(db)) {
      const reason = notLedgerReason(db);
      if (reason) throw new CliFailure(`${reason}: not replacing it; check --db`);
      const current = new Database(db, { fileMustExist: true, timeout: 200 });
      try {
        if (inUse(current)) throw new CliFailure(`${db} is in use: stop the server (npm run serve / npm start) first, then restore`);
        kept = `${db}.before-restore-${stamp()}`;
        await current.backup(kept);
        makeSelfContained(kept);
      } finally {
        // Closing the last connection checkpoints the WAL into the old file and removes it.
        current.close();
      }
    }
    // A -wal or -shm left by a crash belongs to the old file and must not be applied to the new one.
    for (const side of ['-wal', '-shm', '-journal']) rmSync(`${db}${side}`, { force: true });
    renameSync(tmp, db);
    const n = counts(db);
    console.log(`restored ${from} into ${db}: ${n.requests} requests, ${n.history} history entries, ${n.users} users`);
    if (kept) console.log(`the ledger it replaced is kept as ${kept}`);
    console.log('start the server again (npm run serve) to use it');
  } finally {
    rmSync(tmp, { force: true });
  }
}
