import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RequestStage } from '../../domain/dataset';
import type { StageActivity } from '../../domain/hall/liveAggregates';
import type { EscalationLevel } from '../../domain/volunteers/workflow';
import { openDatabase } from './database';
import { requestQuery } from './requestQuery';
import { prepareStatements, type Statements } from './statements';
import { apiKeyOf, escalationOf, photoOf, requestOf, str, userOf, type Row } from './rows';
import {
  LedgerError,
  type ApiKey,
  type Escalation,
  type HistoryEntry,
  type LedgerRequest,
  type LedgerStore,
  type MoveInput,
  type NewRequest,
  type NewUser,
  type Photo,
  type RequestFilter,
  type Session,
  type User,
} from './types';
export { isLedger, openDatabase } from './database';
import { SqliteNotificationStore } from './notifications-sqlite';
import { SqliteSandanStore } from './sandan-sqlite';
import { SqliteVoteStore } from './votes-sqlite';
import { SqliteWishStore } from './wishes-sqlite';

const ESCALATION_ORDER: readonly EscalationLevel[] = ['grid', 'community', 'town', 'district'];

export class SqliteLedgerStore implements LedgerStore {
  readonly db: Database.Database;
  readonly wishes: SqliteWishStore;
  readonly notifications: SqliteNotificationStore;
  readonly sandan: SqliteSandanStore;
  readonly votes: SqliteVoteStore;
  private readonly stmts: Statements;

  constructor(file: string) {
    this.db = openDatabase(file);
    const db = this.db;
    this.wishes = new SqliteWishStore(db);
    this.notifications = new SqliteNotificationStore(db);
    this.sandan = new SqliteSandanStore(db);
    this.votes = new SqliteVoteStore(db);
    this.stmts = prepareStatements(db);
  }

