import type { Compliance, CompoundCompliance, RuleResult, RuleStatus } from './compliance';
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

/**
 * A compliance as it crosses from the session's worker to the page: every compound's rule
 * results (compounds × rules objects, 15 MB at 5,000 compounds) as a few typed arrays,
 * transferred, not copied. The page rebuilds a compound's results when they are first read.
 */
export interface PackedCompliance {
  ruleset: Compliance['ruleset'];
  rules: Compliance['rules'];
  compounds: Omit<CompoundCompliance, 'results'>[];
  ruleCount: number;
  status: Uint8Array;
  /** NaN for null. */
  walkM: Float64Array;
  /** Index into facilityIds, -1 for null. */
  facility: Int32Array;
  facilityIds: string[];
  proposed: Uint8Array;
}

export type PlannerResultWire = Omit<PlannerResultView, 'compliance'> & { compliance: PackedCompliance };

export function packCompliance(compliance: Compliance): PackedCompliance {
  const ruleCount = compliance.ruleset.rules.length;
  const n = compliance.compounds.length * ruleCount;
  const packed: PackedCompliance = {
    ruleset: compliance.ruleset,
    rules: compliance.rules,
    compounds: compliance.compounds.map(({ results: _results, ...rest }) => rest),
    ruleCount,
    status: new Uint8Array(n),
    walkM: new Float64Array(n),
    facility: new Int32Array(n),
    facilityIds: [],
    proposed: new Uint8Array(n),
  };
  const ids = new Map<string, number>();
  compliance.compounds.forEach((c, i) => {
    c.results.forEach((r, k) => {
      const at = i * ruleCount + k;
      packed.status[at] = STATUSES.indexOf(r.status);
      packed.walkM[at] = r.walkM ?? NaN;
      let id = -1;
      if (r.facilityId !== null) {
        id = ids.get(r.facilityId) ?? -1;
        if (id < 0) ids.set(r.facilityId, (id = packed.facilityIds.push(r.facilityId) - 1));
      }
      packed.facility[at] = id;
      packed.proposed[at] = r.proposed ? 1 : 0;
    });
  });
  return packed;
}

/** The buffers of a packed compliance, to transfer with it. */
export const packedBuffers = (p: PackedCompliance): ArrayBuffer[] => [p.status.buffer, p.walkM.buffer, p.facility.buffer, p.proposed.buffer] as ArrayBuffer[];

/** The compliance again; each compound's `results` are made from the arrays when first read. */
export function unpackCompliance(p: PackedCompliance): Compliance {
  const compounds = p.compounds.map((summary, i) => {
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
  return { ruleset: p.ruleset, rules: p.rules, compounds };
}

export function packResult(view: PlannerResultView): PlannerResultWire {
  return { ...view, compliance: packCompliance(view.compliance) };
}

export function unpackResult(wire: PlannerResultWire): PlannerResultView {
  return { ...wire, compliance: unpackCompliance(wire.compliance) };
}
