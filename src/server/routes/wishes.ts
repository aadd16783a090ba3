import type { FastifyInstance } from 'fastify';
import { KNOWN_SKILLS } from '../../domain/volunteers/skills';
import { DEFAULT_TIME_ZONE } from '../../domain/volunteers/time';
import { claimExpiry, wishFit, wishTextProblem, type Wish, type WishFit } from '../../domain/volunteers/wishes';
import { requireStaff } from '../auth/sessions';
import type { ServerContext, WishChange } from '../context';
import { HttpError } from '../errors';
import { notifierOf, wishMatch } from '../notify';
import { canAssign } from '../scope';
import type { User } from '../store/types';
import { reachIndexOf } from '../wishes/volunteerReachIndex';
import { wishInScope } from '../wishes/scope';
import { buildingOfCompound } from '../buildings';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 40 } } } as const;
const postSchema = {
  body: {
    type: 'object',
    required: ['compoundId', 'text'],
    additionalProperties: false,
    properties: {
      compoundId: { type: 'string', minLength: 1, maxLength: 100 },
      text: { type: 'string', maxLength: 1000 },
      skill: { type: ['string', 'null'], enum: [...KNOWN_SKILLS, null] },
      dueAt: { type: ['string', 'null'], maxLength: 40 },
      buildingId: { type: ['string', 'null'], maxLength: 100 },
    },
  },
} as const;

/** A wish as a volunteer sees it: what, where and how far; not who posted it. */
export type VolunteerWish = Omit<Wish, 'createdBy'> & { fit: WishFit | null; compoundName: string | null };

/**
 * 微心愿: workers post small wishes tied to a compound; volunteers see the open ones they can
 * walk to within their availability and claim one (one claimer at a time); the claimer or a
 * worker marks it done or lets it go; unfinished claims lapse (wishes/lapse.ts).
 */
