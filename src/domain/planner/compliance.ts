import { nearestOver, type DistanceState } from './distances';
import type { PlannerCompound } from './inputs';
import { isRequired, type Rule, type Ruleset } from './ruleset';

/**
 * Every compound checked against every rule of a ruleset. Each level has its own list and
 * distance (GB 50180-2018: the lists do not nest), so a rule is met only by a facility of its
 * own categories within its own distance. A rule whose categories the dataset holds no
 * facility of at all is "no data", never a gap.
 */

export type RuleStatus = 'met' | 'unmet' | 'no-data' | 'not-checked';

export interface RuleResult {
  status: RuleStatus;
  /** Metres to the nearest qualifying facility (null: none reachable, or not a distance rule). */
  walkM: number | null;
  facilityId: string | null;
  /** The nearest qualifying facility is a what-if proposal. */
  proposed: boolean;
}

export interface CompoundCompliance {
  compound: PlannerCompound;
  /** Parallel to ruleset.rules. */
  results: RuleResult[];
  metRequired: number;
  unmetRequired: number;
  metOptional: number;
  unmetOptional: number;
  /** Share of the checked ▲ rules that are met, 0–1; null when no ▲ rule could be checked. */
  score: number | null;
}

export interface PeopleCount {
  compounds: number;
  residents: number;
  elderly60: number;
  elderly80: number;
}

export interface RuleSummary {
  rule: Rule;
  /** 'checked', 'no-data' (no facility of its categories in the dataset) or 'not-checked'. */
  state: 'checked' | 'no-data' | 'not-checked';
  met: PeopleCount;
  /** Compounds that miss it, and their residents: who is affected by the gap. */
  unmet: PeopleCount;
  noData: PeopleCount;
}

export interface Compliance {
  ruleset: Ruleset;
  compounds: CompoundCompliance[];
  rules: RuleSummary[];
}

const NOT_CHECKED: RuleResult = { status: 'not-checked', walkM: null, facilityId: null, proposed: false };

function ruleResult(rule: Rule, state: DistanceState, index: number, dataCategories: ReadonlySet<string>): RuleResult {
  if (rule.check === 'none') return NOT_CHECKED;
  const compound = state.compounds[index]!;
  if (rule.check === 'attribute') {
    const value = compound.propertyManagement;
    return { status: value === undefined ? 'no-data' : value ? 'met' : 'unmet', walkM: null, facilityId: null, proposed: false };
  }
  const nearest = nearestOver(state, rule.categories, index);
  const walkM = nearest ? nearest.walkM : null;
  const within = walkM !== null && walkM <= rule.distanceM!;
  const hasData = rule.categories.some((c) => dataCategories.has(c));
  const status: RuleStatus = within ? 'met' : hasData ? 'unmet' : 'no-data';
  return { status, walkM, facilityId: nearest?.facility.facility.id ?? null, proposed: nearest?.facility.proposed ?? false };
}

const zero = (): PeopleCount => ({ compounds: 0, residents: 0, elderly60: 0, elderly80: 0 });
/** Counts a compound and its residents in. */
export function addPeople(count: PeopleCount, c: PlannerCompound): void {
  count.compounds++;
  count.residents += c.population;
  count.elderly60 += c.elderly60;
  count.elderly80 += c.elderly80;
}

/** The categories the dataset holds at least one facility of (before any what-if). */
export function dataCategoriesOf(facilities: readonly { category: string }[]): Set<string> {
  return new Set(facilities.map((f) => f.category));
}

function compoundCompliance(ruleset: Ruleset, state: DistanceState, index: number, dataCategories: ReadonlySet<string>): CompoundCompliance {
  const results = ruleset.rules.map((rule) => ruleResult(rule, state, index, dataCategories));
  const tally = { metRequired: 0, unmetRequired: 0, metOptional: 0, unmetOptional: 0 };
  results.forEach((r, k) => {
    const required = isRequired(ruleset.rules[k]!);
    if (r.status === 'met') tally[required ? 'metRequired' : 'metOptional']++;
    if (r.status === 'unmet') tally[required ? 'unmetRequired' : 'unmetOptional']++;
  });
  const checked = tally.metRequired + tally.unmetRequired;
  return { compound: state.compounds[index]!, results, ...tally, score: checked > 0 ? tally.metRequired / checked : null };
}

export function evaluateCompliance(ruleset: Ruleset, state: DistanceState, dataCategories: ReadonlySet<string>): Compliance {
  const compounds = state.compounds.map((_, index) => compoundCompliance(ruleset, state, index, dataCategories));
  return { ruleset, compounds, rules: tallyRules(ruleset, compounds) };
}

/**
 * The compounds whose row can differ between two states of the same compounds: a distance or
 * nearest facility changed in a column the states do not share, or the compound itself changed
 * (a new gate). Ascending.
 */
