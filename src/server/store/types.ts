import type { RequestStage } from '../../domain/dataset';
import type { StageActivity } from '../../domain/hall/liveAggregates';
import type { EscalationLevel } from '../../domain/volunteers/workflow';
import type { NotificationStore } from './notifications-sqlite';
import type { SandanStore } from './sandanStore';
import type { VoteStore } from './voteStore';
import type { WishStore } from './wishStore';

/**
 * The ledger's records as the server sees them. Personal fields (reporter) are kept apart so
 * that a public answer can never carry them by accident: `toPublic*` functions drop them.
 */
export interface Reporter {
  name?: string;
  phone?: string;
  email?: string;
  deviceId?: string;
  /** The reporter's account in the system that sent the request (Open311 account_id). */
  accountId?: string;
}

export interface LedgerRequest {
  /** Open311 service_request_id, e.g. "YF-2026-0001" or "SR-20261204-0007". */
  id: string;
  serviceCode: string;
  description: string | null;
  status: 'open' | 'closed';
  stage: RequestStage;
  /** WGS84 degrees. */
  lon: number;
  lat: number;
  address: string | null;
  compoundId: string | null;
  gridId: string | null;
  communityId: string | null;
  /** The building (楼栋) it is about, when the resident scanned a building's QR code; else null. */
  buildingId?: string | null;
  /** ISO 8601 instants. */
  requestedAt: string;
  updatedAt: string;
  expectedAt: string | null;
  rating: number | null;
  /** Content hash of the photo (files under the photo directory), or null. */
  mediaHash: string | null;
  /** A photo kept elsewhere (Open311 media_url, http or https), or null. */
  mediaUrl: string | null;
  /** How the request came in: 'seed', 'intake', 'staff', 'open311:<key name>'. */
  source: string;
  /** Given to the resident who filed it; lets them follow it without an account. */
  trackingCode: string | null;
  /** Staff only. */
  reporter: Reporter;
  /** Staff user id the request is assigned to (volunteers see only their own). */
  assignedTo: number | null;
  /** The highest escalation level recorded so far (吹哨), or null. */
  escalation: EscalationLevel | null;
}

export interface NewRequest {
  /** Given when importing; otherwise the store numbers it. */
  id?: string;
  serviceCode: string;
  description?: string | null;
  status?: 'open' | 'closed';
  stage?: RequestStage;
  lon: number;
  lat: number;
  address?: string | null;
  compoundId?: string | null;
  gridId?: string | null;
  communityId?: string | null;
  buildingId?: string | null;
  requestedAt?: string;
  updatedAt?: string;
  expectedAt?: string | null;
  rating?: number | null;
  mediaHash?: string | null;
  mediaUrl?: string | null;
  source: string;
  trackingCode?: string | null;
  reporter?: Reporter;
}

export interface HistoryEntry {
  seq: number;
  requestId: string;
  /** ISO instant. */
  at: string;
  /** Username, 'resident', 'system', or 'open311:<key name>'. */
  actor: string;
  fromStage: RequestStage | null;
  toStage: RequestStage;
  fromStatus: 'open' | 'closed' | null;
  toStatus: 'open' | 'closed';
  note: string | null;
}

export interface RequestFilter {
  ids?: readonly string[];
  serviceCodes?: readonly string[];
  status?: 'open' | 'closed';
  stages?: readonly RequestStage[];
  /** ISO instants, on requestedAt, inclusive. */
  start?: string;
  end?: string;
  /** Scope: a request matches when it is in any of these (each list optional). */
  communityIds?: readonly string[];
  gridIds?: readonly string[];
  compoundIds?: readonly string[];
  assignedTo?: number;
  /** Requests showing this photo (by content hash). */
  mediaHash?: string;
  limit?: number;
}

export interface MoveInput {
  stage: RequestStage;
  status?: 'open' | 'closed';
  note?: string | null;
  actor: string;
  /** Optimistic check: refuse when the request is no longer at this stage. */
  expectStage?: RequestStage;
  at?: string;
}

export const ROLES = ['admin', 'community_worker', 'grid_leader', 'volunteer'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  /** Scope: a community worker's community, a grid leader's grid, a volunteer's own volunteer id. */
  communityId: string | null;
  gridId: string | null;
  volunteerId: string | null;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  displayName?: string | null;
  communityId?: string | null;
  gridId?: string | null;
  volunteerId?: string | null;
}

