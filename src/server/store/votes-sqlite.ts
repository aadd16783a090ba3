import type Database from 'better-sqlite3';
import { tally, type Vote, type VoteState, type VoteTally } from '../../domain/votes';
import { str, type Row } from './rows';
import { LedgerError } from './types';
import type { NewVote, VoteStore } from './voteStore';

/** The votes of a SQLite ledger (migration 6), sharing the ledger's connection. */
export class SqliteVoteStore implements VoteStore {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      nextSeq: db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'votes'), 0) + 1 AS next`),
      insert: db.prepare(`INSERT INTO votes (id, request_id, compound_id, grid_id, community_id, question, options, deadline, state, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`),
      byId: db.prepare(`SELECT v.*,
          (SELECT COUNT(*) FROM ballots b WHERE b.vote_id = v.id) AS ballots,
          (SELECT COUNT(*) FROM vote_codes c WHERE c.vote_id = v.id) AS codes_issued,
          (SELECT COUNT(*) FROM vote_codes c WHERE c.vote_id = v.id AND c.used = 1) AS codes_used
        FROM votes v WHERE v.id = ?`),
      ofRequest: db.prepare('SELECT id FROM votes WHERE request_id = ? ORDER BY seq'),
      due: db.prepare(`SELECT id FROM votes WHERE state = 'open' AND deadline <= ? ORDER BY seq LIMIT 500`),
      insertCode: db.prepare('INSERT INTO vote_codes (code_hash, vote_id, compound_id) VALUES (?, ?, ?)'),
      code: db.prepare('SELECT used FROM vote_codes WHERE code_hash = ? AND vote_id = ?'),
      useCode: db.prepare('UPDATE vote_codes SET used = 1 WHERE code_hash = ? AND vote_id = ? AND used = 0'),
      insertBallot: db.prepare('INSERT INTO ballots (vote_id, option_index, at) VALUES (?, ?, ?)'),
      choices: db.prepare('SELECT option_index FROM ballots WHERE vote_id = ?'),
      close: db.prepare(`UPDATE votes SET state = 'closed', closed_at = ?, closed_by = ? WHERE id = ? AND state = 'open'`),
    };
  }

  private voteOf(r: Row): Vote {
    return {
      id: String(r.id),
      requestId: String(r.request_id),
      compoundId: str(r.compound_id),
      gridId: str(r.grid_id),
      communityId: str(r.community_id),
      question: String(r.question),
      options: JSON.parse(String(r.options)) as string[],
      deadline: String(r.deadline),
      state: r.state as VoteState,
      createdAt: String(r.created_at),
      createdBy: String(r.created_by),
      closedAt: str(r.closed_at),
      ballots: Number(r.ballots),
      codesIssued: Number(r.codes_issued),
      codesUsed: Number(r.codes_used),
    };
  }

  create(input: NewVote): Vote {
    return this.db.transaction(() => {
      const id = `V-${String(Number((this.stmts.nextSeq.get() as Row).next)).padStart(6, '0')}`;
      this.stmts.insert.run(
        id,
        input.requestId,
        input.compoundId,
        input.gridId,
        input.communityId,
        input.question,
        JSON.stringify(input.options),
        input.deadline,
        input.at,
        input.actor,
      );
      return this.get(id)!;
    })();
  }

  get(id: string): Vote | null {
    const row = this.stmts.byId.get(id) as Row | undefined;
    return row ? this.voteOf(row) : null;
  }

  ofRequest(requestId: string): Vote[] {
    return (this.stmts.ofRequest.all(requestId) as Row[]).map((r) => this.get(String(r.id))!);
  }

  due(now: string): Vote[] {
    return (this.stmts.due.all(now) as Row[]).map((r) => this.get(String(r.id))!);
  }

  addCodes(voteId: string, codeHashes: readonly string[], max: number): Vote {
    return this.db.transaction(() => {
      const vote = this.get(voteId);
      if (!vote) throw new LedgerError('not_found', `no vote ${JSON.stringify(voteId)}`);
      if (vote.state !== 'open') throw new LedgerError('conflict', `vote ${voteId} is closed: it takes no more codes`);
      if (vote.codesIssued + codeHashes.length > max) {
        throw new LedgerError('conflict', `vote ${voteId} has ${vote.codesIssued} codes; ${codeHashes.length} more would pass the limit of ${max}`);
      }
      for (const hash of codeHashes) this.stmts.insertCode.run(hash, voteId, vote.compoundId);
      return this.get(voteId)!;
    })();
  }

  cast(voteId: string, codeHash: string, option: number, at: string): { ok: true; vote: Vote } | { ok: false; why: 'unknown_code' | 'used_code' | 'closed' } {
    return this.db.transaction(() => {
      const vote = this.get(voteId);
      if (!vote) throw new LedgerError('not_found', `no vote ${JSON.stringify(voteId)}`);
      if (vote.state !== 'open' || vote.deadline <= at) return { ok: false as const, why: 'closed' as const };
      if (option < 0 || option >= vote.options.length)
        throw new LedgerError('invalid', `option ${option} is not one of vote ${voteId}'s ${vote.options.length} options`);
      // Compare-and-set on the code: of two phones using one code at once, exactly one counts.
      if (this.stmts.useCode.run(codeHash, voteId).changes === 0) {
        const known = this.stmts.code.get(codeHash, voteId) as Row | undefined;
        return { ok: false as const, why: known ? ('used_code' as const) : ('unknown_code' as const) };
      }
      this.stmts.insertBallot.run(voteId, option, at);
      return { ok: true as const, vote: this.get(voteId)! };
    })();
  }

  close(voteId: string, actor: string, at: string, then?: (vote: Vote, result: VoteTally[]) => void): { vote: Vote; result: VoteTally[] } | null {
    return this.db.transaction(() => {
      if (!this.get(voteId)) throw new LedgerError('not_found', `no vote ${JSON.stringify(voteId)}`);
      if (this.stmts.close.run(at, actor, voteId).changes === 0) return null;
      const vote = this.get(voteId)!;
      const result = this.tally(voteId);
      then?.(vote, result);
      return { vote, result };
    })();
  }

  tally(voteId: string): VoteTally[] {
    const vote = this.stmts.byId.get(voteId) as Row | undefined;
    if (!vote) return [];
    const options = JSON.parse(String(vote.options)) as string[];
    return tally(
      options,
      (this.stmts.choices.all(voteId) as Row[]).map((r) => Number(r.option_index)),
    );
  }
}
