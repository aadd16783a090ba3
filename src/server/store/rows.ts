/** Ledger rows (snake_case columns) to the store's types: one place for every table's mapping. */
import type { RequestStage } from '../../domain/dataset';
import type { EscalationLevel } from '../../domain/volunteers/workflow';
import type { ApiKey, Escalation, LedgerRequest, Photo, User } from './types';

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function requestOf(r: Row): LedgerRequest {
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
    buildingId: str(r.building_id),
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

export function userOf(r: Row): User {
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

export function escalationOf(r: Row): Escalation {
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

export const apiKeyOf = (r: Row): ApiKey => ({ id: Number(r.id), name: String(r.name), createdAt: String(r.created_at), revoked: Boolean(r.revoked) });

export const photoOf = (r: Row): Photo => ({
  hash: String(r.hash),
  bytes: Number(r.bytes),
  width: Number(r.width),
  height: Number(r.height),
  mime: String(r.mime),
  createdAt: String(r.created_at),
});
