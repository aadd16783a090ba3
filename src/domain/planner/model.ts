import type { Dataset } from '../dataset';
import { CatchmentCache, canteenAccess, DEFAULT_CANTEEN_SETTINGS, type CanteenResult, type CanteenSettings } from './canteens';
import { dataCategoriesOf, evaluateCompliance, updateCompliance, type Compliance } from './compliance';
import { contextOf, type NetworkOrContext } from '../engine/context';
import { baseDistances, type DistanceState, type WalkContext } from './distances';
import { plannerInputs, type PlannerInputs } from './inputs';
import type { Ruleset } from './ruleset';
import { areaSummaries, totalSummary, type AreaSummary } from './summaries';
import { applyChange, ruleChangesOf, type Change, type RuleChange } from './whatIf';

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
   * baseline's compliance under this ruleset when known, to save evaluating it again. Each
   * step checks again only the compounds whose distances it changed (updateCompliance), and
   * the steps are remembered per baseline compliance: a scenario that grows by one change, or
   * loses its last (undo), costs one step or none, not a replay.
   */
  run(changes: readonly Change[], ruleset: Ruleset, canteen: CanteenSettings = DEFAULT_CANTEEN_SETTINGS, baseline?: Compliance): ScenarioRun {
    const start: Step = { state: this.baseline, compliance: baseline ?? evaluateCompliance(ruleset, this.baseline, this.dataCategories), effects: [] };
    let memory = this.memory.get(start.compliance);
    if (!memory) this.memory.set(start.compliance, (memory = { steps: new Map(), effects: new Map() }));
    const keys: string[] = [];
    changes.forEach((change, i) => keys.push(`${i > 0 ? keys[i - 1] : ''}${JSON.stringify(change)}\n`));
    // Go on from the longest prefix remembered whole, when the effects of every step before it are remembered too.
    let from = keys.length - 1;
    while (from >= 0 && !memory.steps.has(keys[from]!)) from--;
    if (keys.slice(0, from + 1).some((key) => !memory.effects.has(key))) from = -1;
    let step = from >= 0 ? memory.steps.get(keys[from]!)! : start;
    const effects = keys.slice(0, from + 1).map((key) => memory.effects.get(key)!);
    for (let i = from + 1; i < changes.length; i++) {
      const state = this.apply(step.state, changes[i]!);
      const update = updateCompliance(step.compliance, step.state, state, this.dataCategories);
      step = { state, compliance: update.compliance, effects: ruleChangesOf(update.compliance, update.changes) };
      remember(memory.steps, keys[i]!, step, MAX_STEPS);
      remember(memory.effects, keys[i]!, step.effects, MAX_EFFECTS);
      effects.push(step.effects);
    }
    // The step shown is the one to go on from next: kept as the most recently used.
    if (from >= 0 && from === keys.length - 1) remember(memory.steps, keys[from]!, step, MAX_STEPS);
    return { result: this.evaluate(step.state, ruleset, canteen, step.compliance), effects };
  }

  /** Per baseline compliance: recent steps (state and compliance), and the effects of many more (they are small). */
  private readonly memory = new WeakMap<Compliance, { steps: Map<string, Step>; effects: Map<string, RuleChange[]> }>();
}

/** Sets a key as the most recently used, forgetting the least recently used beyond `max`. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

/** One change applied: the state and compliance after it, and what it changed. */
interface Step {
  state: DistanceState;
  compliance: Compliance;
  effects: RuleChange[];
}

/** Steps remembered whole per baseline (each holds its changed columns and field, about a megabyte at city scale). */
const MAX_STEPS = 32;
const MAX_EFFECTS = 4096;
