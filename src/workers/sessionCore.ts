import { analyzeDataset, facilityPoints } from '../domain/analysis';
import type { Dataset } from '../domain/dataset';
import { walkContext, type WalkContext, contextOfGraph } from '../domain/engine/context';
import { networkFingerprint } from '../domain/engine/fingerprint';
import { graphBuilds } from '../domain/engine/graph';
import { decodePrebuilt } from '../domain/engine/prebuilt';
import { WalkEngine } from '../domain/engine/walkEngine';
import { WALK_SPEED_M_PER_MIN } from '../domain/geo';
import { communityStats } from '../domain/hall/community';
import { hallStats } from '../domain/hall/stats';
import { PlannerModel, type PlannerResult } from '../domain/planner/model';
import { DEFAULT_RULESET_ID, rulesetById } from '../domain/planner/rulesets';
import { suggestSites } from '../domain/planner/siteSelection';
import { packedBuffers, packResult, plannerView } from '../domain/planner/view';
import { VolunteerCoverage } from '../domain/volunteers/coverage';
import type { VolunteerSite } from '../domain/volunteers/volunteerReach';
import { compoundSites, volunteerSites } from '../domain/volunteers/coverageSites';
import type { Answer, GraphSource, Kind, PlannerAnswer, PlannerQuestion, PrebuiltNotice, Question, Ready, SessionStats } from './sessionProtocol';

const now = () => performance.now();

/**
 * The walking session of one dataset generation: its graph (built once, reused while the
 * network is unchanged, or loaded prebuilt) and what each view derives from it, each made on
 * first use: the resident's walk engine, the planner model, volunteer coverage. Pure: runs
 * in the session's worker, or in place where there are no workers (tests in jsdom).
 */
export class SessionCore {
  generation = -1;
  private dataset: Dataset | null = null;
  private ctx: WalkContext | null = null;
  private fingerprint: string | null = null;
  private readonly sources: Record<GraphSource, number> = { built: 0, reused: 0, prebuilt: 0, none: 0 };
  private walkEngine: WalkEngine | null | undefined;
  private walkEngines = 0;
  /** Networks checked for the page (by the host, which keeps them until a `load` names one). */
  networkChecks = 0;
  private planner: { model: PlannerModel; buildMs: number; baseline: { key: string; result: PlannerResult } | null } | null = null;
  private coverage: VolunteerCoverage | null = null;
  private volunteers: VolunteerSite[] | null = null;

  load(generation: number, dataset: Dataset, prebuilt: ArrayBuffer | null): Ready {
    const started = now();
    const network = dataset.network;
    const fingerprint = network && network.features.length > 0 ? networkFingerprint(network) : null;
    let graph: GraphSource;
    let notice: PrebuiltNotice | null = null;
    if (fingerprint === null) {
      this.ctx = null;
      graph = 'none';
    } else if (fingerprint === this.fingerprint) {
      graph = 'reused';
    } else {
      const read = prebuilt ? decodePrebuilt(prebuilt, fingerprint) : null;
      if (read?.ok) {
        this.ctx = contextOfGraph(read.graph);
        graph = 'prebuilt';
      } else {
        if (read) notice = read.reason;
        this.ctx = walkContext(network);
        graph = 'built';
      }
    }
    this.sources[graph]++;
    this.fingerprint = fingerprint;
    this.generation = generation;
    this.dataset = dataset;
    this.walkEngine = undefined;
    this.planner = null;
    this.coverage = null;
    this.volunteers = null;
    return { generation, hasNetwork: this.ctx !== null, graph, notice, ms: now() - started };
  }

  /** Live volunteer data (the volunteers view follows the server's ledger). */
  setVolunteers(volunteers: VolunteerSite[]): void {
    this.volunteers = volunteers;
    this.coverage?.setVolunteers(volunteers);
  }

  stats(): SessionStats {
    return {
      generation: this.generation,
      graphBuilds: graphBuilds.count,
      sources: { ...this.sources },
      walkEngines: this.walkEngines,
      networkChecks: this.networkChecks,
    };
  }

