import type { Feature, Point } from 'geojson';
import type { RequestProps, RequestStage } from '../domain/dataset';
import type { PublicUser } from '../server/auth/roles';
import type { Escalation, HistoryEntry, LedgerRequest } from '../server/store/types';

/** The requests service's staff API as the app calls it (JSON shapes shared with the server by type only). */

export interface ServerInfo {
  server: true;
  dataset: string;
  dataPath: string;
}

export type StaffUser = PublicUser;
export type StaffRequest = LedgerRequest;

export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
}

/** GET /api/session: the session, or nulls when nobody is logged in. */
export type SessionAnswer = StaffSession | { user: null; csrfToken: null };

export interface RequestFile {
  request: StaffRequest;
  history: HistoryEntry[];
  escalations: Escalation[];
  assignee: StaffUser | null;
}

export interface MoveBody {
  stage: RequestStage;
  status?: 'open' | 'closed';
  note?: string | null;
  expectStage?: RequestStage;
}

/** An answer: the data, or why not (status 0: the server could not be reached). */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; lockedUntil?: string };

/** API paths resolve against the app's own address, so an app under a sub-path asks its own server. */
const urlOf = (path: string) => new URL(path, document.baseURI).toString();

export async function call<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(urlOf(path), { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (an HTML page or nothing): the status says enough.
  }
  if (response.ok) return { ok: true, data: body as T };
  const first = Array.isArray(body) ? (body[0] as { description?: unknown; lockedUntil?: unknown } | undefined) : undefined;
  return {
    ok: false,
    status: response.status,
    message: typeof first?.description === 'string' ? first.description : `HTTP ${response.status}`,
    ...(typeof first?.lockedUntil === 'string' ? { lockedUntil: first.lockedUntil } : {}),
  };
}

export const json = (body: unknown, csrf?: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
  body: JSON.stringify(body),
});

/**
 * Whether the app runs on the requests service. A static build carries a file at api/info
 * saying `{ "server": false }` (so asking logs no failed request); the service answers the same
 * path itself. Any other answer (404, an index.html fallback) also means static.
 */
export async function fetchServerInfo(): Promise<ServerInfo | null> {
  const result = await call<ServerInfo>('api/info');
  return result.ok && result.data && (result.data as { server?: unknown }).server === true && typeof result.data.dataset === 'string' ? result.data : null;
}

export const staffApi = {
  session: () => call<SessionAnswer>('api/session'),
  login: (username: string, password: string) => call<StaffSession>('api/login', json({ username, password })),
  logout: (csrf: string) => call<void>('api/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrf } }),
  requests: () => call<StaffRequest[]>('api/requests'),
  request: (id: string) => call<RequestFile>(`api/requests/${encodeURIComponent(id)}`),
  move: (id: string, body: MoveBody, csrf: string) => call<StaffRequest>(`api/requests/${encodeURIComponent(id)}/move`, json(body, csrf)),
};

/** A ledger row as the volunteers view's requests (the shape of requests.geojson). */
export function toRequestFeature(r: StaffRequest): Feature<Point, RequestProps> {
  const properties: RequestProps = {
    id: r.id,
    service_request_id: r.id,
    service_code: r.serviceCode,
    status: r.status,
    stage: r.stage,
    requested_datetime: r.requestedAt,
    updated_datetime: r.updatedAt,
  };
  if (r.description) properties.description = r.description;
  if (r.expectedAt) properties.expected_datetime = r.expectedAt;
  if (r.compoundId) properties.compound_id = r.compoundId;
  if (r.rating !== null) properties.rating = r.rating;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties };
}
