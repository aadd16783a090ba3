import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomInt } from 'node:crypto';
import {
  VOTE_CODE_ALPHABET,
  VOTE_CODE_LENGTH,
  VOTE_CODES_PER_CALL,
  VOTE_MAX_CODES,
  VOTE_MAX_OPTIONS,
  VOTE_OPTION_MAX,
  VOTE_QUESTION_MAX,
  checkVoteDraft,
  normalizeVoteCode,
  type Vote,
} from '../../domain/votes';
import { requireStaff } from '../auth/sessions';
import { sha256Hex } from '../auth/secrets';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import { SlidingWindowLimiter } from '../rateLimit';
import { canAssign, requestInScope } from '../scope';
import type { User } from '../store/types';
import { publicVoteReply, publicVoteView } from '../votes/publicView';
import { settleVote } from '../votes/settle';

/** Wrong codes from one address within ten minutes before it must wait: a brake on guessing. */
export const WRONG_CODES_PER_IP = 20;

const voteParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 40 } } } as const;
const requestParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;
const count = { type: 'integer', minimum: 1, maximum: VOTE_CODES_PER_CALL } as const;
const openSchema = {
  params: requestParams,
  body: {
    type: 'object',
    required: ['question', 'options', 'deadline'],
    additionalProperties: false,
    properties: {
      question: { type: 'string', maxLength: VOTE_QUESTION_MAX * 2 },
      options: { type: 'array', maxItems: VOTE_MAX_OPTIONS * 2, items: { type: 'string', maxLength: VOTE_OPTION_MAX * 2 } },
      deadline: { type: 'string', maxLength: 40 },
      codes: count,
    },
  },
} as const;
const codesSchema = { params: voteParams, body: { type: 'object', required: ['count'], additionalProperties: false, properties: { count } } } as const;
const ballotSchema = {
  params: voteParams,
  body: {
    type: 'object',
    required: ['code', 'option'],
    additionalProperties: false,
    properties: { code: { type: 'string', maxLength: 40 }, option: { type: 'integer', minimum: 0, maximum: VOTE_MAX_OPTIONS - 1 } },
  },
  response: { 201: publicVoteReply },
} as const;

function newCode(): string {
  let code = '';
  for (let i = 0; i < VOTE_CODE_LENGTH; i++) code += VOTE_CODE_ALPHABET[randomInt(VOTE_CODE_ALPHABET.length)];
  return code;
}

/** Codes are kept only as this hash, salted with the vote so one code means nothing in another vote. */
export const voteCodeHash = (voteId: string, code: string) => sha256Hex(`vote:${voteId}:${code}`);

/**
 * Online votes of 民主协商议事. Staff (in scope, not volunteers) open a vote on a request, print
 * single-use household codes (answered once, never stored in the clear) and may close it
 * early; residents read the vote and cast one ballot per code without an account. A vote
 * past its deadline is settled by the scheduler, or by the first read that finds it.
 */
