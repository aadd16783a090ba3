import type { RequestStage } from '../dataset';
import { instantOfWallClock, wallClockIn } from '../wallClock';
import { suppressedCount } from '../volunteers/privacy';
import { parseInstant } from '../volunteers/time';
import { STAGES } from '../volunteers/workflow';
import { requestMonth, type PublicCount, type RequestAggregate } from './community';

/** What the public live stream needs of one request: when it was filed and touched, and where it is. No text, no person, no point. */
export interface StageActivity {
  stage: RequestStage;
  requestedAt: string;
  updatedAt: string;
}

/**
 * What a public screen (the hall) receives from the requests service, live: counts only,
 * each below five shown as "<5" (DESIGN.md "Privacy").
 */
export interface LiveAggregates {
  /** When these counts were made (ISO). */
  at: string;
  /** This month so far, in the hall's shape (RequestFigures draws it). */
  requests: RequestAggregate;
  /** The months before it, newest first (counts by stage and month). */
  earlier: RequestAggregate[];
  /** Small wishes (微心愿) done this month, or null where the ledger keeps none. */
  wishesDone: PublicCount | null;
}

/** How many months before this one the stream carries. */
export const EARLIER_MONTHS = 5;

/** The first instant of the month `back` months before the month starting at `from`. */
function monthStart(from: Date, back: number, timeZone: string): Date {
  const wall = wallClockIn(from, timeZone);
  const index = wall.year * 12 + (wall.month - 1) - back;
  return instantOfWallClock({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1, hour: 0, minute: 0, second: 0 }, timeZone);
}

const monthKey = (start: Date, timeZone: string) => {
  const wall = wallClockIn(start, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}`;
};

/**
 * Requests requested or updated within each month, by the stage they are at now (the rule of
 * the hall's static figures, `requestAggregate`), for a live ledger: this month so far and
 * the `EARLIER_MONTHS` before it. A live ledger has no "as of" date: now is now.
 */
export function liveAggregates(rows: readonly StageActivity[], now: Date, timeZone: string, wishesDone: number | null): LiveAggregates {
  const current = requestMonth(now, undefined, timeZone);
  const bounds = Array.from({ length: EARLIER_MONTHS + 1 }, (_, back) => {
    const from = back === 0 ? current.from : monthStart(current.from, back, timeZone);
    const until = back === 0 ? current.until : monthStart(current.from, back - 1, timeZone);
    // This month runs up to and including now (a change made this very millisecond counts).
    return {
      month: monthKey(from, timeZone),
      from: from.getTime(),
      until: until.getTime() + (back === 0 ? 1 : 0),
      counts: new Map<RequestStage, number>(),
      total: 0,
    };
  });
  for (const row of rows) {
    const times = [row.requestedAt, row.updatedAt].map((t) => parseInstant(t, timeZone)?.getTime()).filter((t): t is number => t !== undefined);
    for (const month of bounds) {
      if (!times.some((t) => t >= month.from && t < month.until)) continue;
      month.counts.set(row.stage, (month.counts.get(row.stage) ?? 0) + 1);
      month.total++;
    }
  }
  const [thisMonth, ...before] = bounds.map((m): RequestAggregate => ({
    month: m.month,
    until: new Date(m.until - (m === bounds[0] ? 1 : 0)).toISOString(),
    total: suppressedCount(m.total),
    byStage: STAGES.map((stage) => ({ stage, count: suppressedCount(m.counts.get(stage) ?? 0) })),
  }));
  return { at: now.toISOString(), requests: thisMonth!, earlier: before, wishesDone: wishesDone === null ? null : suppressedCount(wishesDone) };
}

/** The earliest instant a row must touch to count in `liveAggregates` (the store may skip older ones). */
export function liveAggregatesSince(now: Date, timeZone: string): Date {
  return monthStart(requestMonth(now, undefined, timeZone).from, EARLIER_MONTHS, timeZone);
}
