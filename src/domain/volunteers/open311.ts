import type { Feature, Point } from 'geojson';
import { REQUEST_STAGES, type Problem, type RequestProps, type RequestStage } from '../dataset';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): the JSON service requests
 * that 12345-style hotlines exchange. Our workflow stage has no Open311 field, so it
 * travels in `extended_attributes` (the GeoReport v2 extension for extra fields), with the
 * compound, the rating and our feature id.
 */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes?: string | null;
  service_name?: string | null;
  service_code: string;
  description?: string | null;
  agency_responsible?: string | null;
  service_notice?: string | null;
  requested_datetime: string;
  updated_datetime?: string | null;
  expected_datetime?: string | null;
  address?: string | null;
  address_id?: string | null;
  zipcode?: string | null;
  lat: number;
  long: number;
  media_url?: string | null;
  /** Our extension fields again as top-level keys (see Open311ExportOptions.extensionsAtTopLevel). */
  stage?: RequestStage;
  compound_id?: string | null;
  extended_attributes: Open311Extension;
}

export interface Open311Extension {
  stage: RequestStage;
  id?: string;
  compound_id?: string;
  rating?: number;
}

export type RequestFeature = Feature<Point, RequestProps>;

export interface Open311ExportOptions {
  /** Include request texts (personal data); off for anything public. */
  includeDescription?: boolean;
  serviceName?: (code: string) => string;
  /** e.g. the stage's name, "民主协商议事". */
  statusNotes?: (request: RequestProps) => string;
  /**
   * Also put `stage` and `compound_id` at the top level of each request: GeoReport v2 lets a
   * server add fields there (FixMyStreet's extensions do), and clients that ignore
   * `extended_attributes` still see them. `extended_attributes` stays the one we read back.
   */
  extensionsAtTopLevel?: boolean;
  /** Rounds lat/long to this many decimals (3 ≈ 100 m) for public answers; exact when absent. */
  positionDecimals?: number;
}

function rounded(value: number, decimals: number | undefined): number {
  if (decimals === undefined) return value;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function toOpen311(requests: readonly RequestFeature[], options: Open311ExportOptions = {}): Open311Request[] {
  return requests.map(({ properties: p, geometry }) => {
    const extension: Open311Extension = { stage: p.stage, id: p.id };
    if (p.compound_id !== undefined) extension.compound_id = p.compound_id;
    if (p.rating !== undefined) extension.rating = p.rating;
    const out: Open311Request = {
      service_request_id: p.service_request_id,
      status: p.status,
      status_notes: options.statusNotes?.(p) ?? null,
      service_name: options.serviceName?.(p.service_code) ?? null,
      service_code: p.service_code,
      description: options.includeDescription ? (p.description ?? null) : null,
      requested_datetime: p.requested_datetime,
      updated_datetime: p.updated_datetime ?? null,
      expected_datetime: p.expected_datetime ?? null,
      lat: rounded(geometry.coordinates[1]!, options.positionDecimals),
      long: rounded(geometry.coordinates[0]!, options.positionDecimals),
      extended_attributes: extension,
    };
    if (options.extensionsAtTopLevel) {
      out.stage = p.stage;
      out.compound_id = p.compound_id ?? null;
    }
    return out;
  });
}

export interface Open311Import {
  features: RequestFeature[];
  problems: Problem[];
}

const FILE = 'Open311 JSON';

/** The list of requests in what a GeoReport v2 server returns: a bare array, or wrapped. */
function listOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    const inner = o.service_requests ?? o.requests;
    if (Array.isArray(inner)) return inner;
    if (inner && typeof inner === 'object' && Array.isArray((inner as Record<string, unknown>).request)) return (inner as { request: unknown[] }).request;
  }
  return null;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined);
const isStage = (v: unknown): v is RequestStage => typeof v === 'string' && (REQUEST_STAGES as readonly string[]).includes(v);

/**
 * Reads GeoReport v2 JSON into request features. Entries without an id, a service code, a
 * valid status, a readable request time or a position are left out and listed; a missing
 * stage is taken from the status (closed → rate, open → collect) with a warning.
 */
export function fromOpen311(json: unknown): Open311Import {
  const list = listOf(json);
  if (!list)
    return { features: [], problems: [{ file: FILE, field: '(file)', message: 'expected a JSON array of GeoReport v2 service requests', severity: 'error' }] };
  const problems: Problem[] = [];
  const features: RequestFeature[] = [];
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const o = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
    const ext = o.extended_attributes && typeof o.extended_attributes === 'object' ? (o.extended_attributes as Record<string, unknown>) : {};
    const requestId = text(o.service_request_id);
    const id = text(ext.id) ?? requestId;
    const where = id !== undefined ? { id } : { index };
    const fail = (field: string, message: string) => problems.push({ file: FILE, ...where, field, message, severity: 'error' });
    if (!requestId || !id) return fail('service_request_id', 'missing: every request needs its number');
    if (seen.has(id)) return fail('service_request_id', `duplicate: ${JSON.stringify(id)} appears earlier`);
    const status = typeof o.status === 'string' ? o.status.toLowerCase() : undefined;
    if (status !== 'open' && status !== 'closed') return fail('status', `expected open or closed, found ${JSON.stringify(o.status ?? null)}`);
    const code = text(o.service_code);
    if (!code) return fail('service_code', 'missing');
    const requested = text(o.requested_datetime);
    if (!requested || Number.isNaN(Date.parse(requested)))
      return fail('requested_datetime', `expected a date and time, found ${JSON.stringify(o.requested_datetime ?? null)}`);
    const lat = num(o.lat);
    const lon = num(o.long);
    if (lat === undefined || lon === undefined || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180))
      return fail('lat/long', 'missing or out of range: a request needs its position');
    let stage: RequestStage;
    if (isStage(ext.stage)) stage = ext.stage;
    else {
      stage = status === 'closed' ? 'rate' : 'collect';
      problems.push({
        file: FILE,
        ...where,
        field: 'extended_attributes.stage',
        message: `no workflow stage: taken as ${stage} from status ${status}`,
        severity: 'warning',
      });
    }
    const props: RequestProps = { id, service_request_id: requestId, service_code: code, status, stage, requested_datetime: requested };
    const optional = {
      description: text(o.description),
      updated_datetime: text(o.updated_datetime),
      expected_datetime: text(o.expected_datetime),
      compound_id: text(ext.compound_id),
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) (props as unknown as Record<string, unknown>)[key] = value;
    const rating = num(ext.rating);
    if (rating !== undefined && Number.isInteger(rating) && rating >= 1 && rating <= 5) props.rating = rating;
    seen.add(id);
    features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });
  });
  return { features, problems };
}
