import type { Feature, Point } from 'geojson';
import type { VolunteerProps } from '../dataset';
import { openState } from '../openingHours';

export type VolunteerFeature = Feature<Point, VolunteerProps>;

/**
 * 'yes' / 'no' from the volunteer's `availability` (opening_hours syntax) at `at`, in the
 * dataset's time zone, so "Mo-Su 22:00-06:00" covers Tuesday 03:00. Without availability
 * the volunteer set no limit: 'always'. Unreadable syntax: 'invalid' (never counted).
 */
export type Availability = 'yes' | 'no' | 'always' | 'invalid';

export function availabilityAt(availability: string | undefined, at: Date, timeZone: string): Availability {
  if (availability === undefined || availability.trim() === '') return 'always';
  const state = openState(availability, at, timeZone);
  if (state.error) return 'invalid';
  return state.state === 'open' ? 'yes' : 'no';
}

export interface AvailableVolunteers {
  /** With the skill (any skill when null) and available at the time (or without limits). */
  available: VolunteerFeature[];
  /** Of those, how many gave no availability (counted as always available). */
  withoutHours: number;
  /** Ids of volunteers with the skill whose availability could not be read (left out). */
  unreadable: string[];
  /** Volunteers with the skill, whatever the time. */
  withSkill: number;
}

/** The volunteers with `skill` (null = any) who can help at `at`. */
export function availableVolunteers(volunteers: readonly VolunteerFeature[], skill: string | null, at: Date, timeZone: string): AvailableVolunteers {
  const result: AvailableVolunteers = { available: [], withoutHours: 0, unreadable: [], withSkill: 0 };
  for (const v of volunteers) {
    if (skill !== null && !v.properties.skills.includes(skill)) continue;
    result.withSkill++;
    const state = availabilityAt(v.properties.availability, at, timeZone);
    if (state === 'invalid') result.unreadable.push(v.properties.id);
    else if (state !== 'no') {
      result.available.push(v);
      if (state === 'always') result.withoutHours++;
    }
  }
  return result;
}
