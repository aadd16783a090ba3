import type { RequestStage } from '../../domain/dataset';
import type { CompoundSketch } from '../../domain/intake/sketch';

/** What the intake API answers (src/server/intake/*): public fields only. */
export interface Named {
  zh: string;
  en: string;
}
export interface CompoundInfo {
  id: string;
  name: Named;
  community: { id: string; name: Named } | null;
  point: { lat: number; long: number };
  sketch: CompoundSketch;
}
export interface CompoundSummary {
  id: string;
  name: Named;
  community: { id: string; name: Named } | null;
}
/** A building (楼栋) of a compound: names only (buildings.geojson is public; contacts never come here). */
export interface BuildingSummary {
  id: string;
  name: Named;
  compound_id: string;
}
export interface IntakeService {
  service_code: string;
  service_name: Named;
  glyph: string;
}
export interface NearbyRequest {
  service_request_id: string;
  stage: RequestStage;
  requested: string;
  distance_m: number;
}
export interface Filed {
  service_request_id: string;
  tracking_code: string;
  tracking_url: string;
}
export interface Tracked {
  service_request_id: string;
  service_code: string;
  stage: RequestStage;
  status: 'open' | 'closed';
  requested: string;
  updated: string;
  expected: string | null;
  steps: { stage: RequestStage; at: string; by: 'resident' | 'community' | 'system' }[];
  rating: number | null;
  can_rate: boolean;
  /** Votes of 民主协商议事 on this request (src/server/votes/publicView.ts). */
  votes?: PublicVote[];
}
/** A vote as anyone sees it: counts per option only once it is closed. */
export interface PublicVote {
  id: string;
  request_id: string;
  compound: { id: string; name: Named } | null;
  question: string;
  options: string[];
  deadline: string;
  state: 'open' | 'closed';
  closed_at: string | null;
  ballots: number;
  result: { option: string; count: number }[] | null;
}
export interface NewReport {
  service_code: string;
  lat: number;
  long: number;
  compound_id?: string;
  /** The building of the QR code, when the poster was a building's. */
  building_id?: string;
  description: string;
  phone?: string;
  photo?: string;
  website: string;
}

/** A 微心愿 from the QR page (POST /api/intake/wishes). */
export interface NewIntakeWish {
  compound_id: string;
  building_id?: string;
  text: string;
  phone?: string;
  website: string;
}

/** A refusal from the server: its status and the first `{code, description}` of its answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  } catch {
    throw new ApiError(0, 'network');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const first = Array.isArray(body) ? (body[0] as { description?: unknown } | undefined) : undefined;
    throw new ApiError(response.status, typeof first?.description === 'string' ? first.description : `HTTP ${response.status}`);
  }
  return body as T;
}

const enc = encodeURIComponent;

export const intakeApi = {
  compound: (id: string) => json<CompoundInfo>(`/api/intake/compounds/${enc(id)}`),
  compounds: () => json<{ compounds: CompoundSummary[]; cycle_days: number }>('/api/intake/compounds'),
  buildings: (compoundId?: string) =>
    json<{ buildings: BuildingSummary[] }>(`/api/intake/buildings${compoundId ? `?compound=${enc(compoundId)}` : ''}`).then((r) => r.buildings),
  services: () => json<{ services: IntakeService[] }>('/api/intake/services').then((r) => r.services),
  nearby: (serviceCode: string, lat: number, long: number) =>
    json<{ requests: NearbyRequest[] }>(`/api/intake/nearby?service_code=${enc(serviceCode)}&lat=${lat}&long=${long}`).then((r) => r.requests),
  file: (report: NewReport) => json<Filed>('/api/intake', { method: 'POST', body: JSON.stringify(report) }),
  wish: (wish: NewIntakeWish) => json<{ wish_id: string }>('/api/intake/wishes', { method: 'POST', body: JSON.stringify(wish) }),
  trackByCode: (code: string) => json<Tracked>(`/api/track/${enc(code)}`),
  trackById: (id: string) => json<Tracked>(`/api/track/request/${enc(id)}`),
  vote: (id: string) => json<PublicVote>(`/api/votes/${enc(id)}`),
  castBallot: (id: string, code: string, option: number) =>
    json<PublicVote>(`/api/votes/${enc(id)}/ballots`, { method: 'POST', body: JSON.stringify({ code, option }) }),
  rate: (code: string, rating: number, comment: string) =>
    json<Tracked>(`/api/track/${enc(code)}/rate`, { method: 'POST', body: JSON.stringify(comment ? { rating, comment } : { rating }) }),
};