export interface Session {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface ApiKey {
  id: number;
  name: string;
  createdAt: string;
  revoked: boolean;
}

export interface Escalation {
  id: number;
  requestId: string;
  level: EscalationLevel;
  at: string;
  /** 'none' (no webhook configured), 'pending', 'sent', 'failed' (gave up). */
  webhookState: 'none' | 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

export interface Photo {
  hash: string;
  bytes: number;
  width: number;
  height: number;
  mime: string;
  createdAt: string;
}

export class LedgerError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Everything the server keeps, behind one small interface so that a PostgreSQL store can
 * follow the SQLite one. Every change is one transaction and appends history; nothing is
 * ever deleted (closing a request is a stage).
 */
export interface LedgerStore {
  /** Small wishes (微心愿), in the same ledger and transactions' durability. */
  readonly wishes: WishStore;
  /** Messages to the community's own system (a volunteer matched), delivered by webhook. */
  readonly notifications: NotificationStore;
  /** 三单制: partner units' offers and projects (migration 5). */
  readonly sandan: SandanStore;
  /** Online votes of 民主协商议事 (single-use household codes, anonymous ballots). */
  readonly votes: VoteStore;
  createRequest(input: NewRequest, actor: string): LedgerRequest;
  /** Several at once in one transaction (seeding, imports). */
  createRequests(inputs: readonly NewRequest[], actor: string): LedgerRequest[];
  /**
   * Several requests in one transaction, each kept or refused on its own (a refused one comes
   * back as its LedgerError): a burst of POSTs costs one disk sync, not one each (group commit).
   */
  createRequestsEach(entries: readonly { input: NewRequest; actor: string }[]): (LedgerRequest | LedgerError)[];
  getRequest(id: string): LedgerRequest | null;
  getRequestByTrackingCode(code: string): LedgerRequest | null;
  listRequests(filter?: RequestFilter): LedgerRequest[];
  countRequests(): number;
  /**
   * A mark that changes whenever the ledger's content changes, through this store or another
   * process (the ledger CLI): an answer computed under one mark may be reused while it holds.
   */
  changeMark(): string;
  /**
   * Stage and times of the requests filed or touched since about `since` (ISO; the store may
   * return some older ones): what the public live counts are made of, nothing personal.
   */
  stageActivity(since: string): StageActivity[];
  /** Open requests with an id after `afterId` (null: from the start), in id order: the scheduler walks them page by page. */
  openRequestsAfter(afterId: string | null, limit: number): LedgerRequest[];
  /** Moves a request to a stage (and status), appending history. */
  moveRequest(id: string, move: MoveInput): LedgerRequest;
  rateRequest(id: string, rating: number, comment: string | null, actor: string): LedgerRequest;
  assignRequest(id: string, userId: number | null, actor: string): LedgerRequest;
  history(id: string): HistoryEntry[];

  createUser(user: NewUser): User;
  getUser(id: number): User | null;
  findUser(username: string): (User & { passwordHash: string }) | null;
  listUsers(): User[];
  setPassword(userId: number, passwordHash: string): void;
  recordLoginFailure(userId: number, lockedUntil: string | null): void;
  resetLoginFailures(userId: number): void;

  createSession(session: Session): void;
  getSession(tokenHash: string): Session | null;
  endSession(tokenHash: string): void;

  createApiKey(name: string, keyHash: string): ApiKey;
  findApiKey(keyHash: string): ApiKey | null;
  listApiKeys(): ApiKey[];

  addEscalation(requestId: string, level: EscalationLevel, at: string, webhook: boolean): Escalation;
  escalations(requestId?: string): Escalation[];
  /**
   * Several escalations in one transaction (the SLA scheduler records every level a request
   * has reached at once); idempotent per (request, level) like addEscalation. Returns only the
   * records this call created.
   */
  addEscalations(entries: readonly { requestId: string; level: EscalationLevel }[], at: string, webhook: boolean): Escalation[];
  /** Escalations whose webhook is pending and due at `now`. */
  dueWebhooks(now: string): Escalation[];
  updateWebhook(id: number, state: Escalation['webhookState'], attempts: number, nextAttemptAt: string | null, lastError: string | null): void;

  addPhoto(photo: Photo): void;
  getPhoto(hash: string): Photo | null;

  /** Online backup to a file while the store stays in use. */
  backup(file: string): Promise<void>;
  close(): void;
}