  /** The answer to a question of the current generation, and what to transfer with it. */
  answer(question: Question): { answer: Answer<Kind>; transfer: Transferable[] } {
    const dataset = this.dataset;
    if (question.kind === 'stats') return { answer: this.stats(), transfer: [] };
    if (!dataset) throw new Error('no dataset loaded');
    switch (question.kind) {
      case 'walk': {
        const result = this.engine()?.walk(question.ask.request) ?? null;
        return { answer: result, transfer: result?.times ? [result.times.minutes.buffer] : [] };
      }
      case 'route': {
        const { request, facilityId } = question.ask;
        return { answer: this.engine()?.route(request.origins, facilityId, { avoidSteps: request.avoidSteps ?? false }) ?? null, transfer: [] };
      }
      case 'planner': {
        const answer = this.plan(question.ask);
        const packed = [answer.baseline?.result, answer.result].flatMap((r) => (r ? packedBuffers(r.compliance) : []));
        return { answer, transfer: packed };
      }
      case 'coverage':
        return { answer: this.volunteerCoverage().coverage(question.ask.ids), transfer: [] };
      case 'reach':
        return { answer: [...this.volunteerCoverage().walkTo(question.ask.point, question.ask.ids)], transfer: [] };
      case 'gaps': {
        const report = analyzeDataset(dataset, [], WALK_SPEED_M_PER_MIN.standard, undefined, this.ctx);
        return { answer: { compounds: report.compounds, speed_m_per_min: report.speed_m_per_min }, transfer: [] };
      }
      case 'hall': {
        const { options, nowMs } = question.ask;
        return { answer: { stats: hallStats(dataset, options, this.ctx), community: communityStats(dataset, new Date(nowMs), this.ctx) }, transfer: [] };
      }
    }
  }

  /** Makes this generation's walking engine now (once), so that the first walk does not. */
  warmWalk(): void {
    this.engine();
  }

  private engine(): WalkEngine | null {
    if (this.walkEngine === undefined) {
      this.walkEngine = this.ctx && this.dataset ? new WalkEngine(this.ctx, facilityPoints(this.dataset)) : null;
      if (this.walkEngine) this.walkEngines++;
    }
    return this.walkEngine;
  }

  private volunteerCoverage(): VolunteerCoverage {
    const dataset = this.dataset!;
    return (this.coverage ??= new VolunteerCoverage(this.ctx, compoundSites(dataset), this.volunteers ?? volunteerSites(dataset.volunteers.features)));
  }

  /** The baseline (kept while the ruleset and canteen settings stay) and the scenario of these changes. */
  private plan(question: PlannerQuestion): PlannerAnswer {
    let buildMs = 0;
    if (!this.planner) {
      const started = now();
      this.planner = { model: PlannerModel.fromDataset(this.dataset!, this.ctx), buildMs: 0, baseline: null };
      buildMs = now() - started;
    }
    const started = now();
    const { model } = this.planner;
    const ruleset = rulesetById(question.rulesetId) ?? rulesetById(DEFAULT_RULESET_ID)!;
    const key = `${this.generation}|${ruleset.id}|${question.canteen.catchmentM}|${question.canteen.targetSeatsPer100}`;
    if (this.planner.baseline?.key !== key) this.planner.baseline = { key, result: model.evaluate(model.baseline, ruleset, question.canteen) };
    const baseline = this.planner.baseline.result;
    const run = question.changes.length > 0 ? model.run(question.changes, ruleset, question.canteen, baseline.compliance) : { result: baseline, effects: [] };
    const baselineView = plannerView(baseline);
    const sites = question.siteRequest ? suggestSites(model.ctx, run.result.state, run.result.compliance, question.siteRequest) : [];
    return {
      network: model.network,
      baselineKey: key,
      baseline: question.baselineKey === key ? null : { key, result: packResult(baselineView) },
      // Against the baseline: only the compounds the scenario changed cross to the page.
      result: question.changes.length > 0 ? packResult(plannerView(run.result), baselineView) : null,
      effects: run.effects,
      sites,
      buildMs,
      changeMs: now() - started,
    };
  }
}
