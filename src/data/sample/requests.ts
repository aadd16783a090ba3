import type { Feature, Point } from 'geojson';
import type { RequestProps, RequestStage } from '../../domain/dataset';
import { pointInCompound, type CompoundPlan } from './compounds';
import { cstMs, DAY_MS, isoCst } from './dates';
import type { Frame } from './frame';
import type { Rng } from './prng';
import { REQUEST_TOPICS } from './request-texts';

/**
 * 125 tracked residents' requests moving through the six-step workflow
 * (收集→商议→协调→执行→公示→评价), as of 2026-11-01. Open requests are mostly from the last
 * week, a handful are stuck past their 7-day deadline (overdue), and the rated ones are
 * closed, spread over August to October.
 */

const STAGE_COUNTS: Record<RequestStage, number> = { collect: 32, deliberate: 27, coordinate: 22, execute: 18, publish: 12, rate: 14 };
/** Open requests left past their expected date, by stage. */
const OVERDUE: Partial<Record<RequestStage, number>> = { deliberate: 2, coordinate: 3, execute: 3 };
const HOUR_MS = DAY_MS / 24;
const EXPECTED_AFTER_MS = 7 * DAY_MS;
/** Nothing is updated after the data's "as of" evening. */
const LAST_UPDATE_MS = cstMs(2026, 10, 31, 22, 0);

/** Requested-time windows of recent open requests: later stages started earlier. */
const RECENT_WINDOW: Record<Exclude<RequestStage, 'rate'>, readonly [number, number]> = {
  collect: [cstMs(2026, 10, 29, 9), cstMs(2026, 10, 31, 20)],
  deliberate: [cstMs(2026, 10, 27, 9), cstMs(2026, 10, 31, 12)],
  coordinate: [cstMs(2026, 10, 26, 9), cstMs(2026, 10, 30, 18)],
  execute: [cstMs(2026, 10, 25, 9), cstMs(2026, 10, 29, 18)],
  publish: [cstMs(2026, 10, 25, 9), cstMs(2026, 10, 28, 18)],
};

/** A time in [from, to] during the day (07:30–21:30), to the minute. */
function daytime(rng: Rng, from: number, to: number): number {
  for (let i = 0; i < 100; i++) {
    const day = Math.floor((from + rng.range(0, to - from) + 8 * HOUR_MS) / DAY_MS) * DAY_MS - 8 * HOUR_MS;
    const t = day + rng.int(450, 1290) * 60_000;
    if (t >= from && t <= to) return t;
  }
  return from;
}

/** Ratings for n closed requests, mostly 4–5 (shares of 5…1 stars), in random order. */
function ratings(rng: Rng, n: number): number[] {
  const shares: Array<[number, number]> = [
    [4, 0.3],
    [3, 0.12],
    [2, 0.08],
    [1, 0.05],
  ];
  const out = shares.flatMap(([stars, share]) => Array<number>(Math.floor(n * share)).fill(stars));
  return rng.shuffle([...out, ...Array<number>(n - out.length).fill(5)]);
}

interface Draft {
  stage: RequestStage;
  requested: number;
  updated: number;
  compound: CompoundPlan;
  code: string;
  description: string;
  rating?: number;
}

export function requestFeatures(rng: Rng, compounds: CompoundPlan[], frame: Frame): Array<Feature<Point, RequestProps>> {
  const drafts: Draft[] = [];
  const stars = ratings(rng, STAGE_COUNTS.rate);
  for (const [stage, count] of Object.entries(STAGE_COUNTS) as Array<[RequestStage, number]>) {
    const overdue = OVERDUE[stage] ?? 0;
    for (let i = 0; i < count; i++) {
      let requested: number;
      let updated: number;
      if (stage === 'rate') {
        requested = daytime(rng, cstMs(2026, 8, 1), cstMs(2026, 10, 12, 21));
        updated = requested + rng.int(4, 18) * DAY_MS + rng.int(0, 8) * HOUR_MS;
      } else if (i < overdue) {
        requested = daytime(rng, cstMs(2026, 8, 15), cstMs(2026, 10, 15, 21));
        updated = requested + rng.int(1, 9) * DAY_MS + rng.int(0, 8) * HOUR_MS;
      } else {
        const [from, to] = RECENT_WINDOW[stage];
        const k = Object.keys(RECENT_WINDOW).indexOf(stage);
        requested = daytime(rng, from, to);
        // Each stage passed takes a few working hours to a day.
        const soonest = requested + (k * 6 + 0.5) * HOUR_MS;
        updated = daytime(rng, soonest, Math.max(soonest, Math.min(LAST_UPDATE_MS, requested + (k * 20 + 3) * HOUR_MS)));
      }
      updated = Math.max(requested, Math.min(updated, LAST_UPDATE_MS));
      const compound = rng.weighted(compounds, (c) => c.population * (c.builtYear < 1995 ? 1.6 : 1));
      const topic = rng.weighted(REQUEST_TOPICS, (t) => t.weight);
      const description = rng.pick(topic.texts).replace('{b}', String(rng.int(1, 12)));
      const draft: Draft = { stage, requested, updated: Math.floor(updated / 60_000) * 60_000, compound, code: topic.code, description };
      if (stage === 'rate') draft.rating = stars[i] ?? 5;
      drafts.push(draft);
    }
  }
  drafts.sort((a, b) => a.requested - b.requested);
  return drafts.map((d, i) => {
    const properties: RequestProps = {
      id: `r-${String(i + 1).padStart(3, '0')}`,
      service_request_id: `YF-2026-${String(i + 1).padStart(4, '0')}`,
      service_code: d.code,
      description: d.description,
      status: d.stage === 'rate' ? 'closed' : 'open',
      stage: d.stage,
      requested_datetime: isoCst(d.requested),
      updated_datetime: isoCst(Math.max(d.requested, d.updated)),
      expected_datetime: isoCst(d.requested + EXPECTED_AFTER_MS),
      compound_id: d.compound.id,
    };
    if (d.rating !== undefined) properties.rating = d.rating;
    return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: frame.toLonLat(pointInCompound(rng, d.compound)) } };
  });
}
