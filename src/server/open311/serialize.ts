import type { RequestFeature } from '../../domain/volunteers/open311';
import { toOpen311 } from '../../domain/volunteers/open311';
import { isoInZone } from '../../domain/volunteers/time';
import { stageLabel } from '../../features/volunteers/format';
import { translate, type Lang } from '../../i18n';
import { xmlEscape } from '../errors';
import type { LedgerRequest } from '../store/types';
import type { ServiceCatalogue } from './services';
import '../../i18n/all';

/** Who is asking: the public sees less (no texts, positions to ~100 m); a system with an API key sees more. */
export interface View {
  lang: Lang;
  /** A valid API key came with the request. */
  trusted: boolean;
  /** The dataset's time zone: instants are written with its offset, like the dataset's files. */
  timeZone: string;
}

/** Decimals of public positions: 3 ≈ 100 m, enough to see the area, not the door. */
export const PUBLIC_POSITION_DECIMALS = 3;

/** A request as GeoReport v2 returns it, in the spec's field order, with our extensions. */
export type Open311Out = Record<string, unknown>;

const zoned = new Map<string, string>();
/** `isoInZone` is slow (Intl); the same instants come back on every GET, so keep them. */
function inZone(iso: string | null, timeZone: string): string | null {
  if (iso === null) return null;
  const key = `${timeZone}|${iso}`;
  let out = zoned.get(key);
  if (out === undefined) {
    if (zoned.size > 50_000) zoned.clear();
    const date = new Date(iso);
    out = Number.isNaN(date.getTime()) ? iso : isoInZone(date, timeZone);
    zoned.set(key, out);
  }
  return out;
}

function featureOf(r: LedgerRequest, timeZone: string): RequestFeature {
  const properties: RequestFeature['properties'] = {
    id: r.id,
    service_request_id: r.id,
    service_code: r.serviceCode,
    status: r.status,
    stage: r.stage,
    requested_datetime: inZone(r.requestedAt, timeZone)!,
    updated_datetime: inZone(r.updatedAt, timeZone)!,
  };
  if (r.description !== null) properties.description = r.description;
  const expected = inZone(r.expectedAt, timeZone);
  if (expected !== null) properties.expected_datetime = expected;
  if (r.compoundId !== null) properties.compound_id = r.compoundId;
  if (r.rating !== null) properties.rating = r.rating;
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [r.lon, r.lat] } };
}

/**
 * Ledger requests as GeoReport v2 service requests, through the same `toOpen311` the app's
 * export uses (so the app's Open311 import reads our answers). Reporter fields are never
 * part of it; texts, addresses and photo links only for a trusted system.
 */
export function toOpen311Requests(requests: readonly LedgerRequest[], view: View, services: ServiceCatalogue): Open311Out[] {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(view.lang, key, vars);
  const base = toOpen311(
    requests.map((r) => featureOf(r, view.timeZone)),
    {
      includeDescription: view.trusted,
      serviceName: (code) => services.name(code, view.lang),
      statusNotes: (p) => stageLabel(t, p.stage),
      extensionsAtTopLevel: true,
      positionDecimals: view.trusted ? undefined : PUBLIC_POSITION_DECIMALS,
    },
  );
  return base.map((o, i) => {
    const r = requests[i]!;
    return {
      service_request_id: o.service_request_id,
      status: o.status,
      status_notes: o.status_notes ?? null,
      service_name: o.service_name ?? null,
      service_code: o.service_code,
      description: o.description ?? null,
      agency_responsible: null,
      service_notice: null,
      requested_datetime: o.requested_datetime,
      updated_datetime: o.updated_datetime ?? null,
      expected_datetime: o.expected_datetime ?? null,
      address: view.trusted ? r.address : null,
      address_id: null,
      zipcode: null,
      lat: o.lat,
      long: o.long,
      media_url: view.trusted ? r.mediaUrl : null,
      stage: o.stage,
      compound_id: o.compound_id ?? null,
      extended_attributes: o.extended_attributes,
    };
  });
}

const nullableString = { type: ['string', 'null'] } as const;

/** Fastify response schema of GET requests (fast serialisation; also a check that nothing else slips out). */
export const REQUESTS_RESPONSE_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      service_request_id: { type: 'string' },
      status: { type: 'string' },
      status_notes: nullableString,
      service_name: nullableString,
      service_code: { type: 'string' },
      description: nullableString,
      agency_responsible: nullableString,
      service_notice: nullableString,
      requested_datetime: { type: 'string' },
      updated_datetime: nullableString,
      expected_datetime: nullableString,
      address: nullableString,
      address_id: nullableString,
      zipcode: nullableString,
      lat: { type: 'number' },
      long: { type: 'number' },
      media_url: nullableString,
      stage: { type: 'string' },
      compound_id: nullableString,
      extended_attributes: {
        type: 'object',
        properties: { stage: { type: 'string' }, id: { type: 'string' }, compound_id: { type: 'string' }, rating: { type: 'integer' } },
      },
    },
  },
} as const;

/** Characters XML 1.0 cannot carry at all (not even escaped): C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(value: unknown): string {
  return xmlEscape(String(value).replace(NOT_XML, '\ufffd'));
}

/** One element; null → empty element (JSON's null), nested objects → nested elements. Names are ours, never the user's. */
function element(name: string, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  return `<${name}>${xmlText(value)}</${name}>`;
}

/** `<root><item>…</item>…</root>` with the XML declaration, the GeoReport v2 XML shape. */
export function xmlList(root: string, item: string, entries: readonly object[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${entries.map((e) => element(item, e)).join('')}</${root}>\n`;
}

/** The spec's XML roots for each answer. */
export const requestsXml = (entries: readonly object[]) => xmlList('service_requests', 'request', entries);
export const servicesXml = (entries: readonly object[]) => xmlList('services', 'service', entries);
