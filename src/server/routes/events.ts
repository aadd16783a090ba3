import type { FastifyInstance } from 'fastify';
import { authOf } from '../auth/sessions';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import type { LiveHub } from '../live/hub';

const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    // public: the aggregates even for a logged-in browser (the hall); staff: a session is required (401 without).
    scope: { type: 'string', enum: ['public', 'staff'] },
    // For a client that opens a new EventSource itself (which cannot set the Last-Event-ID header).
    lastEventId: { type: 'string', maxLength: 100 },
  },
} as const;

/**
 * GET /api/events: server-sent events (live/hub.ts). Without a session: the hall's
 * aggregates only. With a staff session: that staff member's scope in detail.
 */
export async function eventRoutes(app: FastifyInstance, ctx: ServerContext, hub: LiveHub) {
  app.get<{ Querystring: { scope?: 'public' | 'staff'; lastEventId?: string } }>('/api/events', { schema: { querystring } }, async (request, reply) => {
    const staff = request.query.scope === 'public' ? null : authOf(ctx).sessionOf(request);
    if (request.query.scope === 'staff' && !staff) throw new HttpError(401, 'log in first: no valid session (POST /api/login)');
    if (hub.size >= ctx.config.liveMaxStreams) {
      reply.header('Retry-After', '30');
      throw new HttpError(503, 'too many live streams open on this server: try again later');
    }
    const header = request.headers['last-event-id'];
    const lastEventId = (typeof header === 'string' && header.length <= 100 ? header : undefined) ?? request.query.lastEventId;
    reply.hijack();
    hub.open(request, reply.raw, staff?.user ?? null, lastEventId);
  });
}
