import type { FastifyInstance } from 'fastify';
import { REQUEST_STAGES } from '../../domain/dataset';
import { canRate, trackingSteps } from '../../domain/intake/tracking';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import type { LedgerRequest } from '../store/types';
import { publicVoteReply, publicVoteView } from '../votes/publicView';
import { settleVote } from '../votes/settle';
import { normalizeTrackingCode } from './trackingCode';

/** Longest rating comment (characters). */
export const RATING_COMMENT_MAX = 500;

const stage = { type: 'string', enum: [...REQUEST_STAGES] } as const;
/**
 * The whole public answer about one request. The reply schema is the privacy guard: whatever
 * the handler builds, only these fields leave the server (no description, phone, names,
 * notes, assignee or photo).
 */
const trackReply = {
  type: 'object',
  properties: {
    service_request_id: { type: 'string' },
    service_code: { type: 'string' },
    stage,
    status: { type: 'string', enum: ['open', 'closed'] },
    requested: { type: 'string' },
    updated: { type: 'string' },
    expected: { type: ['string', 'null'] },
    steps: {
      type: 'array',
      items: { type: 'object', properties: { stage, at: { type: 'string' }, by: { type: 'string', enum: ['resident', 'community', 'system'] } } },
    },
    rating: { type: ['integer', 'null'] },
    can_rate: { type: 'boolean' },
    /** Votes of 民主协商议事 on this request: question, options, and counts once closed. */
    votes: { type: 'array', items: publicVoteReply },
  },
} as const;

export async function trackRoutes(app: FastifyInstance, ctx: ServerContext) {
  /** A request's votes; one past its deadline is settled first, so the answer shows its result (and the move to 公示 it made). */
  const view = (found: LedgerRequest, holdsCode: boolean) => {
    const now = ctx.now();
    const due = ctx.store.votes.ofRequest(found.id).filter((v) => v.state === 'open' && Date.parse(v.deadline) <= now.getTime());
    for (const v of due) settleVote(ctx, v.id, 'system', now);
    const r = due.length ? (ctx.store.getRequest(found.id) ?? found) : found;
    return {
      service_request_id: r.id,
      service_code: r.serviceCode,
      stage: r.stage,
      status: r.status,
      requested: r.requestedAt,
      updated: r.updatedAt,
      expected: r.expectedAt,
      steps: trackingSteps(ctx.store.history(r.id)),
      rating: r.rating,
      // Only the person holding the code may rate; followers see the stage alone.
      can_rate: holdsCode && canRate(r.stage, r.rating),
      votes: ctx.store.votes.ofRequest(r.id).map((v) => publicVoteView(ctx, v)),
    };
  };
  const byCode = (input: string): LedgerRequest => {
    const code = normalizeTrackingCode(input);
    const found = code ? ctx.store.getRequestByTrackingCode(code) : null;
    if (!found) throw new HttpError(404, 'no request has this tracking code');
    return found;
  };

  const codeParams = { type: 'object', properties: { code: { type: 'string', maxLength: 40 } } } as const;
  app.get<{ Params: { code: string } }>('/api/track/:code', { schema: { params: codeParams, response: { 200: trackReply } } }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return view(byCode(request.params.code), true);
  });

  app.get<{ Params: { id: string } }>(
    '/api/track/request/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } } }, response: { 200: trackReply } } },
    async (request, reply) => {
      const found = ctx.store.getRequest(request.params.id);
      if (!found) throw new HttpError(404, `no request ${JSON.stringify(request.params.id)}`);
      reply.header('Cache-Control', 'no-store');
      return view(found, false);
    },
  );

  /**
   * The resident's rating, by tracking code only, once the outcome is public (公示) or at 评价
   * before any rating. Rating a request at 公示 also closes it: it moves to 评价, as the six
   * steps end with the residents' verdict (居民满意评事, 一办结一销号).
   */
  app.post<{ Params: { code: string }; Body: { rating: number; comment?: string } }>(
    '/api/track/:code/rate',
    {
      schema: {
        params: codeParams,
        body: {
          type: 'object',
          required: ['rating'],
          properties: { rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string', maxLength: RATING_COMMENT_MAX } },
        },
        response: { 200: trackReply },
      },
    },
    async (request) => {
      const found = byCode(request.params.code);
      if (!canRate(found.stage, found.rating)) {
        throw new HttpError(
          409,
          found.rating !== null ? 'this request has been rated already' : `this request cannot be rated yet: it is at ${found.stage}; rating opens at publish`,
        );
      }
      const comment = request.body.comment?.trim() || null;
      if (found.stage === 'publish') {
        ctx.store.moveRequest(found.id, {
          stage: 'rate',
          status: 'closed',
          actor: 'resident',
          expectStage: 'publish',
          note: 'rated by the resident',
          at: ctx.now().toISOString(),
        });
      }
      const rated = ctx.store.rateRequest(found.id, request.body.rating, comment, 'resident');
      ctx.events.emit('change', { kind: 'rated', request: rated });
      return view(rated, true);
    },
  );
}
