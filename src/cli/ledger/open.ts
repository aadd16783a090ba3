import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isLedger, SqliteLedgerStore } from '../../server/store/sqlite';

/** A failure the user can fix: printed as `error: …`, exit code 1. */
export class CliFailure extends Error {}

/**
 * Runs `fn` on a read-only connection to `file`. A read-only connection to a WAL file creates
 * -wal and -shm files it cannot remove; those it made (empty) are removed, so looking leaves no trace.
 */
export function withReadonly<T>(file: string, fn: (db: Database.Database) => T): T {
  const made = ['-wal', '-shm'].filter((side) => !existsSync(`${file}${side}`));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const done = () => {
    db.close();
    if (!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0) for (const side of made) rmSync(`${file}${side}`, { force: true });
  };
  let result: T;
  try {
    result = fn(db);
  } catch (error) {
    done();
    throw error;
  }
  if (result instanceof Promise) return result.finally(done) as T;
  done();
  return result;
}

/**
 * Why `file` is not one of our ledgers, or null when it is. Opened read-only so that looking
 * never changes it; any file that SQLite cannot read, or a database without our mark, is refused.
 */
export function notLedgerReason(file: string): string | null {
  if (!existsSync(file)) return `${file} does not exist`;
  if (!statSync(file).isFile()) return `${file} is not a file`;
  try {
    return withReadonly(file, (db) => {
      db.pragma('schema_version');
      return isLedger(db) ? null : `${file} is an SQLite database but not a ledger of this program (no ledger mark)`;
    });
  } catch (error) {
    return `${file} is not an SQLite database (${(error as Error).message})`;
  }
}

/**
 * Opens the ledger behind `--db`. `create` allows a new file (adding the first user before the
 * first `serve`); an existing file must be a ledger, so a wrong `--db` is never migrated into one.
 */
export function openLedger(file: string, options: { create: boolean }): SqliteLedgerStore {
  const path = resolve(file);
  if (existsSync(path)) {
    const reason = notLedgerReason(path);
    if (reason) throw new CliFailure(`${reason}; check --db`);
  } else if (!options.create) {
    throw new CliFailure(`no ledger at ${path} (start \`npm run serve\` once, or give --db)`);
  }
  return new SqliteLedgerStore(path);
}
