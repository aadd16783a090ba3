import { availabilityAt, type VolunteerFeature } from './availability';
import { openState } from '../openingHours';

/**
 * 微心愿: a small wish of an elderly or struggling resident, posted by a worker, claimed by
 * one volunteer at a time. The public sees only how many were done (the hall); the text is
 * for staff and logged-in volunteers, and must not name or reach the person (no phone).
 */
export const WISH_STATES = ['open', 'claimed', 'done', 'cancelled'] as const;
export type WishState = (typeof WISH_STATES)[number];

export interface Wish {
  /** e.g. "W-000012". */
  id: string;
  compoundId: string;
  gridId: string | null;
  communityId: string | null;
  /** The building (楼栋) of the wisher, when known; else null. */
  buildingId?: string | null;
  /** What is wished, short (≤ WISH_TEXT_MAX), without names or numbers of a person. */
  text: string;
  /** The volunteer skill it needs (skills.ts), or null: anyone can help. */
  skill: string | null;
  /** Wished done by (ISO), or null. */
  dueAt: string | null;
  state: WishState;
  /** Staff user id of the claimer while claimed (and after done), else null. */
  claimedBy: number | null;
  claimedAt: string | null;
  /** When an unfinished claim lapses and the wish opens again. */
  claimExpiresAt: string | null;
  doneAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export const WISH_TEXT_MAX = 120;

/** A mainland mobile number or an 18-digit resident ID: personal data a wish must not carry. */
const PERSONAL = [/(?<![\d])1[3-9]\d{9}(?!\d)/, /(?<![\dXx])\d{17}[\dXx](?![\dXx])/];

/** Whether a text carries a mainland mobile or resident ID number (public texts must not). */
export function hasPersonalNumber(text: string): boolean {
  return PERSONAL.some((p) => p.test(text));
}

/** The problem with a wish's text, or null: present, short, and free of phone and ID numbers. */
export function wishTextProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return 'a wish needs a text: what is wished, e.g. "代买一周的菜"';
  if ([...trimmed].length > WISH_TEXT_MAX) return `a wish is short: at most ${WISH_TEXT_MAX} characters`;
  if (hasPersonalNumber(trimmed)) return 'a wish must not carry a phone or ID number: volunteers reach the resident through the worker';
  return null;
}

/** How many days an unfinished claim holds before the wish opens again (ServerConfig.wishClaimDays). */
export const DEFAULT_CLAIM_DAYS = 3;

export function claimExpiry(claimedAt: Date, days: number): Date {
  return new Date(claimedAt.getTime() + days * 86_400_000);
}

/** A claim that has run out at `now` (and is not done). */
export function claimLapsed(wish: Pick<Wish, 'state' | 'claimExpiresAt'>, now: Date): boolean {
  return wish.state === 'claimed' && wish.claimExpiresAt !== null && Date.parse(wish.claimExpiresAt) <= now.getTime();
}

/** How far ahead a wish without a due date may be served: a week. */
export const DEFAULT_WISH_WINDOW_DAYS = 7;

/**
 * When a volunteer can next help, from `now` (their `availability`, opening-hours syntax, in
 * the dataset's zone): now when available or without limits, their next open hour, or null
 * (never, or unreadable hours).
 */
export function nextAvailable(volunteer: VolunteerFeature, now: Date, timeZone: string): Date | null {
  const state = availabilityAt(volunteer.properties.availability, now, timeZone);
  if (state === 'always' || state === 'yes') return now;
  if (state === 'invalid') return null;
  return openState(volunteer.properties.availability!, now, timeZone).changesAt;
}

export interface WishFit {
  /** Metres the volunteer walks to the wish's compound, within their service radius. */
  walkM: number;
  /** When they can next help (≤ the wish's due date or the default window). */
  availableFrom: string;
}

/**
 * Whether a volunteer can take an open wish: it needs no skill or one they have, its
 * compound is within their walk (`walkM` from their reach, null: out of reach), and they are
 * available before it is due (or within a week). Null: not for them.
 */
export function wishFit(
  wish: Pick<Wish, 'skill' | 'dueAt' | 'state'>,
  volunteer: VolunteerFeature,
  walkM: number | null,
  now: Date,
  timeZone: string,
): WishFit | null {
  if (wish.state !== 'open' || walkM === null) return null;
  if (wish.skill !== null && !volunteer.properties.skills.includes(wish.skill)) return null;
  const from = nextAvailable(volunteer, now, timeZone);
  if (!from) return null;
  const until = wish.dueAt ? Date.parse(wish.dueAt) : now.getTime() + DEFAULT_WISH_WINDOW_DAYS * 86_400_000;
  if (from.getTime() > until) return null;
  return { walkM, availableFrom: from.toISOString() };
}
