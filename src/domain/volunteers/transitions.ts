import type { RequestStage } from '../dataset';
import { STAGES, stageIndex } from './workflow';

/**
 * Which stage changes a request may make: the life of one file (一问题一建档) kept in the
 * domain, so that the server and the app agree. Forward one stage at a time
 * (收集→商议→协调→执行→公示→评价), closed at 评价 (一办结一销号), and a few steps back that
 * real work needs, each with a note saying why. A closed file stays closed: a new problem
 * is a new file.
 */
export type RequestStatus = 'open' | 'closed';

export interface StageState {
  stage: RequestStage;
  status: RequestStatus;
}

export type MoveKind = 'forward' | 'close' | 'back';

export interface StageMove extends StageState {
  kind: MoveKind;
}

/**
 * The steps back, and why each exists: more facts needed before deliberating; the plan fell
 * through so it is deliberated again; the parties must be coordinated again; an objection
 * during publication or an unhappy resident sends the work back to be redone.
 */
export const BACK_STEPS: Readonly<Partial<Record<RequestStage, RequestStage>>> = {
  deliberate: 'collect',
  coordinate: 'deliberate',
  execute: 'coordinate',
  publish: 'execute',
  rate: 'execute',
};

const LAST: RequestStage = STAGES[STAGES.length - 1]!;

/** The forward move: the next stage, or closing the file at the last one; null when closed. */
export function nextMove(from: StageState): StageMove | null {
  if (from.status === 'closed') return null;
  if (from.stage === LAST) return { kind: 'close', stage: LAST, status: 'closed' };
  return { kind: 'forward', stage: STAGES[stageIndex(from.stage) + 1]!, status: 'open' };
}

/** The step back, or null (none from 收集, none once closed). */
export function backMove(from: StageState): StageMove | null {
  if (from.status === 'closed') return null;
  const stage = BACK_STEPS[from.stage];
  return stage ? { kind: 'back', stage, status: 'open' } : null;
}

/** Every move a request may make from where it is, forward first. */
export function movesFrom(from: StageState): StageMove[] {
  return [nextMove(from), backMove(from)].filter((m): m is StageMove => m !== null);
}

export type MoveRefusal = 'closed' | 'same' | 'skip' | 'back' | 'noteRequired' | 'closeAtRate';

export type MoveCheck = { ok: true; move: StageMove } | { ok: false; refusal: MoveRefusal; message: string };

const refuse = (refusal: MoveRefusal, message: string): MoveCheck => ({ ok: false, refusal, message });

/**
 * Checks a wanted change. `to.status` defaults to open; closing says `closed` and happens
 * at the last stage only. A step back needs a note (who reads the file later must see why).
 */
export function checkMove(from: StageState, to: { stage: RequestStage; status?: RequestStatus }, note?: string | null): MoveCheck {
  const status = to.status ?? 'open';
  if (from.status === 'closed') return refuse('closed', 'this request is closed (一办结一销号); a new problem needs a new request');
  if (status === 'closed' && to.stage !== LAST) return refuse('closeAtRate', `a request is closed at the last stage (${LAST}), not at ${to.stage}`);
  if (to.stage === from.stage && status === from.status) return refuse('same', `the request is at ${from.stage} already`);
  const move = movesFrom(from).find((m) => m.stage === to.stage && m.status === status);
  if (!move) {
    const forward = stageIndex(to.stage) > stageIndex(from.stage);
    if (forward) return refuse('skip', `from ${from.stage} the next stage is ${nextMove(from)?.stage}: stages are not skipped`);
    const back = backMove(from);
    return refuse('back', back ? `from ${from.stage} a request can go back to ${back.stage} only` : `a request at ${from.stage} cannot go back`);
  }
  if (move.kind === 'back' && !note?.trim()) return refuse('noteRequired', 'a step back needs a note saying why');
  return { ok: true, move };
}
