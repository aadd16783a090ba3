import type { Dataset } from '../dataset';

/** Counts per compound below this are shown as "<5" (DESIGN.md "Privacy"). */
export const SUPPRESS_BELOW = 5;

/** A count safe to show per compound: the number, or "<5" below the threshold. */
export function suppressedCount(count: number, below = SUPPRESS_BELOW): number | `<${number}` {
  return count < below ? `<${below}` : count;
}

export interface PersonalData {
  volunteerNames: number;
  volunteerPhones: number;
  requestTexts: number;
  staffContacts: number;
}

/** What personal data a dataset holds: names and phones of volunteers and grid staff, request texts. */
export function personalDataIn(dataset: Pick<Dataset, 'volunteers' | 'requests' | 'grids'>): PersonalData {
  const has = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  return {
    volunteerNames: dataset.volunteers.features.filter((v) => has(v.properties.name)).length,
    volunteerPhones: dataset.volunteers.features.filter((v) => has(v.properties.phone)).length,
    requestTexts: dataset.requests.features.filter((r) => has(r.properties.description)).length,
    staffContacts: dataset.grids.features.reduce((n, g) => n + (g.properties.staff ?? []).filter((s) => has(s.name) || has(s.phone)).length, 0),
  };
}

export function hasPersonalData(p: PersonalData): boolean {
  return p.volunteerNames + p.volunteerPhones + p.requestTexts + p.staffContacts > 0;
}
