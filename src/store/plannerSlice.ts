import type { StateCreator } from 'zustand';
import type { LonLat } from '../domain/geo';
import { DEFAULT_CANTEEN_SETTINGS, type CanteenSettings } from '../domain/planner/canteenSettings';
import { DEFAULT_RULESET_ID, isRulesetId } from '../domain/planner/rulesetIds';
import type { SiteRequest, SiteSuggestion } from '../domain/planner/siteSelection';
import { unpackResult, type PlannerResultView } from '../domain/planner/view';
import type { Change, RuleChange, Scenario } from '../domain/planner/whatIf';
import { nextTask } from '../data/nextTask';
import { walkingSession } from '../workers/sessionClient';
import type { AppState } from './index';

/**
 * The planner view: which standard, the baseline and the what-if scenarios, the map tool,
 * the table's filters and the suggested sites. The planner engine (src/domain/planner) runs
 * in the walking session's worker, on the graph every view shares: the slice sends the
 * question (ruleset, canteen settings, the active scenario's changes, a site search) and
 * shows the latest answer, so the page never freezes while a city-sized plan is evaluated.
 */

export type PlannerStatus = 'idle' | 'computing' | 'ready';

/** What a click on the map does in the planner view. */
export type PlannerTool = { kind: 'add-facility'; category: string; capacity: number | null } | { kind: 'add-gate'; compoundId: string } | null;

export type SortKey =
  'name' | 'community' | 'grid' | 'population' | 'elderly60' | 'elderly80' | 'score' | 'unmetRequired' | 'unmetOptional' | 'canteen' | 'evidence';

export interface PlannerFilter {
  communityId: string | null;
  gridId: string | null;
  query: string;
  onlyGaps: boolean;
}

export interface PlannerSlice {
  plannerStatus: PlannerStatus;
  /** Whether distances are walked along a network (false: straight-line, and every view says so). */
  plannerNetwork: boolean | null;
  /** Milliseconds: building the engine for this dataset, and the last change (engine + rules). */
  plannerMs: { build: number; change: number };
  rulesetId: string;
  canteenSettings: CanteenSettings;
  scenarios: Scenario[];
  /** The scenario shown; null shows the baseline. */
  activeScenarioId: string | null;
  baselineResult: PlannerResultView | null;
  plannerResult: PlannerResultView | null;
  /** Per change of the active scenario: the rules it changed. */
  scenarioEffects: RuleChange[][];
  /** The changes the effects were computed for (the list shows "computing" for any other). */
  scenarioEffectsFor: readonly Change[] | null;
  plannerTool: PlannerTool;
  plannerFilter: PlannerFilter;
  plannerSort: { key: SortKey; descending: boolean };
  siteRequest: SiteRequest | null;
  sites: SiteSuggestion[];
  plannerTableOpen: boolean;
  plannerReportOpen: boolean;
  startPlanner(): void;
  setRuleset(id: string): void;
  setCanteenSettings(settings: CanteenSettings): void;
  newScenario(): void;
  selectScenario(id: string | null): void;
  renameScenario(id: string, name: string): void;
  deleteScenario(id: string): void;
  /** Adds a change to the active scenario (a new one when the baseline is shown). */
  addChange(change: Change): void;
  undoChange(): void;
  setPlannerTool(tool: PlannerTool): void;
  /** A click on the map while a tool is armed. */
  plannerClick(at: LonLat): void;
  setPlannerFilter(patch: Partial<PlannerFilter>): void;
  setPlannerSort(key: SortKey): void;
  suggest(request: SiteRequest | null): void;
  setPlannerTableOpen(open: boolean): void;
  setPlannerReportOpen(open: boolean): void;
}

/** The dataset the planner was started for (React's strict mode mounts the panel twice). */
let started: unknown = null;
/** The baseline the view holds and its key in the session (not sent again while unchanged). */
let baselineKey: string | null = null;
/** That baseline, unpacked as it arrived (what-if answers are against it, even before it is in the store). */
let baseline: PlannerResultView | null = null;
/** Answers taken so far: a baseline shown a task after it arrived is dropped if a later answer came meanwhile. */
let answers = 0;
/** The session's graph build for this dataset, as its first answer reported it (kept should that answer be dropped). */
let buildMs = 0;
let nextId = 1;
/**
 * A change placed on the map and asked about, not shown yet (see `propose`): the scenario's
 * changes with it, and `take`, which gives the state that shows it (once).
 */
let proposal: { changes: Change[]; take(s: AppState): Partial<AppState> } | null = null;
/** How long a change placed on the map waits for its answer before it is shown without it. */
export const SHOW_PROPOSAL_AFTER_MS = 150;

