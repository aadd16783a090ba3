import type { AreaSummary } from './summaries';
import type { PlannerResultView } from './view';
import type { Ruleset } from './ruleset';

/**
 * The `compliance` section of the analysis report (`npm run analyze -- --ruleset <id>`):
 * the same figures as the planner view, every one traceable to a rule and its clause.
 */

const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (share: number | null) => (share === null ? null : round1(share * 100));

function area(a: AreaSummary) {
  return {
    id: a.id,
    compounds: a.people.compounds,
    residents: a.people.residents,
    elderly60: a.people.elderly60,
    elderly80: a.people.elderly80,
    score_pct: pct(a.score),
    compounds_with_required_gaps: a.withGaps.compounds,
    residents_with_required_gaps: a.withGaps.residents,
    elderly60_with_required_gaps: a.withGaps.elderly60,
    unmet_required: a.unmetRequired,
  };
}

export function complianceSection(ruleset: Ruleset, result: PlannerResultView, network: boolean) {
  const { compliance, canteens } = result;
  return {
    ruleset: { id: ruleset.id, version: ruleset.version, document: ruleset.document, name: ruleset.name, nesting: ruleset.nesting },
    distance_kind: network ? ('network' as const) : ('straight-line' as const),
    score: 'share of the checked ▲ (required) rules a compound meets, in %; areas weight compounds by residents',
    total: area(result.total),
    rules: compliance.rules.map((s) => ({
      id: s.rule.id,
      item: s.rule.item,
      level: s.rule.level,
      mark: s.rule.mark,
      required: s.rule.mark === '▲',
      check: s.rule.check,
      categories: s.rule.categories,
      distance_m: s.rule.distanceM,
      distance_source: s.rule.distanceSource,
      clause: s.rule.clause,
      verified: s.rule.verified,
      state: s.state,
      met_compounds: s.met.compounds,
      unmet_compounds: s.unmet.compounds,
      no_data_compounds: s.noData.compounds,
      residents_affected: s.unmet.residents,
      elderly60_affected: s.unmet.elderly60,
      elderly80_affected: s.unmet.elderly80,
    })),
    compounds: compliance.compounds.map((c) => ({
      id: c.compound.id,
      score_pct: pct(c.score),
      met_required: c.metRequired,
      unmet_required: c.unmetRequired,
      unmet: c.results.flatMap((r, k) =>
        r.status === 'unmet' ? [{ rule: ruleset.rules[k]!.id, walk_m: r.walkM === null || !Number.isFinite(r.walkM) ? null : round1(r.walkM) }] : [],
      ),
      no_data: c.results.flatMap((r, k) => (r.status === 'no-data' ? [ruleset.rules[k]!.id] : [])),
    })),
    communities: result.communities.map(area),
    grids: result.grids.map(area),
    canteens: {
      method: 'two-step floating catchment (Luo & Wang 2003), seats per 100 residents aged 60+',
      catchment_m: canteens.settings.catchmentM,
      target_seats_per_100: canteens.settings.targetSeatsPer100,
      canteens: canteens.canteens.map((c) => ({
        facility_id: c.facility.id,
        seats: c.capacity,
        compounds_in_catchment: c.compoundsInCatchment,
        elderly60_in_catchment: c.elderlyInCatchment,
        seats_per_100: c.seatsPer100 === null ? null : round1(c.seatsPer100),
      })),
      under_served: canteens.compounds.filter((c) => c.underServed).map((c) => c.compoundId),
      not_reached: canteens.compounds.filter((c) => c.reachedBy === 0).map((c) => c.compoundId),
    },
  };
}

export type ComplianceSection = ReturnType<typeof complianceSection>;
