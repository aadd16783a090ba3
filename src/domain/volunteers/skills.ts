import type { VolunteerProps } from '../dataset';

/**
 * Volunteer skills (DATA-CONTRACT.md, volunteers.geojson) in the order the seeds' teams
 * list them: 医护 (medical), 陪同 (escort), 维修 (repair), 跑腿代办 (errand), 陪伴 (companionship),
 * 调解 (mediation). Datasets may use other skills; they are kept and listed after these.
 */
export const KNOWN_SKILLS = ['medical', 'escort', 'repair', 'errand', 'companionship', 'mediation'] as const;
export type KnownSkill = (typeof KNOWN_SKILLS)[number];

export function isKnownSkill(code: string): code is KnownSkill {
  return (KNOWN_SKILLS as readonly string[]).includes(code);
}

/**
 * Which volunteer skill answers a request coded with a facility category, as the seeds'
 * "one call, doorstep help" (一个电话，上门服务) does: medicine and meals are fetched (errand),
 * a clinic visit is a medical volunteer's call, day care becomes companionship. Categories
 * not listed here have no volunteer counterpart.
 */
export const CATEGORY_SKILL: Readonly<Record<string, KnownSkill>> = {
  clinic: 'medical',
  health_center: 'medical',
  pharmacy: 'errand',
  canteen: 'errand',
  market: 'errand',
  supermarket: 'errand',
  convenience: 'errand',
  community_service: 'errand',
  elderly_care: 'companionship',
};

/** The skill a request's `service_code` calls for: the code itself when it is a skill, else its category's counterpart. */
export function skillForCode(code: string, skillsInData: ReadonlySet<string> = new Set()): string | null {
  if (isKnownSkill(code) || skillsInData.has(code)) return code;
  return CATEGORY_SKILL[code] ?? null;
}

/** Every skill the volunteers hold: known skills first (in KNOWN_SKILLS order), then the others by name. */
export function skillsPresent(volunteers: readonly Pick<VolunteerProps, 'skills'>[]): string[] {
  const present = new Set(volunteers.flatMap((v) => v.skills));
  const known = KNOWN_SKILLS.filter((s) => present.has(s));
  const other = [...present].filter((s) => !isKnownSkill(s)).sort((a, b) => a.localeCompare(b));
  return [...known, ...other];
}
