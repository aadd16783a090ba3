import type Database from 'better-sqlite3';
import type { Row } from './rows';

/** A message to the community's own system, kept until its webhook is delivered (or given up). */
export interface Notification {
  id: number;
  kind: string;
  /** The JSON body sent (notify.ts documents it). */
  payload: Record<string, unknown>;
  createdAt: string;
  webhookState: 'none' | 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

/** Notifications of the ledger (part of LedgerStore): an outbox, so deliveries survive a restart. */
export interface NotificationStore {
  add(kind: string, payload: Record<string, unknown>, at: string, webhook: boolean): Notification;
  list(): Notification[];
  /** Pending and due at `now`, oldest first (at most 100). */
  due(now: string): Notification[];
  update(id: number, state: Notification['webhookState'], attempts: number, nextAttemptAt: string | null, lastError: string | null): void;
}

const of = (r: Row): Notification => ({
  id: Number(r.id),
  kind: String(r.kind),
  payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
  createdAt: String(r.created_at),
  webhookState: r.webhook_state as Notification['webhookState'],
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at == null ? null : String(r.next_attempt_at),
  lastError: r.last_error == null ? null : String(r.last_error),
});

export class SqliteNotificationStore implements NotificationStore {
  private readonly stmts;

  constructor(db: Database.Database) {
    this.stmts = {
      insert: db.prepare('INSERT INTO notifications (kind, payload, created_at, webhook_state, next_attempt_at) VALUES (?, ?, ?, ?, ?)'),
      byId: db.prepare('SELECT * FROM notifications WHERE id = ?'),
      all: db.prepare('SELECT * FROM notifications ORDER BY id'),
      due: db.prepare(
        `SELECT * FROM notifications WHERE webhook_state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT 100`,
      ),
      update: db.prepare('UPDATE notifications SET webhook_state = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?'),
    };
  }

  add(kind: string, payload: Record<string, unknown>, at: string, webhook: boolean): Notification {
    const info = this.stmts.insert.run(kind, JSON.stringify(payload), at, webhook ? 'pending' : 'none', webhook ? at : null);
    return of(this.stmts.byId.get(info.lastInsertRowid) as Row);
  }

  list(): Notification[] {
    return (this.stmts.all.all() as Row[]).map(of);
  }

  due(now: string): Notification[] {
    return (this.stmts.due.all(now) as Row[]).map(of);
  }

  update(id: number, state: Notification['webhookState'], attempts: number, nextAttemptAt: string | null, lastError: string | null): void {
    this.stmts.update.run(state, attempts, nextAttemptAt, lastError, id);
  }
}
