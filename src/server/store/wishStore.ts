import type { Wish, WishState } from '../../domain/volunteers/wishes';

/** A wish as posted: where and what (the Wish's own fields), when and by whom. */
export type NewWish = Pick<Wish, 'compoundId' | 'gridId' | 'communityId' | 'text' | 'skill' | 'dueAt'> &
  Partial<Pick<Wish, 'buildingId'>> & {
    at: string;
    actor: string;
    /** A phone the wisher left (QR page): kept apart from the wish, for workers only. */
    contactPhone?: string | null;
  };

export interface WishFilter {
  states?: readonly WishState[];
  /** Scope: a wish matches when it is in any of these (each list optional). */
  communityIds?: readonly string[];
  gridIds?: readonly string[];
  claimedBy?: number;
}

/** One step in a wish's life, appended and never changed. */
export interface WishEvent {
  seq: number;
  wishId: string;
  at: string;
  actor: string;
  action: 'posted' | 'claimed' | 'released' | 'lapsed' | 'done' | 'cancelled';
  /** The user the step concerns (the claimer), or null. */
  userId: number | null;
}

/**
 * The small wishes (微心愿) of the ledger, part of LedgerStore. Each change is one
 * transaction with its event appended; claiming is a compare-and-set, so of two volunteers
 * claiming at once exactly one wins (the other gets a LedgerError 'conflict').
 */
export interface WishStore {
  create(input: NewWish): Wish;
  get(id: string): Wish | null;
  /** The phone the wisher left, or null. */
  contactOf(id: string): string | null;
  list(filter?: WishFilter): Wish[];
  /** open → claimed by `userId` until `expiresAt`; 'conflict' when it is not open. */
  claim(id: string, userId: number, actor: string, at: string, expiresAt: string): Wish;
  /** claimed → open ('released' by someone, or 'lapsed' by the scheduler). */
  release(id: string, actor: string, at: string, action: 'released' | 'lapsed'): Wish;
  /** claimed → done. */
  complete(id: string, actor: string, at: string): Wish;
  /** open or claimed → cancelled (the wish is no longer wanted). */
  cancel(id: string, actor: string, at: string): Wish;
  /** Claimed wishes whose claim ran out at `now`. */
  lapsedClaims(now: string): Wish[];
  /** Wishes done within [from, until) (ISO instants). */
  doneBetween(from: string, until: string): number;
  history(id: string): WishEvent[];
}
