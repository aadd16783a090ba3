import type { Compliance, CompoundCompliance, RuleResult, RuleStatus } from './compliance';
import type { CanteenResult } from './canteens';
import type { FacilityEntry } from './distances';
import type { PlannerResult } from './model';

/**
 * A planner result as the views receive it from the walking session: of the distance state
 * only its facilities (with what-if proposals and closures); the search fields, snaps and
 * distance columns stay in the session's worker for the next what-if.
 */
export interface PlannerStateView {
  facilities: readonly Pick<FacilityEntry, 'facility' | 'open' | 'proposed'>[];
}

export type PlannerResultView = Omit<PlannerResult, 'state'> & { state: PlannerStateView };

export function plannerView(result: PlannerResult): PlannerResultView {
  const { state, ...rest } = result;
  return {
    ...rest,
    state: {
      facilities: state.facilities.map(({ facility, open, proposed }) => ({ facility, open, proposed })),
    },
  };
}

const STATUSES: readonly RuleStatus[] = ['met', 'unmet', 'no-data', 'not-checked'];
const STATUS_CODE: Readonly<Record<RuleStatus, number>> = { met: 0, unmet: 1, 'no-data': 2, 'not-checked': 3 };

/**
 * A compliance as it crosses from the session's worker to the page: every compound's rule
 * results (compounds × rules objects, 15 MB at 5,000 compounds) as a few typed arrays,
 * transferred, not copied. The page rebuilds a compound's results when they are first read.
 * A what-if result is sent against the baseline the page holds: only the compounds whose row
 * is not the baseline's (`indices`), so a change that moves 50 compounds sends 50 rows.
 */
export interface PackedCompliance {
  ruleset: Compliance['ruleset'];
  rules: Compliance['rules'];
  /** Parallel to `indices` when given, else to all compounds. */
  compounds: Omit<CompoundCompliance, 'results'>[];
  /** Null: every compound is here; else the indices of the compounds that differ from the baseline's. */
  indices: Int32Array | null;
  ruleCount: number;
  status: Uint8Array;
  /** NaN for null. */
  walkM: Float64Array;
  /** Index into facilityIds, -1 for null. */
  facility: Int32Array;
  facilityIds: string[];
  proposed: Uint8Array;
}

/** Canteen access against the baseline's: only the compounds whose access changed. */
export interface CanteenDelta {
  indices: number[];
  compounds: CanteenResult['compounds'];
}

export type PlannerResultWire = Omit<PlannerResultView, 'compliance' | 'canteens'> & {
  compliance: PackedCompliance;
  canteens: Omit<CanteenResult, 'compounds'> & { compounds: CanteenResult['compounds'] | CanteenDelta };
};

/** Rows of `compliance` that are not the very rows of `base` (what-if steps share unchanged rows), or null for all. */
function rowsApart(compliance: Compliance, base: Compliance | undefined): number[] | null {
  if (!base || base.ruleset !== compliance.ruleset || base.compounds.length !== compliance.compounds.length) return null;
  const indices: number[] = [];
  compliance.compounds.forEach((c, i) => c !== base.compounds[i] && indices.push(i));
  return indices;
}

export function packCompliance(compliance: Compliance, base?: Compliance): PackedCompliance {
  const ruleCount = compliance.ruleset.rules.length;
  const apart = rowsApart(compliance, base);
  const rows = apart ? apart.map((i) => compliance.compounds[i]!) : compliance.compounds;
  const n = rows.length * ruleCount;
  const packed: PackedCompliance = {
    ruleset: compliance.ruleset,
    rules: compliance.rules,
    compounds: rows.map(({ results: _results, ...rest }) => rest),
    indices: apart ? Int32Array.from(apart) : null,
    ruleCount,
    status: new Uint8Array(n),
    walkM: new Float64Array(n),
    facility: new Int32Array(n),
    facilityIds: [],
    proposed: new Uint8Array(n),
  };
  const ids = new Map<string, number>();
  rows.forEach((c, i) => {
    const results = c.results;
    for (let k = 0; k < ruleCount; k++) {
      const r = results[k]!;
      const at = i * ruleCount + k;
      packed.status[at] = STATUS_CODE[r.status];
      packed.walkM[at] = r.walkM ?? NaN;
      let id = -1;
      if (r.facilityId !== null) {
        id = ids.get(r.facilityId) ?? -1;
        if (id < 0) ids.set(r.facilityId, (id = packed.facilityIds.push(r.facilityId) - 1));
      }
      packed.facility[at] = id;
      packed.proposed[at] = r.proposed ? 1 : 0;
    }
  });
  return packed;
}