export async function wishRoutes(app: FastifyInstance, ctx: ServerContext) {
  const { store } = ctx;
  const timeZone = ctx.dataset.manifest.timezone ?? DEFAULT_TIME_ZONE;
  const changed = (change: WishChange) => ctx.events.emit('wish', change);
  const compoundName = (id: string) => ctx.places.compound(id)?.properties.name ?? null;

  /** The fit of an open wish for a volunteer account (null: out of reach, skill or hours). */
  const fitFor = (user: User, wish: Wish): WishFit | null => {
    const index = reachIndexOf(ctx);
    const volunteer = user.volunteerId ? index.volunteer(user.volunteerId) : undefined;
    if (!volunteer) return null;
    return wishFit(wish, volunteer, index.walksOf(volunteer.properties.id).get(wish.compoundId) ?? null, ctx.now(), timeZone);
  };

  const visible = (user: User, id: string): Wish => {
    const wish = store.wishes.get(id);
    if (wish && (wishInScope(user, wish) || (user.role === 'volunteer' && fitFor(user, wish)))) return wish;
    if (wish && user.role === 'volunteer' && wish.state === 'claimed')
      throw new HttpError(409, `wish ${id} is claimed by another volunteer already: choose another one`);
    throw new HttpError(404, `no wish ${JSON.stringify(id)} for you: not in your scope, or not within your walk and hours`);
  };

  app.get('/api/wishes', async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: false });
    reply.header('Cache-Control', 'no-store');
    if (user.role !== 'volunteer') return { claimDays: ctx.config.wishClaimDays, wishes: store.wishes.list().filter((w) => wishInScope(user, w)) };
    const mine = store.wishes.list({ claimedBy: user.id, states: ['claimed'] });
    const open = store.wishes
      .list({ states: ['open'] })
      .map((w) => ({ w, fit: fitFor(user, w) }))
      .filter((x) => x.fit !== null)
      .sort((a, b) => a.fit!.walkM - b.fit!.walkM);
    const shown = (w: Wish, fit: WishFit | null): VolunteerWish => {
      const { createdBy: _who, ...rest } = w;
      return { ...rest, fit, compoundName: compoundName(w.compoundId) };
    };
    return { claimDays: ctx.config.wishClaimDays, wishes: [...mine.map((w) => shown(w, null)), ...open.map(({ w, fit }) => shown(w, fit))] };
  });

  app.post<{ Body: { compoundId: string; text: string; skill?: string | null; dueAt?: string | null; buildingId?: string | null } }>(
    '/api/wishes',
    { schema: postSchema },
    async (request, reply) => {
      const { user } = requireStaff(ctx, request, { write: true });
      if (!canAssign(user)) throw new HttpError(403, 'a volunteer claims wishes; workers post them');
      const { compoundId, skill = null } = request.body;
      if (!ctx.places.hasCompound(compoundId)) throw new HttpError(400, `no compound ${JSON.stringify(compoundId)} in the dataset`);
      const place = ctx.places.ofCompound(compoundId);
      const draft = { ...place, compoundId } as Wish;
      if (!wishInScope(user, draft)) throw new HttpError(403, `compound ${compoundId} is outside your scope`);
      const problem = wishTextProblem(request.body.text);
      if (problem) throw new HttpError(400, problem);
      let dueAt: string | null = null;
      if (request.body.dueAt) {
        const ms = Date.parse(request.body.dueAt);
        if (Number.isNaN(ms))
          throw new HttpError(400, `dueAt ${JSON.stringify(request.body.dueAt)} is not a date (ISO 8601, e.g. 2026-12-10 or 2026-12-10T18:00:00+08:00)`);
        if (ms <= ctx.now().getTime()) throw new HttpError(400, 'dueAt is in the past');
        dueAt = new Date(ms).toISOString();
      }
      const buildingId = buildingOfCompound(ctx, compoundId, request.body.buildingId ?? null);
      const wish = store.wishes.create({
        ...place,
        compoundId,
        buildingId,
        text: request.body.text.trim(),
        skill,
        dueAt,
        at: ctx.now().toISOString(),
        actor: user.username,
      });
      changed({ kind: 'posted', wish });
      return reply.code(201).send(wish);
    },
  );

  /** The phone a resident left with a wish from the QR page: workers and grid leaders in scope only, one wish at a time. */
  app.get<{ Params: { id: string } }>('/api/wishes/:id/contact', { schema: { params: idParams } }, async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: false });
    const wish = store.wishes.get(request.params.id);
    if (!wish || !wishInScope(user, wish)) throw new HttpError(404, `no wish ${JSON.stringify(request.params.id)} in your scope`);
    if (!canAssign(user)) throw new HttpError(403, "a wisher's phone is for the community's workers: they put the volunteer in touch");
    reply.header('Cache-Control', 'private, no-store');
    return { wish_id: wish.id, phone: store.wishes.contactOf(wish.id) };
  });

  app.post<{ Params: { id: string } }>('/api/wishes/:id/claim', { schema: { params: idParams } }, async (request) => {
    const { user } = requireStaff(ctx, request, { write: true });
    if (user.role !== 'volunteer') throw new HttpError(403, 'only a volunteer claims a wish (log in with a volunteer account)');
    const wish = visible(user, request.params.id);
    if (wish.claimedBy === user.id) throw new HttpError(409, `you have claimed wish ${wish.id} already`);
    const now = ctx.now();
    // The store claims only an open wish: of two volunteers at once, one gets 409 here.
    const claimed = store.wishes.claim(wish.id, user.id, user.username, now.toISOString(), claimExpiry(now, ctx.config.wishClaimDays).toISOString());
    changed({ kind: 'claimed', wish: claimed });
    notifierOf(ctx).notify(wishMatch(claimed, user, now.toISOString()));
    return claimed;
  });

  const step = (path: string, kind: 'released' | 'done' | 'cancelled') =>
    app.post<{ Params: { id: string } }>(`/api/wishes/:id/${path}`, { schema: { params: idParams } }, async (request) => {
      const { user } = requireStaff(ctx, request, { write: true });
      const wish = store.wishes.get(request.params.id);
      if (!wish || !wishInScope(user, wish)) throw new HttpError(404, `no wish ${JSON.stringify(request.params.id)} in your scope`);
      if (kind === 'cancelled' && !canAssign(user)) throw new HttpError(403, 'a volunteer lets a wish go (release); workers cancel it');
      const at = ctx.now().toISOString();
      const result =
        kind === 'released'
          ? store.wishes.release(wish.id, user.username, at, 'released')
          : kind === 'done'
            ? store.wishes.complete(wish.id, user.username, at)
            : store.wishes.cancel(wish.id, user.username, at);
      changed({ kind, wish: result, previousClaimer: wish.claimedBy });
      return result;
    });
  step('release', 'released');
  step('done', 'done');
  step('cancel', 'cancelled');

  app.get<{ Params: { id: string } }>('/api/wishes/:id/history', { schema: { params: idParams } }, async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: false });
    const wish = store.wishes.get(request.params.id);
    if (!wish || user.role === 'volunteer' || !wishInScope(user, wish)) throw new HttpError(404, `no wish ${JSON.stringify(request.params.id)} in your scope`);
    reply.header('Cache-Control', 'no-store');
    return { wish, history: store.wishes.history(wish.id) };
  });
}
