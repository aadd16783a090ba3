import type { Dataset, RequestStage } from '../dataset';
import type { NetworkOrContext } from '../engine/context';
import { instantOfWallClock, wallClockIn } from '../wallClock';
import { VolunteerCoverage } from '../volunteers/coverage';
import { compoundSites, volunteerSites } from '../volunteers/coverageSites';
import { suppressedCount } from '../volunteers/privacy';
import { parseInstant, snapshotClock, DEFAULT_TIME_ZONE } from '../volunteers/time';
import { STAGES } from '../volunteers/workflow';
import type { Tone } from './gapSummary';

/** A count as a public screen may show it: the number, or "<5" (DESIGN.md "Privacy"). */
export type PublicCount = number | `<${number}`;

/** Volunteer coverage as the hall shows it: counts and shares only, never a person or a home. */
export interface VolunteerAggregate {
  volunteers: PublicCount;
  /** Per skill present in the data, in the project's skill order. */
  bySkill: { skill: string; count: PublicCount }[];
  /** Residents with at least one volunteer within reach, and all residents. */
  population: { covered: number; total: number };
  elderly60: { covered: number; total: number };
  /** Per compound: 0 = five or more volunteers reach it, 1 = fewer than five, 2 = none. */
  tones: Record<string, Tone>;
  distance: 'network' | 'straight-line';
}

/** Requests worked on in one calendar month, by the stage they are at now. */
export interface RequestAggregate {
  /** The month, e.g. "2026-10", and the instant counting stops at (ISO). */
  month: string;
  until: string;
  total: PublicCount;
  byStage: { stage: RequestStage; count: PublicCount }[];
}

export interface CommunityStats {
  volunteers: VolunteerAggregate | null;
  requests: RequestAggregate | null;
}

/**
 * Who the volunteer team reaches, compound by compound: one walk per volunteer within their
 * service radius (the volunteers view's coverage), reported only as counts per compound
 * tier, per skill (suppressed below five) and residents covered.
 */
export function volunteerAggregate(dataset: Dataset, ctx?: NetworkOrContext): VolunteerAggregate | null {
  const volunteers = dataset.volunteers.features;
  if (volunteers.length === 0) return null;
  const compounds = compoundSites(dataset);
  const sites = volunteerSites(volunteers);
  const result = new VolunteerCoverage(ctx === undefined ? dataset.network : ctx, compounds, sites).coverage(sites.map((s) => s.id));
  const reached = new Map(result.covered.map((c) => [c.id, c.volunteers]));
  const tones: Record<string, Tone> = {};
  for (const c of compounds) {
    const n = reached.get(c.id) ?? 0;
    tones[c.id] = n >= 5 ? 0 : n > 0 ? 1 : 2;
  }
  const skills = new Map<string, number>();
  for (const v of volunteers) for (const skill of new Set(v.properties.skills)) skills.set(skill, (skills.get(skill) ?? 0) + 1);
  return {
    volunteers: suppressedCount(volunteers.length),
    bySkill: [...skills].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([skill, n]) => ({ skill, count: suppressedCount(n) })),
    population: result.population,
    elderly60: result.elderly60,
    tones,
    distance: result.distance,
  };
}

/**
 * The month whose requests the hall reports: the month before the data's snapshot instant
 * (`snapshotClock`: the start of its "as of" day, or now), so data "as of 1 November"
 * reports October up to 1 November and live data reports this month so far.
 */
export function requestMonth(now: Date, dataAsOf: string | undefined, timeZone: string): { month: string; from: Date; until: Date } {
  const until = snapshotClock(now, dataAsOf, timeZone);
  const wall = wallClockIn(new Date(until.getTime() - 1), timeZone);
  const from = instantOfWallClock({ year: wall.year, month: wall.month, day: 1, hour: 0, minute: 0, second: 0 }, timeZone);
  return { month: `${wall.year}-${String(wall.month).padStart(2, '0')}`, from, until };
}

/** Requests requested or updated within the month, by their current stage; counts below five suppressed. */
export function requestAggregate(dataset: Dataset, now: Date): RequestAggregate | null {
  const requests = dataset.requests.features;
  if (requests.length === 0) return null;
  const timeZone = dataset.manifest.timezone ?? DEFAULT_TIME_ZONE;
  const { month, from, until } = requestMonth(now, dataset.manifest.dataAsOf, timeZone);
  const counts = new Map<RequestStage, number>(STAGES.map((s) => [s, 0]));
  let total = 0;
  for (const r of requests) {
    const times = [r.properties.requested_datetime, r.properties.updated_datetime].map((t) => parseInstant(t, timeZone)).filter((t) => t !== null);
    if (!times.some((t) => t >= from && t < until)) continue;
    counts.set(r.properties.stage, (counts.get(r.properties.stage) ?? 0) + 1);
    total++;
  }
  return {
    month,
    until: until.toISOString(),
    total: suppressedCount(total),
    byStage: STAGES.map((stage) => ({ stage, count: suppressedCount(counts.get(stage) ?? 0) })),
  };
}

/** Give the session's walking context to share its graph; without one the dataset's network is built. */
export function communityStats(dataset: Dataset, now: Date, ctx?: NetworkOrContext): CommunityStats {
  return { volunteers: volunteerAggregate(dataset, ctx), requests: requestAggregate(dataset, now) };
}
