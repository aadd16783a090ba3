import type { Compliance, CompoundCompliance, PeopleCount, RuleSummary } from './compliance';

/** Per community or per grid (the seeds' 社区 → 网格 levels), or the whole dataset. */
export interface AreaSummary {
  /** Community or grid id; null for compounds that name none. */
  id: string | null;
  people: PeopleCount;
  /** Population-weighted mean of the compounds' scores, 0–1; null when none could be scored. */
  score: number | null;
  /** Compounds missing at least one ▲ rule, with their residents. */
  withGaps: PeopleCount;
  /** Unmet ▲ rules summed over the compounds (compound × rule pairs). */
  unmetRequired: number;
}

const zero = (): PeopleCount => ({ compounds: 0, residents: 0, elderly60: 0, elderly80: 0 });

function summarize(id: string | null, members: readonly CompoundCompliance[]): AreaSummary {
  const people = zero();
  const withGaps = zero();
  let weighted = 0;
  let weight = 0;
  let plain = 0;
  let scored = 0;
  let unmetRequired = 0;
  for (const m of members) {
    const c = m.compound;
    for (const count of m.unmetRequired > 0 ? [people, withGaps] : [people]) {
      count.compounds++;
      count.residents += c.population;
      count.elderly60 += c.elderly60;
      count.elderly80 += c.elderly80;
    }
    unmetRequired += m.unmetRequired;
    if (m.score === null) continue;
    weighted += m.score * c.population;
    weight += c.population;
    plain += m.score;
    scored++;
  }
  const score = scored === 0 ? null : weight > 0 ? weighted / weight : plain / scored;
  return { id, people, score, withGaps, unmetRequired };
}

/** One summary per community or per grid, in order of first appearance; compounds without one last. */
export function areaSummaries(compliance: Compliance, level: 'community' | 'grid'): AreaSummary[] {
  const groups = new Map<string | null, CompoundCompliance[]>();
  for (const c of compliance.compounds) {
    const id = (level === 'community' ? c.compound.communityId : c.compound.gridId) ?? null;
    const members = groups.get(id);
    if (members) members.push(c);
    else groups.set(id, [c]);
  }
  const ids = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : 0));
  return ids.map((id) => summarize(id, groups.get(id)!));
}

export function totalSummary(compliance: Compliance): AreaSummary {
  return summarize(null, compliance.compounds);
}

/** Share of residents and of 60+ residents whose compound meets the rule, among those checked (null: not checked). */
export function coverageShare(summary: RuleSummary): { residents: number; elderly60: number } | null {
  if (summary.state !== 'checked') return null;
  const residents = summary.met.residents + summary.unmet.residents;
  const elderly = summary.met.elderly60 + summary.unmet.elderly60;
  return { residents: residents > 0 ? summary.met.residents / residents : 0, elderly60: elderly > 0 ? summary.met.elderly60 / elderly : 0 };
}
