import type { FastifyInstance } from 'fastify';
import { basename } from 'node:path';
import { REQUEST_STAGES, type RequestStage } from '../../domain/dataset';
import { checkMove } from '../../domain/volunteers/transitions';
import { publicUser } from '../auth/roles';
import { requireStaff } from '../auth/sessions';
import type { LedgerChange, ServerContext } from '../context';
import { HttpError } from '../errors';
import { notifierOf, requestMatch } from '../notify';
import { canAssign, requestInScope, scopeFilter } from '../scope';
import type { LedgerRequest, RequestFilter } from '../store/types';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;
const note = { type: ['string', 'null'], maxLength: 2000 } as const;

const listSchema = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      stage: { type: 'string', maxLength: 200 },
      status: { type: 'string', enum: ['open', 'closed'] },
      service_code: { type: 'string', maxLength: 1000 },
    },
  },
} as const;

const moveSchema = {
  params: idParams,
  body: {
    type: 'object',
    required: ['stage'],
    additionalProperties: false,
    properties: {
      stage: { type: 'string', enum: REQUEST_STAGES },
      status: { type: 'string', enum: ['open', 'closed'] },
      note,
      expectStage: { type: 'string', enum: REQUEST_STAGES },
    },
  },
} as const;

const assignSchema = {
  params: idParams,
  body: { type: 'object', required: ['userId'], additionalProperties: false, properties: { userId: { type: ['integer', 'null'], minimum: 1 } } },
} as const;

const rateSchema = {
  params: idParams,
  body: {
    type: 'object',
    required: ['rating'],
    additionalProperties: false,
    properties: { rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: note },
  },
} as const;

/** A comma-separated list from the query, or undefined when absent. */
const listOf = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);

/**
 * The staff JSON API. Every read and write goes through scope.ts; changes need a session and
 * its CSRF token (sessions.ts), are checked against the workflow in domain/volunteers, are one
 * store transaction with history, and are announced on ctx.events.
 */
export async function staffRoutes(app: FastifyInstance, ctx: ServerContext) {
  const { store } = ctx;
  const changed = (kind: LedgerChange['kind'], request: LedgerRequest, previous?: LedgerRequest) =>
    ctx.events.emit('change', { kind, request, previous } satisfies LedgerChange);

  /** Public: tells the app it runs on the server (and on which dataset); no personal data. */
  app.get('/api/info', async (_request, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return { server: true, dataset: ctx.dataset.manifest.id, dataPath: `data/${basename(ctx.config.dataDir)}` };
  });

  app.get<{ Querystring: { stage?: string; status?: 'open' | 'closed'; service_code?: string } }>(
    '/api/requests',
    { schema: listSchema },
    async (request, reply) => {
      const { user } = requireStaff(ctx, request, { write: false });
      const stages = listOf(request.query.stage);
      const unknown = stages?.find((s) => !(REQUEST_STAGES as readonly string[]).includes(s));
      if (unknown !== undefined) throw new HttpError(400, `unknown stage ${JSON.stringify(unknown)}: one of ${REQUEST_STAGES.join(', ')}`);
      const filter: RequestFilter = {
        ...scopeFilter(user),
        stages: stages as RequestStage[] | undefined,
        status: request.query.status,
        serviceCodes: listOf(request.query.service_code),
      };
      reply.header('Cache-Control', 'no-store');
      return store.listRequests(filter);
    },
  );

  app.get<{ Params: { id: string } }>('/api/requests/:id', { schema: { params: idParams } }, async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: false });
    const found = requestInScope(store, user, request.params.id);
    const assignee = found.assignedTo === null ? null : store.getUser(found.assignedTo);
    reply.header('Cache-Control', 'no-store');
    return { request: found, history: store.history(found.id), escalations: store.escalations(found.id), assignee: assignee && publicUser(assignee) };
  });

  app.post<{ Params: { id: string }; Body: { stage: RequestStage; status?: 'open' | 'closed'; note?: string | null; expectStage?: RequestStage } }>(
    '/api/requests/:id/move',
    { schema: moveSchema },
    async (request) => {
      const { user } = requireStaff(ctx, request, { write: true });
      const current = requestInScope(store, user, request.params.id);
      const { stage, status, expectStage } = request.body;
      if (expectStage && expectStage !== current.stage)
        throw new HttpError(409, `request ${current.id} is at ${current.stage} now, not ${expectStage}: reload and try again`);
      const noteText = request.body.note?.trim() || null;
      const check = checkMove(current, { stage, status }, noteText);
      if (!check.ok) throw new HttpError(check.refusal === 'closed' ? 409 : 400, check.message);
      const moved = store.moveRequest(current.id, {
        stage,
        status: check.move.status,
        note: noteText,
        actor: user.username,
        expectStage: current.stage,
        at: ctx.now().toISOString(),
      });
      changed('moved', moved);
      return moved;
    },
  );

  app.post<{ Params: { id: string }; Body: { userId: number | null } }>('/api/requests/:id/assign', { schema: assignSchema }, async (request) => {
    const { user } = requireStaff(ctx, request, { write: true });
    if (!canAssign(user)) throw new HttpError(403, 'a volunteer cannot assign requests');
    const current = requestInScope(store, user, request.params.id);
    const { userId } = request.body;
    if (userId !== null && !store.getUser(userId)) throw new HttpError(400, `no user ${userId}`);
    const assigned = store.assignRequest(current.id, userId, user.username);
    changed('assigned', assigned, current);
    // A volunteer matched to a request is told through the community's own system (notify.ts).
    const assignee = userId === null ? null : store.getUser(userId);
    if (assignee?.role === 'volunteer' && current.assignedTo !== userId) notifierOf(ctx).notify(requestMatch(assigned, assignee, ctx.now().toISOString()));
    return assigned;
  });

  /** A rating taken by phone at the 评价 stage (回访); residents rate on their tracking page. */
  app.post<{ Params: { id: string }; Body: { rating: number; comment?: string | null } }>('/api/requests/:id/rate', { schema: rateSchema }, async (request) => {
    const { user } = requireStaff(ctx, request, { write: true });
    const current = requestInScope(store, user, request.params.id);
    if (current.stage !== 'rate') throw new HttpError(409, `request ${current.id} is at ${current.stage}: it is rated at the last stage (rate)`);
    const rated = store.rateRequest(current.id, request.body.rating, request.body.comment?.trim() || null, user.username);
    changed('rated', rated);
    return rated;
  });

  /** Who requests can be assigned to (names and roles only), for those who assign. */
  app.get('/api/users', async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: false });
    if (!canAssign(user)) throw new HttpError(403, 'a volunteer cannot assign requests');
    reply.header('Cache-Control', 'no-store');
    return store.listUsers().map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role }));
  });
}
