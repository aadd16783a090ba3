import type { FastifyInstance } from 'fastify';
import { wishTextProblem } from '../../domain/volunteers/wishes';
import { buildingOfCompound } from '../buildings';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import { intakeLimits, normalizePhone, type LimitExemption } from './file';

export interface IntakeWishBody {
  compound_id: string;
  /** The building of the QR code (a poster per building), checked against the compound. */
  building_id?: string;
  text: string;
  /** A phone the wisher may leave: kept apart from the wish, for the community's workers only. */
  phone?: string;
  /** A field people never see: only form-filling robots put something in it. */
  website?: string;
}

const bodySchema = {
  type: 'object',
  required: ['compound_id', 'text'],
  properties: {
    compound_id: { type: 'string', maxLength: 100 },
    building_id: { type: 'string', maxLength: 100 },
    // Generous here; the handler gives the clear message.
    text: { type: 'string', maxLength: 20_000 },
    phone: { type: 'string', maxLength: 100 },
    website: { type: 'string', maxLength: 1000 },
  },
} as const;

/**
 * POST /api/intake/wishes: a resident's 微心愿 from the QR page, without login. It is posted for
 * the QR code's compound (and building) as an open wish that volunteers can claim, exactly as
 * if a worker had posted it. The text may carry no phone or ID number (volunteers see it); a
 * phone left in its own field is kept apart, for the community's workers, who put the
 * volunteer in touch. The answer carries only the wish's id. Reports and wishes share the intake's per-IP and per-compound limits.
 */
export async function intakeWishRoutes(app: FastifyInstance, ctx: ServerContext, exempt: LimitExemption) {
  const limits = intakeLimits(ctx);
  app.post<{ Body: IntakeWishBody }>('/api/intake/wishes', { schema: { body: bodySchema } }, async (request, reply) => {
    const body = request.body;
    if (body.website && body.website.trim() !== '') throw new HttpError(400, 'the wish was not accepted');
    if (!ctx.places.hasCompound(body.compound_id)) throw new HttpError(400, `no compound ${JSON.stringify(body.compound_id)}`);
    const problem = wishTextProblem(body.text);
    if (problem) throw new HttpError(400, problem);
    const buildingId = buildingOfCompound(ctx, body.compound_id, body.building_id ?? null);
    let contactPhone: string | null = null;
    if (body.phone !== undefined && body.phone.trim() !== '') {
      contactPhone = normalizePhone(body.phone);
      if (!contactPhone) throw new HttpError(400, 'phone is not a phone number');
    }
    const releases = exempt(request) ? [] : limits.take(request, reply, body.compound_id);
    try {
      const wish = ctx.store.wishes.create({
        ...ctx.places.ofCompound(body.compound_id),
        compoundId: body.compound_id,
        buildingId,
        text: body.text.trim(),
        skill: null,
        dueAt: null,
        at: ctx.now().toISOString(),
        actor: 'resident',
        contactPhone,
      });
      ctx.events.emit('wish', { kind: 'posted', wish });
      return reply.code(201).send({ wish_id: wish.id });
    } catch (error) {
      for (const release of releases) release();
      throw error;
    }
  });
}
