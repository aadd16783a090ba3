import type { RequestStage } from '../dataset';

/** Who moved a request, as a resident may see it: never a staff member's name. */
export type PublicActor = 'resident' | 'community' | 'system';

export interface TrackingStep {
  stage: RequestStage;
  /** ISO instant. */
  at: string;
  by: PublicActor;
}

interface HistoryLike {
  at: string;
  actor: string;
  fromStage: RequestStage | null;
  toStage: RequestStage;
}

/** Staff usernames and API key names become "the community"; residents and the scheduler keep their kind. */
export function publicActor(actor: string): PublicActor {
  if (actor === 'resident') return 'resident';
  if (actor === 'system') return 'system';
  return 'community';
}

/**
 * The steps a request went through, from its append-only history: the filing and every change
 * of stage, oldest first. Notes and assignments stay with staff (a note may name a person).
 */
export function trackingSteps(history: readonly HistoryLike[]): TrackingStep[] {
  return history.filter((h) => h.fromStage === null || h.fromStage !== h.toStage).map((h) => ({ stage: h.toStage, at: h.at, by: publicActor(h.actor) }));
}

/**
 * Whether the resident holding the tracking code may rate now: once the outcome is made
 * public (公示), or at 评价 while no rating has been given (one rating per request).
 */
export function canRate(stage: RequestStage, rating: number | null): boolean {
  return stage === 'publish' || (stage === 'rate' && rating === null);
}