  private insertOne(input: NewRequest, actor: string): LedgerRequest {
    const now = new Date().toISOString();
    const next = Number((this.stmts.nextSeq.get() as Row).next);
    const requestedAt = input.requestedAt ?? now;
    const id = input.id ?? `SR-${requestedAt.slice(0, 4)}-${String(next).padStart(6, '0')}`;
    const status = input.status ?? 'open';
    const stage = input.stage ?? 'collect';
    try {
      this.stmts.insertRequest.run({
        id,
        service_code: input.serviceCode,
        description: input.description ?? null,
        status,
        stage,
        lon: input.lon,
        lat: input.lat,
        address: input.address ?? null,
        compound_id: input.compoundId ?? null,
        grid_id: input.gridId ?? null,
        community_id: input.communityId ?? null,
        requested_at: requestedAt,
        updated_at: input.updatedAt ?? requestedAt,
        expected_at: input.expectedAt ?? null,
        rating: input.rating ?? null,
        media_hash: input.mediaHash ?? null,
        media_url: input.mediaUrl ?? null,
        source: input.source,
        tracking_code: input.trackingCode ?? null,
        reporter_name: input.reporter?.name ?? null,
        reporter_phone: input.reporter?.phone ?? null,
        reporter_email: input.reporter?.email ?? null,
        reporter_device: input.reporter?.deviceId ?? null,
        reporter_account: input.reporter?.accountId ?? null,
        building_id: input.buildingId ?? null,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new LedgerError('conflict', `a request with id ${JSON.stringify(id)} exists already`);
      if (String((error as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) throw new LedgerError('invalid', (error as Error).message);
      throw error;
    }
    this.stmts.insertHistory.run(id, requestedAt, actor, null, stage, null, status, 'filed');
    return requestOf(this.stmts.byId.get(id) as Row);
  }

  createRequest(input: NewRequest, actor: string): LedgerRequest {
    return this.db.transaction(() => this.insertOne(input, actor))();
  }

  createRequests(inputs: readonly NewRequest[], actor: string): LedgerRequest[] {
    return this.db.transaction(() => inputs.map((input) => this.insertOne(input, actor)))();
  }

  createRequestsEach(entries: readonly { input: NewRequest; actor: string }[]): (LedgerRequest | LedgerError)[] {
    // Each entry in its own savepoint (a nested better-sqlite3 transaction): a refused one
    // leaves no trace, the others commit together. Any other error undoes the whole batch.
    const one = this.db.transaction((input: NewRequest, actor: string) => this.insertOne(input, actor));
    return this.db.transaction(() =>
      entries.map(({ input, actor }) => {
        try {
          return one(input, actor);
        } catch (error) {
          if (error instanceof LedgerError) return error;
          throw error;
        }
      }),
    )();
  }

  getRequest(id: string): LedgerRequest | null {
    const row = this.stmts.byId.get(id) as Row | undefined;
    return row ? requestOf(row) : null;
  }

  getRequestByTrackingCode(code: string): LedgerRequest | null {
    const row = this.stmts.byTracking.get(code) as Row | undefined;
    return row ? requestOf(row) : null;
  }

  listRequests(filter: RequestFilter = {}): LedgerRequest[] {
    const query = requestQuery(filter);
    return query ? (this.prepared(query.sql).all(...query.params) as Row[]).map(requestOf) : [];
  }

  stageActivity(since: string): StageActivity[] {
    // Times are kept with their own offsets (+08:00, Z): a day's margin keeps text comparison safe; the caller filters exactly.
    const bound = new Date(Date.parse(since) - 86_400_000).toISOString();
    return (this.stmts.stageActivity.all(bound, bound) as Row[]).map((r) => ({
      stage: r.stage as RequestStage,
      requestedAt: String(r.requested_at),
      updatedAt: String(r.updated_at),
    }));
  }

  openRequestsAfter(afterId: string | null, limit: number): LedgerRequest[] {
    return (this.stmts.openAfter.all(afterId ?? '', Math.max(0, Math.floor(limit))) as Row[]).map(requestOf);
  }

  /**
   * Statements of queries built per call (filters), kept by their SQL text: preparing costs
   * more than running a small query. Bounded, since IN lists of every length make new texts.
   */
  private readonly preparedBySql = new Map<string, Database.Statement>();

  private prepared(sql: string): Database.Statement {
    let statement = this.preparedBySql.get(sql);
    if (!statement) {
      if (this.preparedBySql.size >= 256) this.preparedBySql.clear();
      statement = this.db.prepare(sql);
      this.preparedBySql.set(sql, statement);
    }
    return statement;
  }

  countRequests(): number {
    return Number((this.stmts.count.get() as Row).n);
  }

  changeMark(): string {
    const row = this.stmts.changeMark.get() as Row;
    return `${String(row.others)}:${String(row.own)}`;
  }

  moveRequest(id: string, move: MoveInput): LedgerRequest {
    return this.db.transaction(() => {
      const current = this.getRequest(id);
      if (!current) throw new LedgerError('not_found', `no request ${JSON.stringify(id)}`);
      if (move.expectStage && move.expectStage !== current.stage) {
        throw new LedgerError('conflict', `request ${id} is at ${current.stage} now, not ${move.expectStage}: reload and try again`);
      }
      const status = move.status ?? current.status;
      const at = move.at ?? new Date().toISOString();
      this.stmts.move.run(move.stage, status, at, id);
      this.stmts.insertHistory.run(id, at, move.actor, current.stage, move.stage, current.status, status, move.note ?? null);
      return this.getRequest(id)!;
    })();
  }

  rateRequest(id: string, rating: number, comment: string | null, actor: string): LedgerRequest {
    return this.db.transaction(() => {
      if (!this.getRequest(id)) throw new LedgerError('not_found', `no request ${JSON.stringify(id)}`);
      const at = new Date().toISOString();
      this.stmts.insertRating.run(id, rating, comment, actor, at);
      this.stmts.rate.run(rating, at, id);
      return this.getRequest(id)!;
    })();
  }

  assignRequest(id: string, userId: number | null, actor: string): LedgerRequest {
    return this.db.transaction(() => {
      const current = this.getRequest(id);
      if (!current) throw new LedgerError('not_found', `no request ${JSON.stringify(id)}`);
      if (userId !== null && !this.getUser(userId)) throw new LedgerError('invalid', `no user ${userId}`);
      const at = new Date().toISOString();
      this.stmts.assign.run(userId, at, id);
      const note = userId === null ? 'unassigned' : `assigned to ${this.getUser(userId)!.username}`;
      this.stmts.insertHistory.run(id, at, actor, current.stage, current.stage, current.status, current.status, note);
      return this.getRequest(id)!;
    })();
  }

  history(id: string): HistoryEntry[] {
    return (this.stmts.history.all(id) as Row[]).map((r) => ({
      seq: Number(r.seq),
      requestId: String(r.request_id),
      at: String(r.at),
      actor: String(r.actor),
      fromStage: (str(r.from_stage) as RequestStage | null) ?? null,
      toStage: r.to_stage as RequestStage,
      fromStatus: (str(r.from_status) as 'open' | 'closed' | null) ?? null,
      toStatus: r.to_status as 'open' | 'closed',
      note: str(r.note),
    }));
  }

  createUser(user: NewUser): User {
    try {
      const info = this.stmts.insertUser.run(
        user.username,
        user.displayName ?? null,
        user.passwordHash,
        user.role,
        user.communityId ?? null,
        user.gridId ?? null,
        user.volunteerId ?? null,
        new Date().toISOString(),
      );
      return this.getUser(Number(info.lastInsertRowid))!;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new LedgerError('conflict', `a user named ${JSON.stringify(user.username)} exists already`);
      throw error;
    }
  }

  getUser(id: number): User | null {
    const row = this.stmts.userById.get(id) as Row | undefined;
    return row ? userOf(row) : null;
  }

  findUser(username: string): (User & { passwordHash: string }) | null {
    const row = this.stmts.userByName.get(username) as Row | undefined;
    return row ? { ...userOf(row), passwordHash: String(row.password_hash) } : null;
  }

  listUsers(): User[] {
    return (this.stmts.users.all() as Row[]).map(userOf);
  }

  setPassword(userId: number, passwordHash: string): void {
    this.stmts.setPassword.run(passwordHash, userId);
  }

  recordLoginFailure(userId: number, lockedUntil: string | null): void {
    this.stmts.loginFailure.run(lockedUntil, userId);
  }

  resetLoginFailures(userId: number): void {
    this.stmts.loginReset.run(userId);
  }

  createSession(s: Session): void {
    this.stmts.insertSession.run(s.tokenHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt);
  }

  getSession(tokenHash: string): Session | null {
    const r = this.stmts.session.get(tokenHash) as Row | undefined;
    return r
      ? {
          tokenHash: String(r.token_hash),
          userId: Number(r.user_id),
          csrfToken: String(r.csrf_token),
          createdAt: String(r.created_at),
          expiresAt: String(r.expires_at),
        }
      : null;
  }

  endSession(tokenHash: string): void {
    this.stmts.endSession.run(new Date().toISOString(), tokenHash);
  }

  createApiKey(name: string, keyHash: string): ApiKey {
    const info = this.stmts.insertKey.run(name, keyHash, new Date().toISOString());
    return apiKeyOf(this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(info.lastInsertRowid) as Row);
  }

  findApiKey(keyHash: string): ApiKey | null {
    const row = this.stmts.keyByHash.get(keyHash) as Row | undefined;
    return row ? apiKeyOf(row) : null;
  }

  listApiKeys(): ApiKey[] {
    return (this.stmts.keys.all() as Row[]).map(apiKeyOf);
  }

  addEscalation(requestId: string, level: EscalationLevel, at: string, webhook: boolean): Escalation {
    return this.db.transaction(() => {
      const request = this.getRequest(requestId);
      if (!request) throw new LedgerError('not_found', `no request ${JSON.stringify(requestId)}`);
      this.stmts.insertEscalation.run(requestId, level, at, webhook ? 'pending' : 'none', webhook ? at : null);
      const current = request.escalation ? ESCALATION_ORDER.indexOf(request.escalation) : -1;
      if (ESCALATION_ORDER.indexOf(level) > current) this.stmts.setEscalation.run(level, requestId);
      return escalationOf(this.stmts.escalationByKey.get(requestId, level) as Row);
    })();
  }

  addEscalations(entries: readonly { requestId: string; level: EscalationLevel }[], at: string, webhook: boolean): Escalation[] {
    return this.db.transaction(() => {
      const created: Escalation[] = [];
      for (const { requestId, level } of entries) {
        const request = this.getRequest(requestId);
        if (!request) throw new LedgerError('not_found', `no request ${JSON.stringify(requestId)}`);
        if (this.stmts.insertEscalation.run(requestId, level, at, webhook ? 'pending' : 'none', webhook ? at : null).changes === 0) continue;
        const current = request.escalation ? ESCALATION_ORDER.indexOf(request.escalation) : -1;
        if (ESCALATION_ORDER.indexOf(level) > current) this.stmts.setEscalation.run(level, requestId);
        created.push(escalationOf(this.stmts.escalationByKey.get(requestId, level) as Row));
      }
      return created;
    })();
  }

  escalations(requestId?: string): Escalation[] {
    const rows = (requestId === undefined ? this.stmts.allEscalations.all() : this.stmts.escalationsOf.all(requestId)) as Row[];
    return rows.map(escalationOf);
  }

  dueWebhooks(now: string): Escalation[] {
    return (this.stmts.dueWebhooks.all(now) as Row[]).map(escalationOf);
  }

  updateWebhook(id: number, state: Escalation['webhookState'], attempts: number, nextAttemptAt: string | null, lastError: string | null): void {
    this.stmts.updateWebhook.run(state, attempts, nextAttemptAt, lastError, id);
  }

  addPhoto(p: Photo): void {
    this.stmts.insertPhoto.run(p.hash, p.bytes, p.width, p.height, p.mime, p.createdAt);
  }

  getPhoto(hash: string): Photo | null {
    const r = this.stmts.photo.get(hash) as Row | undefined;
    return r ? photoOf(r) : null;
  }

  async backup(file: string): Promise<void> {
    mkdirSync(dirname(file), { recursive: true });
    await this.db.backup(file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
