import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LEDGER_MARK, MIGRATIONS } from './migrations';
import type { Row } from './rows';

/** Opens (creating when absent) a ledger file and brings it to the latest migration. */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged write is on disk before the answer leaves (survives kill -9 and power loss).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > MIGRATIONS.length) throw new Error(`this ledger was written by a newer version (schema ${current}, this program knows ${MIGRATIONS.length})`);
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      if (version === 0) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(LEDGER_MARK.key, LEDGER_MARK.value);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** True when `db` is one of our ledgers (has the mark written by the first migration). */
export function isLedger(db: Database.Database): boolean {
  try {
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(LEDGER_MARK.key) as Row | undefined;
    return row?.value === LEDGER_MARK.value;
  } catch {
    return false;
  }
}