export function changedCompounds(before: DistanceState, after: DistanceState): number[] {
  const changed = new Uint8Array(after.compounds.length);
  for (const [category, column] of after.columns) {
    const old = before.columns.get(category);
    if (old === column) continue;
    for (let i = 0; i < changed.length; i++) {
      if (!old || old.walkM[i] !== column.walkM[i] || old.facility[i] !== column.facility[i]) changed[i] = 1;
    }
  }
  for (let i = 0; i < changed.length; i++) if (before.compounds[i] !== after.compounds[i]) changed[i] = 1;
  const indices: number[] = [];
  changed.forEach((c, i) => c && indices.push(i));
  return indices;
}

/**
 * The compliance of `after`, given that of `before` (the same ruleset and compounds): only the
 * compounds whose distances changed are checked again and only their rule counts move, so a
 * what-if at city scale costs what it changed, not compounds × rules. Equal to
 * evaluateCompliance(after) (a unit test compares them); unchanged rows and rules are shared.
 * Also says who gained and who lost each rule, as compareCompliance would.
 */
export function updateCompliance(
  previous: Compliance,
  before: DistanceState,
  after: DistanceState,
  dataCategories: ReadonlySet<string>,
): { compliance: Compliance; changes: RuleChangeCounts[] } {
  const { ruleset } = previous;
  const compounds = previous.compounds.slice();
  const rules = previous.rules.slice();
  const gained = ruleset.rules.map(() => [] as number[]);
  const lost = ruleset.rules.map(() => [] as number[]);
  const touched = new Set<number>();
  const own = (k: number): RuleSummary => {
    if (!touched.has(k)) {
      touched.add(k);
      const r = rules[k]!;
      rules[k] = { ...r, met: { ...r.met }, unmet: { ...r.unmet }, noData: { ...r.noData } };
    }
    return rules[k]!;
  };
  for (const i of changedCompounds(before, after)) {
    const was = compounds[i]!;
    const now = compoundCompliance(ruleset, after, i, dataCategories);
    compounds[i] = now;
    now.results.forEach((r, k) => {
      const old = was.results[k]!.status;
      if (old === r.status) return;
      const summary = own(k);
      if (old !== 'not-checked') remove(bucket(summary, old), was.compound);
      if (r.status !== 'not-checked') addPeople(bucket(summary, r.status), now.compound);
      if (r.status === 'met') gained[k]!.push(i);
      else if (old === 'met') lost[k]!.push(i);
    });
  }
  for (const k of touched) {
    const summary = rules[k]!;
    if (summary.rule.check !== 'none') summary.state = summary.met.compounds + summary.unmet.compounds > 0 ? 'checked' : 'no-data';
  }
  const changes = ruleset.rules.flatMap((_, k) => (gained[k]!.length + lost[k]!.length > 0 ? [{ ruleIndex: k, gained: gained[k]!, lost: lost[k]! }] : []));
  return { compliance: { ruleset, compounds, rules }, changes };
}

/** Per rule changed by a step: the indices of the compounds that now meet it, and of those that no longer do. */
export interface RuleChangeCounts {
  ruleIndex: number;
  gained: number[];
  lost: number[];
}

function bucket(summary: RuleSummary, status: Exclude<RuleStatus, 'not-checked'>): PeopleCount {
  return status === 'met' ? summary.met : status === 'unmet' ? summary.unmet : summary.noData;
}

function remove(count: PeopleCount, c: PlannerCompound): void {
  count.compounds--;
  count.residents -= c.population;
  count.elderly60 -= c.elderly60;
  count.elderly80 -= c.elderly80;
}

function tallyRules(ruleset: Ruleset, compounds: readonly CompoundCompliance[]): RuleSummary[] {
  return ruleset.rules.map((rule, k): RuleSummary => {
    const summary: RuleSummary = { rule, state: 'not-checked', met: zero(), unmet: zero(), noData: zero() };
    for (const c of compounds) {
      const status = c.results[k]!.status;
      if (status === 'met') addPeople(summary.met, c.compound);
      else if (status === 'unmet') addPeople(summary.unmet, c.compound);
      else if (status === 'no-data') addPeople(summary.noData, c.compound);
    }
    if (rule.check !== 'none') summary.state = summary.met.compounds + summary.unmet.compounds > 0 ? 'checked' : 'no-data';
    return summary;
  });
}

/** The same compliance for some of the compounds only (a community's report), rules re-tallied. */
export function restrictCompliance(compliance: Compliance, keep: (c: CompoundCompliance) => boolean): Compliance {
  const compounds = compliance.compounds.filter(keep);
  return { ruleset: compliance.ruleset, compounds, rules: tallyRules(compliance.ruleset, compounds) };
}
