import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LonLat } from '../../domain/geo';
import { availableVolunteers } from '../../domain/volunteers/availability';
import { matchingVolunteers, rankByWalk } from '../../domain/volunteers/matching';
import { volunteerSites } from '../../domain/volunteers/coverageSites';
import { useStore } from '../../store';
import { coverageInstantOf, requestsOf, timeZoneOf, volunteersOf } from '../../store/volunteersSlice';
import { walkingSession } from '../../workers/sessionClient';

const MINUTE_MS = 60_000;

/** A number per array object, so a re-read volunteers file makes a new coverage key. */
const versions = new WeakMap<object, number>();
let nextVersion = 1;
function versionOf(value: object): number {
  let v = versions.get(value);
  if (v === undefined) versions.set(value, (v = nextVersion++));
  return v;
}

/** Names one coverage question: the skill, the volunteers data and who is available. */
export function coverageKeyOf(skill: string | null, volunteers: object, ids: readonly string[]): string {
  return `${skill ?? '*'}|v${versionOf(volunteers)}|${ids.join(',')}`;
}

/** Who can help with the chosen skill at the chosen time (cheap: parsed hours are cached). */
export function useAvailability() {
  const { volunteers, skill, instant, timeZone } = useStore(
    useShallow((s) => ({ volunteers: volunteersOf(s), skill: s.coverageSkill, instant: coverageInstantOf(s).getTime(), timeZone: timeZoneOf(s) })),
  );
  return useMemo(() => availableVolunteers(volunteers, skill, new Date(instant), timeZone), [volunteers, skill, instant, timeZone]);
}

/** Keeps the view's clock ticking at the start of every minute. */
function useMinuteTick(): void {
  const tick = useStore((s) => s.tickVolunteers);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          tick(Date.now());
          schedule();
        },
        MINUTE_MS - (Date.now() % MINUTE_MS),
      );
    };
    tick(Date.now());
    schedule();
    return () => clearTimeout(timer);
  }, [tick]);
}

/**
 * Runs the volunteers engine for the view: loads the dataset into it, follows live volunteer
 * data, asks for the coverage of the chosen skill and time, and ranks volunteers for the
 * selected request. Results land in the store (volunteersSlice).
 */
export function useVolunteerEngine(): void {
  useMinuteTick();
  const { dataset, volunteers, ready, selected, requests, now, timeZone, coverageKey } = useStore(
    useShallow((s) => ({
      dataset: s.dataset,
      volunteers: volunteersOf(s),
      ready: s.volunteerEngine.dataset === s.dataset && s.dataset !== null,
      selected: s.selectedRequestId,
      requests: requestsOf(s),
      now: s.volNow,
      timeZone: timeZoneOf(s),
      coverageKey: s.coverageKey,
    })),
  );
  const loaded = useRef<object | null>(null);

  useEffect(() => {
    // Entering the view again with the same data: the engine already holds it.
    if (!dataset || useStore.getState().volunteerEngine.dataset === dataset) return;
    const current = volunteersOf(useStore.getState());
    loaded.current = current;
    const session = walkingSession();
    void session.load(dataset).then(async (ready) => {
      if (!ready) return;
      session.setVolunteers(volunteerSites(current));
      const gaps = await session.ask('gaps', {});
      if (gaps && useStore.getState().dataset === dataset) useStore.getState().volunteerEngineReady(dataset, ready.hasNetwork, gaps.answer);
    });
  }, [dataset]);

  useEffect(() => {
    if (!ready || loaded.current === volunteers) return;
    loaded.current = volunteers;
    walkingSession().setVolunteers(volunteerSites(volunteers));
  }, [ready, volunteers]);

  const availability = useAvailability();
  const skill = useStore((s) => s.coverageSkill);
  const ids = availability.available.map((v) => v.properties.id);
  const key = coverageKeyOf(skill, volunteers, ids);
  const idsRef = useRef(ids);
  idsRef.current = ids;
  useEffect(() => {
    if (!ready || key === coverageKey) return;
    const asked = idsRef.current;
    void walkingSession()
      .ask('coverage', { ids: asked })
      .then((answered) => {
        if (answered) useStore.getState().coverageDone(key, answered.answer, asked);
      });
  }, [ready, key, coverageKey]);

  const request = selected ? requests.find((r) => r.properties.id === selected) : undefined;
  useEffect(() => {
    if (!ready || !request) return;
    const { skill: wanted, candidates } = matchingVolunteers(request.properties, volunteers, new Date(now), timeZone);
    const done = useStore.getState().matchesDone;
    if (candidates.length === 0) return done({ requestId: request.properties.id, skill: wanted, candidates: [] });
    void walkingSession()
      .ask('reach', { point: request.geometry.coordinates as LonLat, ids: candidates.map((v) => v.properties.id) })
      .then((answered) => {
        const metres = answered && new Map(answered.answer);
        if (metres) done({ requestId: request.properties.id, skill: wanted, candidates: rankByWalk(candidates, metres) });
      });
  }, [ready, request, volunteers, now, timeZone]);
}
