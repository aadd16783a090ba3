import type { Vote, VoteTally } from '../../domain/votes';

/** A vote as opened: the request it settles, where its households live, what they choose between. */
export interface NewVote {
  requestId: string;
  compoundId: string | null;
  gridId: string | null;
  communityId: string | null;
  question: string;
  options: readonly string[];
  deadline: string;
  at: string;
  actor: string;
}

/** Why a ballot was refused: the code is not one of this vote's, or it has voted already. */
export type BallotRefusal = 'unknown_code' | 'used_code' | 'closed';

/**
 * The votes of the ledger (民主协商议事), part of LedgerStore. Codes are kept only as hashes and
 * carry no person; a ballot records the option and the time, never the code that cast it (the
 * code is only marked used, in the same transaction).
 */
export interface VoteStore {
  create(input: NewVote): Vote;
  get(id: string): Vote | null;
  /** The votes of one request, oldest first. */
  ofRequest(requestId: string): Vote[];
  /** Open votes whose deadline is at or before `now`. */
  due(now: string): Vote[];
  /** Adds single-use codes (their hashes) to an open vote; 'conflict' when closed or over `max` in all. */
  addCodes(voteId: string, codeHashes: readonly string[], max: number): Vote;
  /**
   * Uses the code `codeHash` once and records one ballot for `option`, in one transaction;
   * refused when the vote is closed or past its deadline at `at`, the code unknown, or used.
   */
  cast(voteId: string, codeHash: string, option: number, at: string): { ok: true; vote: Vote } | { ok: false; why: BallotRefusal };
  /**
   * open → closed, then runs `then` (recording the result with the request) in the same
   * transaction; null when the vote was closed already (someone else settled it).
   */
  close(voteId: string, actor: string, at: string, then?: (vote: Vote, result: VoteTally[]) => void): { vote: Vote; result: VoteTally[] } | null;
  /** Ballots per option, in the options' order. */
  tally(voteId: string): VoteTally[];
}
