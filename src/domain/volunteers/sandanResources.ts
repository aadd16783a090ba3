import OpeningHours from 'opening_hours';
import type { VolunteerProps } from '../dataset';
import { isKnownSkill, KNOWN_SKILLS } from './skills';
import { UNIT_KINDS, type PartnerUnit, type ResourceRef } from './sandan';

/** A Monday-to-Monday week without public holidays, in which weekly hours are counted. */
const WEEK_START = [2026, 5, 8] as const;
const WEEK_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Hours a volunteer is available in an ordinary week, from their `availability`
 * (opening-hours syntax): null when it is missing (no limit stated) or unreadable.
 */
export function weeklyHours(availability: string | undefined): number | null {
  if (!availability?.trim()) return null;
  try {
    const oh = new OpeningHours(availability, { address: { country_code: 'cn', state: '' } } as never);
    // Local-time Dates: the library reads local fields, which is what a weekly pattern is.
    const from = new Date(WEEK_START[0], WEEK_START[1], WEEK_START[2]);
    const to = new Date(from.getTime() + WEEK_MS);
    const [open] = oh.getOpenDuration(from, to);
    return Math.round((open / HOUR_MS) * 10) / 10;
  } catch {
    return null;
  }
}

export interface ResourceVolunteer {
  id: string;
  name?: string;
  skills: readonly string[];
  availability?: string;
}

/** One line of the 资源单: volunteers of a skill, or partner units of a kind. */
export interface ResourceLine {
  /** `skill:<skill>` or `unit:<kind>`. */
  key: string;
  kind: 'skill' | 'unit';
  /** The skill or the unit kind. */
  group: string;
  /** Volunteers with the skill, and their weekly hours summed (those with stated hours). */
  volunteers: number;
  weeklyHours: number;
  /** Volunteers of the skill who state no hours (available any time, or unknown). */
  openEnded: number;
  /** Active partner units of the kind, and their capacity summed (those that state one). */
  units: number;
  capacity: number;
  /** What a project can pick: the volunteers or units of the line, by name. */
  members: (ResourceRef & { name: string })[];
}

const skillOrder = (s: string) => (isKnownSkill(s) ? KNOWN_SKILLS.indexOf(s) : KNOWN_SKILLS.length);

/**
 * The 资源单: volunteers grouped by skill (one with two skills counts under both) with their
 * weekly hours, then the active partner units grouped by kind with their capacity.
 */
export function groupResources(
  volunteers: readonly ResourceVolunteer[],
  units: readonly Pick<PartnerUnit, 'id' | 'name' | 'kind' | 'capacity' | 'active'>[],
): ResourceLine[] {
  const skills = new Map<string, ResourceLine>();
  for (const v of volunteers) {
    const hours = weeklyHours(v.availability);
    for (const skill of new Set(v.skills)) {
      let line = skills.get(skill);
      if (!line)
        skills.set(
          skill,
          (line = { key: `skill:${skill}`, kind: 'skill', group: skill, volunteers: 0, weeklyHours: 0, openEnded: 0, units: 0, capacity: 0, members: [] }),
        );
      line.volunteers++;
      if (hours === null) line.openEnded++;
      else line.weeklyHours = Math.round((line.weeklyHours + hours) * 10) / 10;
      line.members.push({ kind: 'volunteer', id: v.id, name: v.name?.trim() || v.id });
    }
  }
  const kinds = new Map<string, ResourceLine>();
  for (const u of units) {
    if (!u.active) continue;
    let line = kinds.get(u.kind);
    if (!line)
      kinds.set(
        u.kind,
        (line = { key: `unit:${u.kind}`, kind: 'unit', group: u.kind, volunteers: 0, weeklyHours: 0, openEnded: 0, units: 0, capacity: 0, members: [] }),
      );
    line.units++;
    line.capacity += u.capacity ?? 0;
    line.members.push({ kind: 'unit', id: u.id, name: u.name });
  }
  const skillLines = [...skills.values()].sort((a, b) => skillOrder(a.group) - skillOrder(b.group) || a.group.localeCompare(b.group));
  const unitLines = [...kinds.values()].sort((a, b) => UNIT_KINDS.indexOf(a.group as never) - UNIT_KINDS.indexOf(b.group as never));
  return [...skillLines, ...unitLines];
}

/** Volunteers of a dataset as resources. */
export const resourceVolunteers = (features: readonly { properties: Pick<VolunteerProps, 'id' | 'name' | 'skills' | 'availability'> }[]): ResourceVolunteer[] =>
  features.map((f) => ({ id: f.properties.id, name: f.properties.name, skills: f.properties.skills, availability: f.properties.availability }));
