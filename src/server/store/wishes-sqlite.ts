import type Database from 'better-sqlite3';
import type { Wish, WishState } from '../../domain/volunteers/wishes';
import { LedgerError } from './types';
import type { NewWish, WishEvent, WishFilter, WishStore } from './wishStore';
import { str, type Row } from './rows';

function wishOf(r: Row): Wish {
  return {
    id: String(r.id),
    compoundId: String(r.compound_id),
    gridId: str(r.grid_id),
    communityId: str(r.community_id),
    buildingId: str(r.building_id),
    text: String(r.text),
    skill: str(r.skill),
    dueAt: str(r.due_at),
    state: r.state as WishState,
    claimedBy: r.claimed_by == null ? null : Number(r.claimed_by),
    claimedAt: str(r.claimed_at),
    claimExpiresAt: str(r.claim_expires_at),
    doneAt: str(r.done_at),
    createdAt: String(r.created_at),
    createdBy: String(r.created_by),
    updatedAt: String(r.updated_at),
  };
}

/** The wishes of a SQLite ledger (migration 3), sharing the ledger's connection. */
export class SqliteWishStore implements WishStore {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      nextSeq: db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'wishes'), 0) + 1 AS next`),
      insert:
        db.prepare(`INSERT INTO wishes (id, compound_id, grid_id, community_id, text, skill, due_at, state, created_at, created_by, updated_at, building_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`),
      byId: db.prepare('SELECT * FROM wishes WHERE id = ?'),
      addContact: db.prepare('INSERT INTO wish_contacts (wish_id, phone) VALUES (?, ?)'),
      contact: db.prepare('SELECT phone FROM wish_contacts WHERE wish_id = ?'),
      event: db.prepare('INSERT INTO wish_events (wish_id, at, actor, action, user_id) VALUES (?, ?, ?, ?, ?)'),
      events: db.prepare('SELECT * FROM wish_events WHERE wish_id = ? ORDER BY seq'),
      claim: db.prepare(
        `UPDATE wishes SET state = 'claimed', claimed_by = ?, claimed_at = ?, claim_expires_at = ?, updated_at = ? WHERE id = ? AND state = 'open'`,
      ),
      release: db.prepare(
        `UPDATE wishes SET state = 'open', claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL, updated_at = ? WHERE id = ? AND state = 'claimed'`,
      ),
      complete: db.prepare(`UPDATE wishes SET state = 'done', claim_expires_at = NULL, done_at = ?, updated_at = ? WHERE id = ? AND state = 'claimed'`),
      cancel: db.prepare(
        `UPDATE wishes SET state = 'cancelled', claimed_by = NULL, claim_expires_at = NULL, updated_at = ? WHERE id = ? AND state IN ('open', 'claimed')`,
      ),
      lapsed: db.prepare(`SELECT * FROM wishes WHERE state = 'claimed' AND claim_expires_at <= ? ORDER BY seq LIMIT 500`),
      doneBetween: db.prepare(`SELECT COUNT(*) AS n FROM wishes WHERE state = 'done' AND done_at >= ? AND done_at < ?`),
    };
  }

  create(input: NewWish): Wish {
    return this.db.transaction(() => {
      const id = `W-${String(Number((this.stmts.nextSeq.get() as Row).next)).padStart(6, '0')}`;
      this.stmts.insert.run(
        id,
        input.compoundId,
        input.gridId,
        input.communityId,
        input.text,
        input.skill,
        input.dueAt,
        input.at,
        input.actor,
        input.at,
        input.buildingId ?? null,
      );
      if (input.contactPhone) this.stmts.addContact.run(id, input.contactPhone);
      this.stmts.event.run(id, input.at, input.actor, 'posted', null);
      return this.get(id)!;
    })();
  }

  contactOf(id: string): string | null {
    const row = this.stmts.contact.get(id) as { phone: string } | undefined;
    return row?.phone ?? null;
  }

  get(id: string): Wish | null {
    const row = this.stmts.byId.get(id) as Row | undefined;
    return row ? wishOf(row) : null;
  }

  list(filter: WishFilter = {}): Wish[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.states) {
      if (!filter.states.length) return [];
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    if (filter.communityIds || filter.gridIds) {
      const scope: string[] = [];
      for (const [column, values] of [
        ['community_id', filter.communityIds],
        ['grid_id', filter.gridIds],
      ] as const) {
        if (!values?.length) continue;
        scope.push(`${column} IN (${values.map(() => '?').join(', ')})`);
        params.push(...values);
      }
      where.push(scope.length ? `(${scope.join(' OR ')})` : '0');
    }
    if (filter.claimedBy !== undefined) {
      where.push('claimed_by = ?');
      params.push(filter.claimedBy);
    }
    const sql = `SELECT * FROM wishes${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT 2000`;
    return (this.db.prepare(sql).all(...params) as Row[]).map(wishOf);
  }

  /** Runs one guarded change: refused as 'not_found' or 'conflict' (with the state it is in) when the guard fails. */
  private change(id: string, what: string, run: () => number, event: () => void): Wish {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (!before) throw new LedgerError('not_found', `no wish ${JSON.stringify(id)}`);
      if (run() === 0) throw new LedgerError('conflict', `wish ${id} is ${before.state}: it cannot be ${what} now`);
      event();
      return this.get(id)!;
    })();
  }

  claim(id: string, userId: number, actor: string, at: string, expiresAt: string): Wish {
    return this.change(
      id,
      'claimed',
      () => this.stmts.claim.run(userId, at, expiresAt, at, id).changes,
      () => this.stmts.event.run(id, at, actor, 'claimed', userId),
    );
  }

  release(id: string, actor: string, at: string, action: 'released' | 'lapsed'): Wish {
    const claimer = this.get(id)?.claimedBy ?? null;
    return this.change(
      id,
      action,
      () => this.stmts.release.run(at, id).changes,
      () => this.stmts.event.run(id, at, actor, action, claimer),
    );
  }

  complete(id: string, actor: string, at: string): Wish {
    const claimer = this.get(id)?.claimedBy ?? null;
    return this.change(
      id,
      'marked done',
      () => this.stmts.complete.run(at, at, id).changes,
      () => this.stmts.event.run(id, at, actor, 'done', claimer),
    );
  }

  cancel(id: string, actor: string, at: string): Wish {
    return this.change(
      id,
      'cancelled',
      () => this.stmts.cancel.run(at, id).changes,
      () => this.stmts.event.run(id, at, actor, 'cancelled', null),
    );
  }

  lapsedClaims(now: string): Wish[] {
    return (this.stmts.lapsed.all(now) as Row[]).map(wishOf);
  }

  doneBetween(from: string, until: string): number {
    return Number((this.stmts.doneBetween.get(from, until) as Row).n);
  }

  history(id: string): WishEvent[] {
    return (this.stmts.events.all(id) as Row[]).map((r) => ({
      seq: Number(r.seq),
      wishId: String(r.wish_id),
      at: String(r.at),
      actor: String(r.actor),
      action: r.action as WishEvent['action'],
      userId: r.user_id == null ? null : Number(r.user_id),
    }));
  }
}
