import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RequestStage } from '../../domain/dataset';
import type { StageActivity } from '../../domain/hall/liveAggregates';
import type { EscalationLevel } from '../../domain/volunteers/workflow';
import { LEDGER_MARK, MIGRATIONS } from './migrations';
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
import { SqliteNotificationStore } from './notifications-sqlite';
import { SqliteWishStore } from './wishes-sqlite';

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function requestOf(r: Row): LedgerRequest {
  const reporter: LedgerRequest['reporter'] = {};
  if (r.reporter_name != null) reporter.name = String(r.reporter_name);
  if (r.reporter_phone != null) reporter.phone = String(r.reporter_phone);
  if (r.reporter_email != null) reporter.email = String(r.reporter_email);
  if (r.reporter_device != null) reporter.deviceId = String(r.reporter_device);
  if (r.reporter_account != null) reporter.accountId = String(r.reporter_account);
  return {
    id: String(r.id),
    serviceCode: String(r.service_code),
    description: str(r.description),
    status: r.status as 'open' | 'closed',
    stage: r.stage as RequestStage,
    lon: Number(r.lon),
    lat: Number(r.lat),
    address: str(r.address),
    compoundId: str(r.compound_id),
    gridId: str(r.grid_id),
    communityId: str(r.community_id),
    requestedAt: String(r.requested_at),
    updatedAt: String(r.updated_at),
    expectedAt: str(r.expected_at),
    rating: r.rating == null ? null : Number(r.rating),
    mediaHash: str(r.media_hash),
    mediaUrl: str(r.media_url),
    source: String(r.source),
    trackingCode: str(r.tracking_code),
    reporter,
    assignedTo: r.assigned_to == null ? null : Number(r.assigned_to),
    escalation: (str(r.escalation) as EscalationLevel | null) ?? null,
  };
}

function userOf(r: Row): User {
  return {
    id: Number(r.id),
    username: String(r.username),
    displayName: str(r.display_name),
    role: r.role as User['role'],
    communityId: str(r.community_id),
    gridId: str(r.grid_id),
    volunteerId: str(r.volunteer_id),
    failedLogins: Number(r.failed_logins),
    lockedUntil: str(r.locked_until),
    createdAt: String(r.created_at),
  };
}

function escalationOf(r: Row): Escalation {
  return {
    id: Number(r.id),
    requestId: String(r.request_id),
    level: r.level as EscalationLevel,
    at: String(r.at),
    webhookState: r.webhook_state as Escalation['webhookState'],
    attempts: Number(r.attempts),
    nextAttemptAt: str(r.next_attempt_at),
    lastError: str(r.last_error),
  };
}

const apiKeyOf = (r: Row): ApiKey => ({ id: Number(r.id), name: String(r.name), createdAt: String(r.created_at), revoked: Boolean(r.revoked) });

const ESCALATION_ORDER: readonly EscalationLevel[] = ['grid', 'community', 'town', 'district'];

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

export class SqliteLedgerStore implements LedgerStore {
  readonly db: Database.Database;
  readonly wishes: SqliteWishStore;
  readonly notifications: SqliteNotificationStore;
  private readonly stmts;

