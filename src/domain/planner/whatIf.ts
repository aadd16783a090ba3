import type { LonLat } from '../geo';
import { addPeople, type Compliance, type PeopleCount, type RuleChangeCounts } from './compliance';
import type { PlannerCompound } from './inputs';
import { withFacility, withGate, withoutFacility, type DistanceState, type WalkContext } from './distances';
import type { PlannerFacility } from './inputs';

/**
 * What-if changes and scenarios. A scenario is a named list of changes applied in order to
 * the baseline; undoing is dropping the last one. Comparing two results says, per rule, who
 * gains a facility within its distance and who loses one.
 */

export type Change =
  | { kind: 'add-facility'; facility: PlannerFacility }
  | { kind: 'close-facility'; facilityId: string }
  | { kind: 'add-gate'; gateId: string; compoundId: string; point: LonLat };

export interface Scenario {
  id: string;
  name: string;
  changes: Change[];
}

export function applyChange(ctx: WalkContext | null, state: DistanceState, change: Change): DistanceState {
  switch (change.kind) {
    case 'add-facility':
      return withFacility(ctx, state, change.facility);
    case 'close-facility':
      return withoutFacility(ctx, state, change.facilityId);
    case 'add-gate':
      return withGate(ctx, state, change.compoundId, change.point);
  }
}

export interface RuleChange {
  ruleIndex: number;
  /** Compounds that meet the rule now and did not before, with their residents. */
  gained: PeopleCount & { compoundIds: string[] };
  /** Compounds that met it before and do not now (a facility closed). */
  lost: PeopleCount & { compoundIds: string[] };
}

const zero = () => ({ compounds: 0, residents: 0, elderly60: 0, elderly80: 0, compoundIds: [] as string[] });

function countIn(count: ReturnType<typeof zero>, compound: PlannerCompound): void {
  addPeople(count, compound);
  count.compoundIds.push(compound.id);
}

/**
 * Per rule, who gains and who loses between two results of the same ruleset and compounds;
 * rules with no change are left out. A compound whose row is the very row of `before` (a
 * what-if shares the rows it did not check again, on the page too) changed nothing and is
 * not read: at city scale a scenario is compared in its changed rows, not in 5,000.
 */
export function compareCompliance(before: Compliance, after: Compliance): RuleChange[] {
  const apart: number[] = [];
  before.compounds.forEach((b, i) => b !== after.compounds[i] && apart.push(i));
  const changes: RuleChange[] = [];
  before.ruleset.rules.forEach((_, k) => {
    const change: RuleChange = { ruleIndex: k, gained: zero(), lost: zero() };
    for (const i of apart) {
      const a = after.compounds[i]!;
      const was = before.compounds[i]!.results[k]!.status === 'met';
      const now = a.results[k]!.status === 'met';
      if (was !== now) countIn(now ? change.gained : change.lost, a.compound);
    }
    if (change.gained.compounds + change.lost.compounds > 0) changes.push(change);
  });
  return changes;
}

/** The RuleChanges of updateCompliance's per-rule compound indices, counted on the compliance after the step. */
export function ruleChangesOf(after: Compliance, counts: readonly RuleChangeCounts[]): RuleChange[] {
  const tally = (indices: readonly number[]) => {
    const count = zero();
    for (const i of indices) countIn(count, after.compounds[i]!.compound);
    return count;
  };
  return counts.map(({ ruleIndex, gained, lost }) => ({ ruleIndex, gained: tally(gained), lost: tally(lost) }));
}
