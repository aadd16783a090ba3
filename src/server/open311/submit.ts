import { HttpError } from '../errors';
import type { Places } from '../places';
import type { NewRequest, Reporter } from '../store/types';
import type { Locator } from './locate';
import type { ServiceCatalogue } from './services';

/** GeoReport v2 "POST Service Request": at most 4,000 characters of description. */
export const MAX_DESCRIPTION = 4000;

/** The POST fields we read (form-encoded values are strings; JSON may send numbers). */
export interface SubmitBody {
  api_key?: string;
  jurisdiction_id?: string;
  service_code?: string;
  lat?: string | number;
  long?: string | number;
  address_string?: string;
  address_id?: string;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  media_url?: string;
  /** Our extension: the compound the request is about. */
  compound_id?: string;
}

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
/** Degrees as a number (JSON) or text (forms); read by `coordinateOf`, never coerced here ("" must not become 0). */
const coordinate = { anyOf: [{ type: 'string', maxLength: 40 }, { type: 'number' }] } as const;

/**
 * Fastify schema of the POST body: types and sizes, refused before any handler runs. Other
 * keys (the spec's `attribute[…]`) are allowed and ignored: no service asks for attributes.
 */
export const SUBMIT_BODY_SCHEMA = {
  type: 'object',
  required: ['service_code'],
  properties: {
    api_key: text(200),
    jurisdiction_id: text(200),
    service_code: text(100),
    lat: coordinate,
    long: coordinate,
    address_string: text(500),
    address_id: text(200),
    email: text(254),
    device_id: text(200),
    account_id: text(200),
    first_name: text(100),
    last_name: text(100),
    phone: text(40),
    description: text(MAX_DESCRIPTION),
    media_url: text(2000),
    compound_id: text(200),
  },
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+\-() .]{3,40}$/;

/** A text field: trimmed, absent when empty, refused when it holds control characters. */
function field(body: SubmitBody, name: keyof SubmitBody): string | undefined {
  const raw = body[name];
  if (raw === undefined || raw === null) return undefined;
  const value = String(raw).trim();
  if (value === '') return undefined;
  if (CONTROL.test(value)) throw new HttpError(400, `${name} contains control characters`);
  return value;
}

function coordinateOf(body: SubmitBody, name: 'lat' | 'long'): number | undefined {
  const value = field(body, name);
  if (value === undefined) return undefined;
  const n = NUMBER.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new HttpError(400, `${name} ${JSON.stringify(value)} is not a number of degrees`);
  return n;
}

export interface SubmitDeps {
  services: ServiceCatalogue;
  places: Places;
  locator: Locator;
}

/**
 * Reads an Open311 POST into a new ledger request, or throws HttpError(400) saying what is
 * wrong. The position comes from lat/long, else from the compound an address or our
 * `compound_id` names; the request's compound, grid and community from `compound_id` or the point.
 */
export function newRequestOf(body: SubmitBody, deps: SubmitDeps): Omit<NewRequest, 'source'> {
  const serviceCode = field(body, 'service_code');
  if (!serviceCode) throw new HttpError(400, 'service_code is required (see services.json for the list)');
  if (!deps.services.has(serviceCode))
    throw new HttpError(400, `service_code ${JSON.stringify(serviceCode)} is not a service here (see services.json for the list)`);

  const description = field(body, 'description');
  if (description !== undefined && [...description].length > MAX_DESCRIPTION)
    throw new HttpError(400, `description is longer than ${MAX_DESCRIPTION} characters`);

  const lat = coordinateOf(body, 'lat');
  const lon = coordinateOf(body, 'long');
  if ((lat === undefined) !== (lon === undefined)) throw new HttpError(400, 'lat and long go together: send both, or neither and an address');
  if (lat !== undefined && lon !== undefined) {
    if (Math.abs(lat) > 90) {
      const hint = Math.abs(lon) <= 90 ? ` (${lat} looks like a longitude: are lat and long swapped?)` : '';
      throw new HttpError(400, `lat must be between -90 and 90 degrees, got ${lat}${hint}`);
    }
    if (Math.abs(lon) > 180) throw new HttpError(400, `long must be between -180 and 180 degrees, got ${lon}`);
    if (!deps.locator.inArea(lon, lat)) {
      const hint = deps.locator.inArea(lat, lon) ? ' (lat and long look swapped)' : '';
      throw new HttpError(400, `lat ${lat}, long ${lon} is outside the area this service covers${hint}`);
    }
  }

  const compoundId = field(body, 'compound_id');
  if (compoundId !== undefined && !deps.places.hasCompound(compoundId))
    throw new HttpError(400, `compound_id ${JSON.stringify(compoundId)} is not a compound of this dataset`);

  const address = field(body, 'address_string');
  const addressId = field(body, 'address_id');
  let position: [number, number] | undefined = lat !== undefined && lon !== undefined ? [lon, lat] : undefined;
  let placeCompound = compoundId;
  if (!position) {
    const named = compoundId ?? addressId ?? address;
    if (named === undefined) throw new HttpError(400, 'a location is required: lat and long, or address_string (or address_id) naming a compound');
    const compound = deps.locator.compound(named);
    if (!compound) {
      const which = compoundId === undefined && addressId !== undefined ? 'address_id' : 'address_string';
      throw new HttpError(400, `${which} ${JSON.stringify(named)} was not found among this dataset's compounds (by id or name): send lat and long instead`);
    }
    position = deps.locator.pointOf(compound);
    placeCompound = compound.properties.id;
  }
  const place = placeCompound ? deps.places.ofCompound(placeCompound) : deps.places.ofPoint(position[0], position[1]);

  const mediaUrl = field(body, 'media_url');
  if (mediaUrl !== undefined) {
    const url = URL.canParse(mediaUrl) ? new URL(mediaUrl) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new HttpError(400, 'media_url must be an http or https URL');
  }

  return {
    serviceCode,
    description: description ?? null,
    lon: position[0],
    lat: position[1],
    address: address ?? null,
    ...place,
    mediaUrl: mediaUrl ?? null,
    reporter: reporterOf(body),
  };
}

function reporterOf(body: SubmitBody): Reporter {
  const reporter: Reporter = {};
  const name = [field(body, 'first_name'), field(body, 'last_name')].filter(Boolean).join(' ');
  if (name) reporter.name = name;
  const email = field(body, 'email');
  if (email !== undefined) {
    if (!EMAIL.test(email)) throw new HttpError(400, `email ${JSON.stringify(email)} is not an email address`);
    reporter.email = email;
  }
  const phone = field(body, 'phone');
  if (phone !== undefined) {
    if (!PHONE.test(phone)) throw new HttpError(400, 'phone may hold only digits, spaces and + - ( ) .');
    reporter.phone = phone;
  }
  const deviceId = field(body, 'device_id');
  if (deviceId !== undefined) reporter.deviceId = deviceId;
  const accountId = field(body, 'account_id');
  if (accountId !== undefined) reporter.accountId = accountId;
  return reporter;
}
