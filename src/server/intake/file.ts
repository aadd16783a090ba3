import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isIntakeService } from '../../domain/intake/services';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import { decodePhotoDataUrl, storePhoto } from '../photos';
import { SlidingWindowLimiter } from '../rateLimit';
import { LedgerError, type LedgerRequest } from '../store/types';
import { checkPoint } from './area';
import { buildingOfCompound, buildingsOf } from '../buildings';
import { newTrackingCode } from './trackingCode';

/** Longest description a resident may send (characters). */
export const INTAKE_DESCRIPTION_MAX = 1000;
const HOUR_MS = 3_600_000;

/** One message for both languages: the page shows its own, other clients get both. */
export const TOO_MANY_MESSAGE = '提交太频繁，请稍后再试或拨打社区电话。Too many reports: please try again later or call the community office.';

export interface IntakeBody {
  service_code: string;
  lat: number;
  long: number;
  compound_id?: string;
  /** The building of the QR code (a poster per building), checked against the compound. */
  building_id?: string;
  description: string;
  phone?: string;
  photo?: string;
  /** A field people never see: only form-filling robots put something in it. */
  website?: string;
}

const bodySchema = {
  type: 'object',
  required: ['service_code', 'lat', 'long', 'description'],
  properties: {
    service_code: { type: 'string', maxLength: 100 },
    lat: { type: 'number' },
    long: { type: 'number' },
    compound_id: { type: 'string', maxLength: 100 },
    building_id: { type: 'string', maxLength: 100 },
    // Schema bounds are generous; the handler gives the clear message.
    description: { type: 'string', maxLength: 20_000 },
    phone: { type: 'string', maxLength: 100 },
    photo: { type: 'string' },
    website: { type: 'string', maxLength: 1000 },
  },
} as const;

/** A phone number as people write it (spaces, dashes, brackets, a leading +) → digits, or null when it is not one. */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s()-]/g, '');
  return /^\+?\d{5,20}$/.test(compact) ? compact : null;
}

/** Who is not limited: staff with a session and systems with an API key (decided by the caller). */
export type LimitExemption = (request: FastifyRequest) => boolean;

/** The per-IP and per-compound limits of a server's anonymous intake: reports and wishes share them. */
export interface IntakeLimits {
  /** Takes a slot of each limit (or answers 429 with Retry-After); returns what gives them back if the write then fails. */
  take(request: FastifyRequest, reply: FastifyReply, compoundId: string | null | undefined): (() => void)[];
}

const limitsOf = new WeakMap<ServerContext, IntakeLimits>();

export function intakeLimits(ctx: ServerContext): IntakeLimits {
  const known = limitsOf.get(ctx);
  if (known) return known;
  const perIp = new SlidingWindowLimiter(ctx.config.intakePerIpPerHour, HOUR_MS);
  const perCompound = new SlidingWindowLimiter(ctx.config.intakePerCompoundPerHour, HOUR_MS);
  const limits: IntakeLimits = {
    take(request, reply, compoundId) {
      const nowMs = ctx.now().getTime();
      const ipSlot = perIp.take(request.ip, nowMs);
      const compoundSlot = ipSlot && compoundId ? perCompound.take(compoundId, nowMs) : null;
      if (!ipSlot || (compoundId && !compoundSlot)) {
        ipSlot?.();
        const wait = Math.max(perIp.retryAfterMs(request.ip, nowMs), compoundId ? perCompound.retryAfterMs(compoundId, nowMs) : 0);
        reply.header('Retry-After', String(Math.max(1, Math.ceil(wait / 1000))));
        throw new HttpError(429, TOO_MANY_MESSAGE);
      }
      return compoundSlot ? [ipSlot, compoundSlot] : [ipSlot];
    },
  };
  limitsOf.set(ctx, limits);
  return limits;
}

/**
 * POST /api/intake: a resident's report from the QR page. Validates everything before any
 * write, takes a slot of the per-IP and per-compound limits (given back when the report then
 * fails), stores the photo cleaned, files the request as the resident with a random tracking
 * code, and announces the change.
 */
export async function fileRoutes(app: FastifyInstance, ctx: ServerContext, exempt: LimitExemption) {
  const limits = intakeLimits(ctx);

  app.post<{ Body: IntakeBody }>('/api/intake', { schema: { body: bodySchema } }, async (request, reply) => {
    const body = request.body;
    if (body.website && body.website.trim() !== '') throw new HttpError(400, 'the report was not accepted');
    if (!isIntakeService(body.service_code)) throw new HttpError(400, `unknown service_code ${JSON.stringify(body.service_code)}: see /api/intake/services`);
    const description = body.description.trim();
    if (!description) throw new HttpError(400, 'description is required');
    if ([...description].length > INTAKE_DESCRIPTION_MAX) throw new HttpError(400, `description is longer than ${INTAKE_DESCRIPTION_MAX} characters`);
    checkPoint(ctx, body.long, body.lat);
    if (body.compound_id !== undefined && !ctx.places.hasCompound(body.compound_id))
      throw new HttpError(400, `no compound ${JSON.stringify(body.compound_id)}`);
    const qrBuilding = buildingOfCompound(ctx, body.compound_id ?? null, body.building_id ?? null);
    let phone: string | null = null;
    if (body.phone !== undefined && body.phone.trim() !== '') {
      phone = normalizePhone(body.phone);
      if (!phone) throw new HttpError(400, 'phone is not a phone number');
    }
    const photoBytes = body.photo ? decodePhotoDataUrl(body.photo) : null;
    // The QR code's compound, unless the pin was moved into another compound: then that one.
    const atPoint = ctx.places.ofPoint(body.long, body.lat);
    const place = atPoint.compoundId || !body.compound_id ? atPoint : ctx.places.ofCompound(body.compound_id);
    // The QR code's building holds while the report stays in that building's compound.
    const buildingId = qrBuilding !== null && buildingsOf(ctx).get(qrBuilding)?.compoundId === (place.compoundId ?? body.compound_id) ? qrBuilding : null;

    const releases = exempt(request) ? [] : limits.take(request, reply, place.compoundId);

    let created: LedgerRequest | undefined;
    try {
      const now = ctx.now();
      const photo = photoBytes ? await storePhoto(ctx.store, ctx.config.photoDir, photoBytes, now) : null;
      for (let attempt = 0; !created; attempt++) {
        try {
          created = ctx.store.createRequest(
            {
              serviceCode: body.service_code,
              description,
              lon: body.long,
              lat: body.lat,
              ...place,
              buildingId,
              requestedAt: now.toISOString(),
              // The whole cycle's limit (一周内完成), shown to the resident as the expected date.
              expectedAt: new Date(now.getTime() + ctx.config.workflow.cycleDays * 24 * HOUR_MS).toISOString(),
              mediaHash: photo?.hash ?? null,
              source: 'intake',
              trackingCode: newTrackingCode(),
              reporter: phone ? { phone } : {},
            },
            'resident',
          );
        } catch (error) {
          // A tracking code drawn twice (about 1 in 10^14): draw again.
          if (!(error instanceof LedgerError) || error.code !== 'conflict' || attempt >= 3) throw error;
        }
      }
    } catch (error) {
      for (const release of releases) release();
      throw error;
    }
    ctx.events.emit('change', { kind: 'created', request: created });
    const code = created.trackingCode!;
    return reply.code(201).send({ service_request_id: created.id, tracking_code: code, tracking_url: `/track?code=${code}` });
  });
}
