import { REQUEST_STAGES } from '../../domain/dataset';
import { resultNote, type Vote, type VoteTally } from '../../domain/votes';
import type { LedgerChange, ServerContext } from '../context';
import type { LedgerRequest } from '../store/types';

/**
 * Closes a vote and records its result with its request, in one transaction: a history entry
 * carrying the counts (staff read it in the request's file), and the move to 公示 (publish)
 * when that is the request's next step — the settled solution is what gets made public. At
 * any other stage the request stays where it is: the vote settles a question, the worker
 * moves the work on. Returns null when the vote was settled already (by the scheduler or
 * another worker at the same moment).
 */
export function settleVote(ctx: ServerContext, voteId: string, actor: string, now: Date): { vote: Vote; result: VoteTally[] } | null {
  let moved: LedgerRequest | null = null;
  const at = now.toISOString();
  const settled = ctx.store.votes.close(voteId, actor, at, (vote, result) => {
    const request = ctx.store.getRequest(vote.requestId);
    if (!request) return;
    const next = REQUEST_STAGES[REQUEST_STAGES.indexOf(request.stage) + 1];
    const stage = request.status === 'open' && next === 'publish' ? next : request.stage;
    moved = ctx.store.moveRequest(request.id, { stage, note: resultNote(vote.id, result), actor, at, expectStage: request.stage });
  });
  if (settled && moved) ctx.events.emit('change', { kind: 'moved', request: moved } satisfies LedgerChange);
  return settled;
}

/** Settles every open vote whose deadline has passed at `now` (the scheduler's tick, and reads that find one). Returns how many. */
export function settleDueVotes(ctx: ServerContext, now: Date): number {
  let settled = 0;
  for (const vote of ctx.store.votes.due(now.toISOString())) if (settleVote(ctx, vote.id, 'system', now)) settled++;
  return settled;
}
