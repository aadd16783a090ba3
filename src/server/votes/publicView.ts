import type { Vote } from '../../domain/votes';
import type { ServerContext } from '../context';

const named = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;

/**
 * A vote as anyone may see it: the question, options, deadline and how many ballots were
 * cast; the counts per option only once it is closed (so an open vote does not sway the
 * households still to vote). The schema is the privacy guard: no codes, no staff names.
 */
export const publicVoteReply = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    request_id: { type: 'string' },
    compound: { anyOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'string' }, name: named } }] },
    question: { type: 'string' },
    options: { type: 'array', items: { type: 'string' } },
    deadline: { type: 'string' },
    state: { type: 'string', enum: ['open', 'closed'] },
    closed_at: { type: ['string', 'null'] },
    ballots: { type: 'integer' },
    result: { anyOf: [{ type: 'null' }, { type: 'array', items: { type: 'object', properties: { option: { type: 'string' }, count: { type: 'integer' } } } }] },
  },
} as const;

export interface PublicVote {
  id: string;
  request_id: string;
  compound: { id: string; name: { zh: string; en: string } } | null;
  question: string;
  options: string[];
  deadline: string;
  state: 'open' | 'closed';
  closed_at: string | null;
  ballots: number;
  result: { option: string; count: number }[] | null;
}

export function publicVoteView(ctx: ServerContext, vote: Vote): PublicVote {
  const p = vote.compoundId ? ctx.places.compound(vote.compoundId)?.properties : undefined;
  return {
    id: vote.id,
    request_id: vote.requestId,
    compound: p && vote.compoundId ? { id: vote.compoundId, name: { zh: p.name ?? vote.compoundId, en: p.name_en ?? p.name ?? vote.compoundId } } : null,
    question: vote.question,
    options: vote.options,
    deadline: vote.deadline,
    state: vote.state,
    closed_at: vote.closedAt,
    ballots: vote.ballots,
    result: vote.state === 'closed' ? ctx.store.votes.tally(vote.id) : null,
  };
}