/** The buffers of a packed result, to transfer with it. */
export const packedBuffers = (p: PackedCompliance): ArrayBuffer[] =>
  [p.status.buffer, p.walkM.buffer, p.facility.buffer, p.proposed.buffer, ...(p.indices ? [p.indices.buffer] : [])] as ArrayBuffer[];

/**
 * The compliance again; each compound's `results` are made from the arrays when first read.
 * A packed what-if result needs the baseline it was packed against.
 */
export function unpackCompliance(p: PackedCompliance, base?: Compliance): Compliance {
  const rows = p.compounds.map((summary, i) => {
    let results: RuleResult[] | null = null;
    const decode = (): RuleResult[] => {
      results = [];
      for (let k = 0; k < p.ruleCount; k++) {
        const at = i * p.ruleCount + k;
        const walkM = p.walkM[at]!;
        const facility = p.facility[at]!;
        results.push({
          status: STATUSES[p.status[at]!]!,
          walkM: Number.isNaN(walkM) ? null : walkM,
          facilityId: facility < 0 ? null : p.facilityIds[facility]!,
          proposed: p.proposed[at] === 1,
        });
      }
      return results;
    };
    return Object.defineProperty({ ...summary }, 'results', { get: () => results ?? decode(), enumerable: true }) as CompoundCompliance;
  });
  if (!p.indices) return { ruleset: p.ruleset, rules: p.rules, compounds: rows };
  if (!base) throw new Error('a what-if result needs the baseline it was sent against');
  const compounds = base.compounds.slice();
  p.indices.forEach((index, i) => (compounds[index] = rows[i]!));
  return { ruleset: p.ruleset, rules: p.rules, compounds };
}

const sameAccess = (a: CanteenResult['compounds'][number], b: CanteenResult['compounds'][number] | undefined) =>
  !!b && a.compoundId === b.compoundId && a.reachedBy === b.reachedBy && a.seatsPer100 === b.seatsPer100 && a.underServed === b.underServed;

/** A result for the page; a what-if result is packed against the baseline result the page holds (or receives with it). */
export function packResult(view: PlannerResultView, base?: PlannerResultView): PlannerResultWire {
  const { compounds, ...canteens } = view.canteens;
  let canteenCompounds: PlannerResultWire['canteens']['compounds'] = compounds;
  if (base && base.canteens.compounds.length === compounds.length) {
    const indices: number[] = [];
    compounds.forEach((c, i) => !sameAccess(c, base.canteens.compounds[i]) && indices.push(i));
    canteenCompounds = { indices, compounds: indices.map((i) => compounds[i]!) };
  }
  return { ...view, compliance: packCompliance(view.compliance, base?.compliance), canteens: { ...canteens, compounds: canteenCompounds } };
}

export function unpackResult(wire: PlannerResultWire, base?: PlannerResultView): PlannerResultView {
  const { compounds, ...canteens } = wire.canteens;
  let canteenCompounds: CanteenResult['compounds'];
  if (Array.isArray(compounds)) canteenCompounds = compounds;
  else {
    if (!base) throw new Error('a what-if result needs the baseline it was sent against');
    canteenCompounds = base.canteens.compounds.slice();
    compounds.indices.forEach((index, i) => (canteenCompounds[index] = compounds.compounds[i]!));
  }
  return { ...wire, compliance: unpackCompliance(wire.compliance, base?.compliance), canteens: { ...canteens, compounds: canteenCompounds } };
}