export async function voteRoutes(app: FastifyInstance, ctx: ServerContext) {
  const { store } = ctx;
  const wrongCodes = new SlidingWindowLimiter(WRONG_CODES_PER_IP, 10 * 60_000);

  /** The vote, settled first when its deadline has passed. */
  const current = (id: string): Vote => {
    const vote = store.votes.get(id);
    if (!vote) throw new HttpError(404, `no vote ${JSON.stringify(id)}`);
    const now = ctx.now();
    if (vote.state === 'open' && Date.parse(vote.deadline) <= now.getTime()) {
      settleVote(ctx, vote.id, 'system', now);
      return store.votes.get(id)!;
    }
    return vote;
  };

  /** A vote whose request the staff member may handle (outside scope: the same 404 as a missing one). */
  const staffVote = (user: User, id: string): Vote => {
    const vote = current(id);
    try {
      requestInScope(store, user, vote.requestId);
    } catch {
      throw new HttpError(404, `no vote ${JSON.stringify(id)} in your scope`);
    }
    return vote;
  };

  const mustRun = (user: User) => {
    if (!canAssign(user)) throw new HttpError(403, 'a volunteer cannot run votes: community workers and grid leaders open, print and close them');
  };

  const staffView = (vote: Vote) => ({ ...vote, result: vote.state === 'closed' ? store.votes.tally(vote.id) : null });

  const issue = (vote: Vote, n: number): { vote: Vote; codes: string[] } => {
    const codes = new Set<string>();
    while (codes.size < n) codes.add(newCode());
    const list = [...codes];
    return {
      vote: store.votes.addCodes(
        vote.id,
        list.map((c) => voteCodeHash(vote.id, c)),
        VOTE_MAX_CODES,
      ),
      codes: list,
    };
  };

  app.post<{ Params: { id: string }; Body: { question: string; options: string[]; deadline: string; codes?: number } }>(
    '/api/requests/:id/votes',
    { schema: openSchema },
    async (request, reply) => {
      const { user } = requireStaff(ctx, request, { write: true });
      mustRun(user);
      const target = requestInScope(store, user, request.params.id);
      if (target.status !== 'open') throw new HttpError(409, `request ${target.id} is closed: there is nothing left to vote on`);
      const now = ctx.now();
      const check = checkVoteDraft(request.body, now);
      if (!check.ok) throw new HttpError(400, check.problem);
      const running = store.votes.ofRequest(target.id).find((v) => current(v.id).state === 'open');
      if (running) throw new HttpError(409, `request ${target.id} has an open vote already (${running.id}): close it before opening another`);
      const vote = store.votes.create({
        requestId: target.id,
        compoundId: target.compoundId,
        gridId: target.gridId,
        communityId: target.communityId,
        ...check.vote,
        at: now.toISOString(),
        actor: user.username,
      });
      const issued = request.body.codes ? issue(vote, request.body.codes) : { vote, codes: [] };
      reply.header('Cache-Control', 'no-store');
      return reply.code(201).send({ vote: staffView(issued.vote), codes: issued.codes });
    },
  );

  app.get<{ Params: { id: string } }>('/api/requests/:id/votes', { schema: { params: requestParams } }, async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: false });
    const target = requestInScope(store, user, request.params.id);
    reply.header('Cache-Control', 'no-store');
    return { votes: store.votes.ofRequest(target.id).map((v) => staffView(current(v.id))) };
  });

  app.post<{ Params: { id: string }; Body: { count: number } }>('/api/votes/:id/codes', { schema: codesSchema }, async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: true });
    mustRun(user);
    const vote = staffVote(user, request.params.id);
    if (vote.state !== 'open') throw new HttpError(409, `vote ${vote.id} is closed: it takes no more codes`);
    const issued = issue(vote, request.body.count);
    reply.header('Cache-Control', 'no-store');
    return reply.code(201).send({ vote: staffView(issued.vote), codes: issued.codes });
  });

  app.post<{ Params: { id: string } }>('/api/votes/:id/close', { schema: { params: voteParams } }, async (request) => {
    const { user } = requireStaff(ctx, request, { write: true });
    mustRun(user);
    const vote = staffVote(user, request.params.id);
    if (vote.state !== 'open') throw new HttpError(409, `vote ${vote.id} is closed already`);
    settleVote(ctx, vote.id, user.username, ctx.now());
    return staffView(store.votes.get(vote.id)!);
  });

  app.get<{ Params: { id: string } }>('/api/votes/:id', { schema: { params: voteParams, response: { 200: publicVoteReply } } }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return publicVoteView(ctx, current(request.params.id));
  });

  app.post<{ Params: { id: string }; Body: { code: string; option: number } }>(
    '/api/votes/:id/ballots',
    { schema: ballotSchema },
    async (request: FastifyRequest<{ Params: { id: string }; Body: { code: string; option: number } }>, reply) => {
      const nowMs = ctx.now().getTime();
      const ip = request.ip;
      if (wrongCodes.retryAfterMs(ip, nowMs) > 0) {
        const minutes = Math.ceil(wrongCodes.retryAfterMs(ip, nowMs) / 60_000);
        reply.header('Retry-After', String(Math.ceil(wrongCodes.retryAfterMs(ip, nowMs) / 1000)));
        throw new HttpError(429, `too many wrong codes from this connection: try again in ${minutes} minute(s)`);
      }
      const vote = current(request.params.id);
      if (vote.state !== 'open') throw new HttpError(410, `this vote closed at ${vote.closedAt ?? vote.deadline}: ballots are no longer taken`);
      if (request.body.option >= vote.options.length)
        throw new HttpError(400, `option ${request.body.option} is not one of this vote's ${vote.options.length} options (0 to ${vote.options.length - 1})`);
      const code = normalizeVoteCode(request.body.code);
      const wrong = () => {
        wrongCodes.take(ip, nowMs);
        return new HttpError(403, 'this code is not valid for this vote: check the slip (8 letters and digits, e.g. ABCD-2345)');
      };
      if (!code) throw wrong();
      const cast = store.votes.cast(vote.id, voteCodeHash(vote.id, code), request.body.option, ctx.now().toISOString());
      if (!cast.ok) {
        if (cast.why === 'used_code') throw new HttpError(409, 'this code has been used already: each household votes once');
        if (cast.why === 'closed') throw new HttpError(410, 'this vote has closed: ballots are no longer taken');
        throw wrong();
      }
      reply.header('Cache-Control', 'no-store');
      return reply.code(201).send(publicVoteView(ctx, cast.vote));
    },
  );
}
