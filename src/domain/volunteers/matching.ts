import type { RequestProps, VolunteerProps } from '../dataset';
import { WALK_SPEED_M_PER_MIN } from '../geo';
import { availableVolunteers, type VolunteerFeature } from './availability';
import { serviceRadiusM } from './serviceRadius';
import { skillForCode } from './skills';

export interface MatchCandidate {
  volunteer: VolunteerProps;
  /** Metres walked from the volunteer to the request (straight-line without a network); null: no way. */
  walkM: number | null;
  /** walkM at the standard speed; null when unreachable. */
  minutes: number | null;
  /** The request lies within the volunteer's service radius. */
  withinRadius: boolean;
}

/**
 * Who could take a request now: volunteers with the skill its `service_code` calls for
 * (skills.ts), available at `at`. Returns the skill (null when no volunteer skill fits) and
 * the candidates, still unranked.
 */
export function matchingVolunteers(
  request: Pick<RequestProps, 'service_code'>,
  volunteers: readonly VolunteerFeature[],
  at: Date,
  timeZone: string,
): { skill: string | null; candidates: VolunteerFeature[] } {
  const skills = new Set(volunteers.flatMap((v) => v.properties.skills));
  const skill = skillForCode(request.service_code, skills);
  if (!skill) return { skill, candidates: [] };
  return { skill, candidates: availableVolunteers(volunteers, skill, at, timeZone).available };
}

/**
 * Candidates ranked by walking time to the request: reachable ones nearest first (ties by
 * id), then the unreachable ones. `walkM` gives the metres walked per volunteer id.
 */
export function rankByWalk(
  candidates: readonly VolunteerFeature[],
  walkM: ReadonlyMap<string, number | null>,
  speedMPerMin: number = WALK_SPEED_M_PER_MIN.standard,
): MatchCandidate[] {
  return candidates
    .map((v): MatchCandidate => {
      const m = walkM.get(v.properties.id) ?? null;
      return {
        volunteer: v.properties,
        walkM: m,
        minutes: m === null ? null : m / speedMPerMin,
        withinRadius: m !== null && m <= serviceRadiusM(v.properties),
      };
    })
    .sort((a, b) => (a.walkM ?? Infinity) - (b.walkM ?? Infinity) || a.volunteer.id.localeCompare(b.volunteer.id));
}
