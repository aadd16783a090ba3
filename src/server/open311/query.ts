import type { FastifyRequest } from 'fastify';
import { REQUEST_STAGES, type RequestStage } from '../../domain/dataset';
import { parseInstant } from '../../domain/volunteers/time';
import type { Lang } from '../../i18n';
import { HttpError } from '../errors';
import type { Places } from '../places';
import type { RequestFilter } from '../store/types';

/** GeoReport v2: without dates, the last 90 days; a range may not span more than 90 days. */
export const WINDOW_DAYS = 90;
/** GeoReport v2: at most 1,000 requests in one answer. */
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

/** A query value that may be given several times or comma-separated: `status=open,closed`. */
export type ListParam = string | string[] | undefined;

export interface RequestsQuery {
  service_request_id?: ListParam;
  service_code?: ListParam;
  start_date?: string;
  end_date?: string;
  status?: ListParam;
  stage?: ListParam;
  compound_id?: ListParam;
  api_key?: string;
  lang?: string;
  jurisdiction_id?: string;
}

const listParam = {
  anyOf: [
    { type: 'string', maxLength: 20_000 },
    { type: 'array', maxItems: 1000, items: { type: 'string', maxLength: 200 } },
  ],
} as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

/** Fastify schema of the GET requests query: shapes and sizes; meanings are checked by `filterOf`. */
export const REQUESTS_QUERY_SCHEMA = {
  type: 'object',
  properties: {
    service_request_id: listParam,
    service_code: listParam,
    start_date: text(64),
    end_date: text(64),
    status: listParam,
    stage: listParam,
    compound_id: listParam,
    api_key: text(200),
    lang: text(16),
    jurisdiction_id: text(200),
  },
} as const;

export function listOf(value: ListParam): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** ISO 8601 as the spec writes it: a date, or a date-time (a missing offset means the dataset's zone). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function dateParam(name: string, value: string | undefined, timeZone: string): Date | null {
  if (value === undefined || value.trim() === '') return null;
  const date = ISO_8601.test(value.trim()) ? parseInstant(value, timeZone) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new HttpError(400, `${name} ${JSON.stringify(value)} is not an ISO 8601 date-time: write it like 2026-10-01T00:00:00+08:00 (or 2026-10-01)`);
  }
  return date;
}

/**
 * The store filter for GET requests (GeoReport v2, "GET Service Requests"): service_request_id
 * (a comma list) overrides everything else; otherwise service_code, status, a date range of at
 * most 90 days (the last 90 days by default) and our extensions stage and compound_id.
 */
export function filterOf(query: RequestsQuery, now: Date, places: Places, timeZone: string): RequestFilter {
  const ids = listOf(query.service_request_id);
  if (ids.length > MAX_RESULTS) throw new HttpError(400, `service_request_id lists ${ids.length} requests; at most ${MAX_RESULTS} at a time`);
  if (ids.length) return { ids, limit: MAX_RESULTS };

  const filter: RequestFilter = { limit: MAX_RESULTS };
  const codes = listOf(query.service_code);
  if (codes.length) filter.serviceCodes = codes;

  const statuses = new Set(listOf(query.status).map((s) => s.toLowerCase()));
  for (const s of statuses)
    if (s !== 'open' && s !== 'closed') throw new HttpError(400, `status ${JSON.stringify(s)} is not open or closed (both: status=open,closed)`);
  if (statuses.size === 1) filter.status = [...statuses][0] as 'open' | 'closed';

  const stages = listOf(query.stage);
  for (const s of stages) {
    if (!(REQUEST_STAGES as readonly string[]).includes(s)) throw new HttpError(400, `stage ${JSON.stringify(s)} is not one of ${REQUEST_STAGES.join(', ')}`);
  }
  if (stages.length) filter.stages = stages as RequestStage[];

  const compounds = listOf(query.compound_id);
  for (const c of compounds) if (!places.hasCompound(c)) throw new HttpError(400, `compound_id ${JSON.stringify(c)} is not a compound of this dataset`);
  if (compounds.length) filter.compoundIds = compounds;

  let start = dateParam('start_date', query.start_date, timeZone);
  let end = dateParam('end_date', query.end_date, timeZone);
  if (start && end && end < start) throw new HttpError(400, 'end_date is before start_date');
  if (start && end && end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS) {
    throw new HttpError(400, `start_date to end_date spans more than ${WINDOW_DAYS} days (GeoReport v2 limit): ask for several ranges`);
  }
  // The default window ends at the next whole second: identical polls within a second share
  // one cached answer, and nothing filed up to now is left out.
  if (!start && !end) end = new Date(Math.ceil(now.getTime() / 1000) * 1000);
  if (!start) start = new Date(end!.getTime() - WINDOW_DAYS * DAY_MS);
  if (!end) end = new Date(start.getTime() + WINDOW_DAYS * DAY_MS);
  filter.start = start.toISOString();
  filter.end = end.toISOString();
  return filter;
}

/** `?lang=en`, else the first of zh/en in Accept-Language by preference, else Chinese. */
export function langOf(request: FastifyRequest): Lang {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'zh') return asked;
  const header = request.headers['accept-language'];
  if (!header) return 'zh';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
  }
  return 'zh';
}
