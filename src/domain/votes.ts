/**
 * Online votes of 民主协商议事: a worker puts the proposed solutions of a request to the
 * households of its compound, each household votes once with a one-time code from a printed
 * slip, and the result goes with the request to 公示. Pure rules shared by server and UI.
 */

export const VOTE_MIN_OPTIONS = 2;
export const VOTE_MAX_OPTIONS = 6;
export const VOTE_QUESTION_MAX = 200;
export const VOTE_OPTION_MAX = 80;
/** Longest a vote may run: the seeds settle a problem the day after it is raised; a month is generous. */
export const VOTE_MAX_DAYS = 30;
/** Codes printed for one vote at most (one per household of a compound). */
export const VOTE_MAX_CODES = 2000;
/** Codes generated per call at most (one printing run). */
export const VOTE_CODES_PER_CALL = 500;

/** No 0/O, 1/I/L: a code is read off paper and typed on a phone. */
export const VOTE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^8 ≈ 8.5 × 10^11 codes: a few hundred printed ones cannot be guessed. */
export const VOTE_CODE_LENGTH = 8;
const CODE_SHAPE = new RegExp(`^[${VOTE_CODE_ALPHABET}]{${VOTE_CODE_LENGTH}}$`);

export type VoteState = 'open' | 'closed';

export interface Vote {
  id: string;
  requestId: string;
  compoundId: string | null;
  gridId: string | null;
  communityId: string | null;
  question: string;
  options: string[];
  /** ISO instants. */
  deadline: string;
  state: VoteState;
  createdAt: string;
  createdBy: string;
  closedAt: string | null;
  /** Ballots cast so far (each used one code). */
  ballots: number;
  codesIssued: number;
  codesUsed: number;
}

export interface VoteTally {
  option: string;
  count: number;
}

/** A code as a person types it (lower case, spaces, dashes) → its stored form, or null when it cannot be one. */
export function normalizeVoteCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return CODE_SHAPE.test(code) ? code : null;
}

/** A code in two groups of four, easier to read off a slip. */
export function groupedVoteCode(code: string): string {
  return code.length === VOTE_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

export interface VoteDraft {
  question: string;
  options: readonly string[];
  deadline: string;
}

/** The question, options and deadline as they will be kept, or the first problem with them. */
export function checkVoteDraft(draft: VoteDraft, now: Date): { ok: true; vote: VoteDraft } | { ok: false; problem: string } {
  const question = draft.question.trim();
  if (!question) return { ok: false, problem: 'the question is empty: say what residents choose between' };
  if (question.length > VOTE_QUESTION_MAX) return { ok: false, problem: `the question is longer than ${VOTE_QUESTION_MAX} characters` };
  const options = draft.options.map((o) => o.trim());
  if (options.length < VOTE_MIN_OPTIONS || options.length > VOTE_MAX_OPTIONS) {
    return { ok: false, problem: `a vote has ${VOTE_MIN_OPTIONS} to ${VOTE_MAX_OPTIONS} options, not ${options.length}` };
  }
  const empty = options.findIndex((o) => !o);
  if (empty >= 0) return { ok: false, problem: `option ${empty + 1} is empty` };
  const long = options.findIndex((o) => o.length > VOTE_OPTION_MAX);
  if (long >= 0) return { ok: false, problem: `option ${long + 1} is longer than ${VOTE_OPTION_MAX} characters` };
  const seen = new Set<string>();
  for (const o of options) {
    if (seen.has(o)) return { ok: false, problem: `option ${JSON.stringify(o)} appears twice` };
    seen.add(o);
  }
  const ms = Date.parse(draft.deadline);
  if (Number.isNaN(ms)) return { ok: false, problem: `deadline ${JSON.stringify(draft.deadline)} is not a date (ISO 8601, e.g. 2026-12-05T18:00:00+08:00)` };
  if (ms <= now.getTime()) return { ok: false, problem: 'the deadline is in the past: give a time after now' };
  if (ms > now.getTime() + VOTE_MAX_DAYS * 24 * 3600_000) return { ok: false, problem: `the deadline is more than ${VOTE_MAX_DAYS} days away` };
  return { ok: true, vote: { question, options, deadline: new Date(ms).toISOString() } };
}

/** Ballots per option, in the options' order. */
export function tally(options: readonly string[], choices: readonly number[]): VoteTally[] {
  const counts = options.map(() => 0);
  for (const c of choices) if (c >= 0 && c < counts.length) counts[c]!++;
  return options.map((option, i) => ({ option, count: counts[i]! }));
}

/** The options with the most ballots (several on a tie; none when nobody voted). */
export function leaders(result: readonly VoteTally[]): string[] {
  const top = Math.max(0, ...result.map((r) => r.count));
  return top === 0 ? [] : result.filter((r) => r.count === top).map((r) => r.option);
}

/** The result as one line for the request's history (staff read it), e.g. "vote V-000001 closed, 15 ballot(s): 修 12 · 拆 3". */
export function resultNote(voteId: string, result: readonly VoteTally[]): string {
  const total = result.reduce((n, r) => n + r.count, 0);
  return `vote ${voteId} closed, ${total} ballot(s): ${result.map((r) => `${r.option} ${r.count}`).join(' · ')}`;
}

/** Whether a vote still takes ballots at `now`. */
export function voteTakesBallots(vote: Pick<Vote, 'state' | 'deadline'>, now: Date): boolean {
  return vote.state === 'open' && Date.parse(vote.deadline) > now.getTime();
}
