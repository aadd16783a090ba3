import type { Dataset } from '../dataset';
import { CatchmentCache, canteenAccess, DEFAULT_CANTEEN_SETTINGS, type CanteenResult, type CanteenSettings } from './canteens';
import { dataCategoriesOf, evaluateCompliance, type Compliance } from './compliance';
import { contextOf, type NetworkOrContext } from '../engine/context';
import { baseDistances, type DistanceState, type WalkContext } from './distances';
import { plannerInputs, type PlannerInputs } from './inputs';
import type { Ruleset } from './ruleset';
import { areaSummaries, totalSummary, type AreaSummary } from './summaries';
import { applyChange, compareCompliance, type Change, type RuleChange } from './whatIf';

/** Everything the planner view shows for one state of the facilities and gates. */
export interface PlannerResult {
  state: DistanceState;
  compliance: Compliance;
  canteens: CanteenResult;
  total: AreaSummary;
  communities: AreaSummary[];
  grids: AreaSummary[];
}

/** A scenario evaluated change by change: what each change did, and the final result. */
export interface ScenarioRun {
  result: PlannerResult;
  /** Per change, in order: the rules it changed, against the state just before it. */
  effects: RuleChange[][];
}

/**
 * The planner's engine for one dataset: the graph, the baseline distances and the canteen
 * catchments are built once; a scenario is the baseline plus its changes, each a cheap
 * incremental step (distances.ts), then a re-evaluation of the rules (a lookup per compound
 * and rule).
 */
export class PlannerModel {
  readonly ctx: WalkContext | null;
  readonly inputs: PlannerInputs;
  readonly dataCategories: ReadonlySet<string>;
  readonly baseline: DistanceState;
  private readonly catchments: CatchmentCache;

  constructor(ctx: WalkContext | null, inputs: PlannerInputs) {
    this.ctx = ctx;
    this.inputs = inputs;
    this.dataCategories = dataCategoriesOf(inputs.facilities);
    this.baseline = baseDistances(ctx, inputs.compounds, inputs.facilities);
    this.catchments = new CatchmentCache(ctx);
  }

  /** Give the session's context to share its graph; without one the dataset's network is built. */
  static fromDataset(dataset: Pick<Dataset, 'compounds' | 'facilities' | 'gates' | 'network'>, ctx?: NetworkOrContext): PlannerModel {
    return new PlannerModel(contextOf(ctx === undefined ? dataset.network : ctx), plannerInputs(dataset));
  }

  get network(): boolean {
    return this.ctx !== null;
  }

  apply(state: DistanceState, change: Change): DistanceState {
    return applyChange(this.ctx, state, change);
  }

  evaluate(state: DistanceState, ruleset: Ruleset, canteen: CanteenSettings = DEFAULT_CANTEEN_SETTINGS, known?: Compliance): PlannerResult {
    const compliance = known ?? evaluateCompliance(ruleset, state, this.dataCategories);
    return {
      state,
      compliance,
      canteens: canteenAccess(state, this.catchments, canteen, this.network),
      total: totalSummary(compliance),
      communities: areaSummaries(compliance, 'community'),
      grids: areaSummaries(compliance, 'grid'),
    };
  }

  /**
   * The baseline plus the changes, in order, with what each change did to the rules. Give the
   * baseline's compliance under this ruleset when known, to save evaluating it again.
   */
  run(changes: readonly Change[], ruleset: Ruleset, canteen: CanteenSettings = DEFAULT_CANTEEN_SETTINGS, baseline?: Compliance): ScenarioRun {
    let state = this.baseline;
    let compliance = baseline ?? evaluateCompliance(ruleset, state, this.dataCategories);
    const effects: RuleChange[][] = [];
    for (const change of changes) {
      state = this.apply(state, change);
      const next = evaluateCompliance(ruleset, state, this.dataCategories);
      effects.push(compareCompliance(compliance, next));
      compliance = next;
    }
    return { result: this.evaluate(state, ruleset, canteen, compliance), effects };
  }
}