  constructor(file: string) {
    this.db = openDatabase(file);
    const db = this.db;
    this.wishes = new SqliteWishStore(db);
    this.notifications = new SqliteNotificationStore(db);
    this.stmts = {
      insertRequest: db.prepare(`INSERT INTO requests (id, service_code, description, status, stage, lon, lat, address, compound_id, grid_id, community_id,
        requested_at, updated_at, expected_at, rating, media_hash, media_url, source, tracking_code, reporter_name, reporter_phone, reporter_email, reporter_device, reporter_account)
        VALUES (@id, @service_code, @description, @status, @stage, @lon, @lat, @address, @compound_id, @grid_id, @community_id,
        @requested_at, @updated_at, @expected_at, @rating, @media_hash, @media_url, @source, @tracking_code, @reporter_name, @reporter_phone, @reporter_email, @reporter_device, @reporter_account)`),
      nextSeq: db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'requests'), 0) + 1 AS next`),
      byId: db.prepare('SELECT * FROM requests WHERE id = ?'),
      byTracking: db.prepare('SELECT * FROM requests WHERE tracking_code = ?'),
      count: db.prepare('SELECT COUNT(*) AS n FROM requests'),
      // total_changes(): rows this connection changed; data_version: commits by other connections.
      changeMark: db.prepare('SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS others'),
      insertHistory: db.prepare(`INSERT INTO history (request_id, at, actor, from_stage, to_stage, from_status, to_status, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      history: db.prepare('SELECT * FROM history WHERE request_id = ? ORDER BY seq'),
      stageActivity: db.prepare('SELECT stage, requested_at, updated_at FROM requests WHERE requested_at >= ? OR updated_at >= ?'),
      move: db.prepare('UPDATE requests SET stage = ?, status = ?, updated_at = ? WHERE id = ?'),
      rate: db.prepare('UPDATE requests SET rating = ?, updated_at = ? WHERE id = ?'),
      insertRating: db.prepare('INSERT INTO ratings (request_id, rating, comment, actor, at) VALUES (?, ?, ?, ?, ?)'),
      assign: db.prepare('UPDATE requests SET assigned_to = ?, updated_at = ? WHERE id = ?'),
      setEscalation: db.prepare('UPDATE requests SET escalation = ? WHERE id = ?'),
      insertUser: db.prepare(`INSERT INTO users (username, display_name, password_hash, role, community_id, grid_id, volunteer_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      userById: db.prepare('SELECT * FROM users WHERE id = ?'),
      userByName: db.prepare('SELECT * FROM users WHERE username = ?'),
      users: db.prepare('SELECT * FROM users ORDER BY id'),
      setPassword: db.prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?'),
      loginFailure: db.prepare('UPDATE users SET failed_logins = failed_logins + 1, locked_until = ? WHERE id = ?'),
      loginReset: db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
      session: db.prepare('SELECT * FROM sessions WHERE token_hash = ? AND ended_at IS NULL'),
      endSession: db.prepare('UPDATE sessions SET ended_at = ? WHERE token_hash = ?'),
      insertKey: db.prepare('INSERT INTO api_keys (name, key_hash, created_at) VALUES (?, ?, ?)'),
      keyByHash: db.prepare('SELECT * FROM api_keys WHERE key_hash = ? AND revoked = 0'),
      keys: db.prepare('SELECT * FROM api_keys ORDER BY id'),
      insertEscalation: db.prepare(`INSERT INTO escalations (request_id, level, at, webhook_state, next_attempt_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (request_id, level) DO NOTHING`),
      // `+status`: walk the id index (one page costs its own rows), not the status index (every page would sort all open rows).
      openAfter: db.prepare(`SELECT * FROM requests WHERE +status = 'open' AND id > ? ORDER BY id LIMIT ?`),
      escalationByKey: db.prepare('SELECT * FROM escalations WHERE request_id = ? AND level = ?'),
      escalationsOf: db.prepare('SELECT * FROM escalations WHERE request_id = ? ORDER BY id'),
      allEscalations: db.prepare('SELECT * FROM escalations ORDER BY id'),
      dueWebhooks: db.prepare(`SELECT * FROM escalations WHERE webhook_state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT 100`),
      updateWebhook: db.prepare('UPDATE escalations SET webhook_state = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?'),
      insertPhoto: db.prepare('INSERT INTO photos (hash, bytes, width, height, mime, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING'),
      photo: db.prepare('SELECT * FROM photos WHERE hash = ?'),
    };
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
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new LedgerError('conflict', `a request with id ${JSON.stringify(id)} exists already`);
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
    const where: string[] = [];
    const params: unknown[] = [];
    const inList = (column: string, values: readonly unknown[]) => {
      where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    if (filter.ids) {
      if (filter.ids.length === 0) return [];
      inList('id', filter.ids);
    }
    if (filter.serviceCodes) {
      if (filter.serviceCodes.length === 0) return [];
      inList('service_code', filter.serviceCodes);
    }
    if (filter.stages) {
      if (filter.stages.length === 0) return [];
      inList('stage', filter.stages);
    }
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.start) {
      where.push('requested_at >= ?');
      params.push(filter.start);
    }
    if (filter.end) {
      where.push('requested_at <= ?');
      params.push(filter.end);
    }
    const scope: string[] = [];
    for (const [column, values] of [
      ['community_id', filter.communityIds],
      ['grid_id', filter.gridIds],
      ['compound_id', filter.compoundIds],
    ] as const) {
      if (!values) continue;
      if (values.length) {
        scope.push(`${column} IN (${values.map(() => '?').join(', ')})`);
        params.push(...values);
      }
    }
    if (filter.communityIds || filter.gridIds || filter.compoundIds) where.push(scope.length ? `(${scope.join(' OR ')})` : '0');
    if (filter.assignedTo !== undefined) {
      where.push('assigned_to = ?');
      params.push(filter.assignedTo);
    }
    if (filter.mediaHash !== undefined) {
      where.push('media_hash = ?');
      params.push(filter.mediaHash);
    }
    const sql = `SELECT * FROM requests${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY requested_at DESC, seq DESC${filter.limit ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : ''}`;
    return (this.prepared(sql).all(...params) as Row[]).map(requestOf);
  }

  stageActivity(since: string): StageActivity[] {
    // Times are kept with their own offsets (+08:00, Z): a day's margin keeps text comparison safe; the caller filters exactly.
    const bound = new Date(Date.parse(since) - 86_400_000).toISOString();
    return (this.stmts.stageActivity.all(bound, bound) as Row[]).map((r) => ({ stage: r.stage as RequestStage, requestedAt: String(r.requested_at), updatedAt: String(r.updated_at) }));
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
      const info = this.stmts.insertUser.run(user.username, user.displayName ?? null, user.passwordHash, user.role, user.communityId ?? null, user.gridId ?? null, user.volunteerId ?? null, new Date().toISOString());
      return this.getUser(Number(info.lastInsertRowid))!;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new LedgerError('conflict', `a user named ${JSON.stringify(user.username)} exists already`);
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
    return r ? { tokenHash: String(r.token_hash), userId: Number(r.user_id), csrfToken: String(r.csrf_token), createdAt: String(r.created_at), expiresAt: String(r.expires_at) } : null;
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
    return r ? { hash: String(r.hash), bytes: Number(r.bytes), width: Number(r.width), height: Number(r.height), mime: String(r.mime), createdAt: String(r.created_at) } : null;
  }

  async backup(file: string): Promise<void> {
    mkdirSync(dirname(file), { recursive: true });
    await this.db.backup(file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