/** performance.measure of each planner answer, from asking to the answer in the store (what `npm run bench:planner` times). */
export const PLANNER_ANSWER_MEASURE = 'planner-answer';

function activeChanges(s: Pick<AppState, 'scenarios' | 'activeScenarioId'>): Change[] {
  return s.scenarios.find((x) => x.id === s.activeScenarioId)?.changes ?? [];
}

export const createPlannerSlice: StateCreator<AppState, [], [], PlannerSlice> = (set, get) => {
  /**
   * Asks the walking session for the baseline and the active scenario (and the sites, when
   * asked for); the latest question wins. `changeMs` is the time from asking to the answer
   * on screen, as a planner feels it (worker time plus the trip both ways).
   */
  function recompute(): void {
    const s = get();
    const dataset = s.dataset;
    if (!dataset || started !== dataset || !isRulesetId(s.rulesetId)) return;
    const asked = performance.now();
    // A change waiting to be shown is part of the question.
    const changes = proposal?.changes ?? activeChanges(s);
    const question = { rulesetId: s.rulesetId, canteen: s.canteenSettings, changes, siteRequest: s.siteRequest, baselineKey };
    void walkingSession()
      .ask('planner', question)
      .then(async (answered) => {
        if (!answered || get().dataset !== dataset) return;
        const a = answered.answer;
        if (!a.baseline && a.baselineKey !== baselineKey) {
          // The baseline this answer is against is not the one the view now holds: ask again with it.
          baselineKey = null;
          recompute();
          return;
        }
        const taken = ++answers;
        if (a.buildMs > 0) buildMs = a.buildMs;
        if (a.baseline) {
          baselineKey = a.baseline.key;
          baseline = unpackResult(a.baseline.result);
          // A baseline (a city's 5,000 compounds) takes most of a task to arrive from the worker;
          // the panels and the map re-render with it in the next one, not on top of that.
          await nextTask();
          if (taken !== answers || get().dataset !== dataset) return;
        }
        const answeredAt = performance.now();
        set((x) => {
          // A change placed on the map is shown with its answer, in the same update.
          const shown = proposal?.changes === question.changes ? proposal.take(x) : {};
          const baselineResult = baseline ?? x.baselineResult!;
          return {
            ...shown,
            plannerResult: a.result ? unpackResult(a.result, baselineResult) : baselineResult,
            baselineResult,
            scenarioEffects: a.effects,
            scenarioEffectsFor: question.changes,
            sites: a.sites,
            plannerStatus: 'ready',
            plannerNetwork: a.network,
            plannerMs: { build: buildMs > 0 ? buildMs : x.plannerMs.build, change: answeredAt - asked },
          };
        });
        // Asked to answered and in the store (the page's own part included: unpacking, the store's listeners).
        performance.measure(PLANNER_ANSWER_MEASURE, { start: asked, detail: { changes: question.changes.length, sessionMs: a.changeMs } });
      });
  }

  const updateScenario = (id: string, update: (x: Scenario) => Scenario) => set((s) => ({ scenarios: s.scenarios.map((x) => (x.id === id ? update(x) : x)) }));

  /**
   * Adds a change placed on the map. The question goes to the session first, and the change
   * is shown with its answer, in one store update (the panels at once, the map's marker and
   * colours in the next task, see followStore), or after SHOW_PROPOSAL_AFTER_MS without it.
   * A click that changes nothing on screen lets the browser run the session's answer at once;
   * a click that does (the marker, the scenario's list) holds the answer back until that
   * frame is presented (Chromium's DeferRendererTasksAfterInput: up to 50 ms, and all of
   * them where frames are slow, as with software rendering).
   */
  function propose(change: Change): void {
    settleProposal();
    const dataset = get().dataset;
    const changes = [...activeChanges(get()), change];
    const mine = {
      changes,
      take(x: AppState): Partial<AppState> {
        if (proposal !== mine) return {};
        proposal = null;
        clearTimeout(timer);
        if (x.dataset !== dataset) return {};
        const active = x.scenarios.find((y) => y.id === x.activeScenarioId);
        // The very list asked about: the change list shows its effects by identity.
        if (active) return { plannerTool: null, scenarios: x.scenarios.map((y) => (y === active ? { ...y, changes } : y)) };
        const id = `s-${nextId++}`;
        return { plannerTool: null, scenarios: [...x.scenarios, { id, name: '', changes }], activeScenarioId: id };
      },
    };
    proposal = mine;
    const timer = setTimeout(settleProposal, SHOW_PROPOSAL_AFTER_MS);
    recompute();
  }

  /** Shows a change still waiting for its answer (before anything else changes the scenarios). */
  function settleProposal(): void {
    if (proposal) set(proposal.take(get()));
  }

  return {
    plannerStatus: 'idle',
    plannerNetwork: null,
    plannerMs: { build: 0, change: 0 },
    rulesetId: DEFAULT_RULESET_ID,
    canteenSettings: DEFAULT_CANTEEN_SETTINGS,
    scenarios: [],
    activeScenarioId: null,
    baselineResult: null,
    plannerResult: null,
    scenarioEffects: [],
    scenarioEffectsFor: null,
    plannerTool: null,
    plannerFilter: { communityId: null, gridId: null, query: '', onlyGaps: false },
    plannerSort: { key: 'score', descending: false },
    siteRequest: null,
    sites: [],
    plannerTableOpen: false,
    plannerReportOpen: false,

    startPlanner() {
      const dataset = get().dataset;
      if (!dataset || started === dataset) return;
      // A change placed on the previous dataset's map is dropped (it is not of this one).
      settleProposal();
      started = dataset;
      baselineKey = null;
      baseline = null;
      buildMs = 0;
      set({
        plannerStatus: 'computing',
        plannerNetwork: null,
        plannerMs: { build: 0, change: 0 },
        scenarios: [],
        activeScenarioId: null,
        plannerResult: null,
        baselineResult: null,
        sites: [],
        siteRequest: null,
        plannerTool: null,
      });
      void walkingSession().load(dataset);
      recompute();
    },
    setRuleset(id) {
      if (!isRulesetId(id)) return;
      set({ rulesetId: id, siteRequest: null, sites: [] });
      recompute();
    },
    setCanteenSettings(canteenSettings) {
      set({ canteenSettings });
      recompute();
    },
    newScenario() {
      settleProposal();
      const id = `s-${nextId++}`;
      set((s) => ({ scenarios: [...s.scenarios, { id, name: '', changes: [] }], activeScenarioId: id }));
      recompute();
    },
    selectScenario(id) {
      settleProposal();
      set({ activeScenarioId: id, plannerTool: null });
      recompute();
    },
    renameScenario: (id, name) => updateScenario(id, (x) => ({ ...x, name })),
    deleteScenario(id) {
      settleProposal();
      set((s) => ({ scenarios: s.scenarios.filter((x) => x.id !== id), activeScenarioId: s.activeScenarioId === id ? null : s.activeScenarioId }));
      recompute();
    },
    addChange(change) {
      settleProposal();
      if (!get().activeScenarioId) get().newScenario();
      updateScenario(get().activeScenarioId!, (x) => ({ ...x, changes: [...x.changes, change] }));
      recompute();
    },
    undoChange() {
      settleProposal();
      const id = get().activeScenarioId;
      if (!id) return;
      updateScenario(id, (x) => ({ ...x, changes: x.changes.slice(0, -1) }));
      recompute();
    },
    setPlannerTool: (plannerTool) => set({ plannerTool }),
    plannerClick(at) {
      const { plannerTool: tool, dataset, mode } = get();
      if (!tool || mode !== 'planner' || !dataset || proposal) return;
      if (tool.kind === 'add-facility') {
        const n = nextId++;
        propose({
          kind: 'add-facility',
          facility: { id: `proposed-${n}`, category: tool.category, point: at, ...(tool.capacity !== null ? { capacity: tool.capacity } : {}) },
        });
        return;
      }
      set({ plannerTool: null });
      const outline = dataset.compounds.features.find((c) => c.properties.id === tool.compoundId)?.geometry;
      if (!outline) return;
      const gateId = `proposed-gate-${nextId++}`;
      // Loaded on the first new gate: the outline's geometry (Turf) is not needed before.
      void import('../domain/planner/gates').then(({ gateOnOutline }) => {
        if (get().dataset === dataset) get().addChange({ kind: 'add-gate', gateId, compoundId: tool.compoundId, point: gateOnOutline(outline, at) });
      });
    },
    setPlannerFilter: (patch) => set((s) => ({ plannerFilter: { ...s.plannerFilter, ...patch } })),
    setPlannerSort: (key) =>
      set((s) => ({
        plannerSort: {
          key,
          descending: s.plannerSort.key === key ? !s.plannerSort.descending : key !== 'name' && key !== 'community' && key !== 'grid' && key !== 'score',
        },
      })),
    suggest(siteRequest) {
      set({ siteRequest, sites: [] });
      recompute();
    },
    setPlannerTableOpen: (plannerTableOpen) => set({ plannerTableOpen }),
    setPlannerReportOpen: (plannerReportOpen) => set({ plannerReportOpen }),
  };
};
