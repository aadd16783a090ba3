import type { FileContents } from '../data/contents';
import type { PackedAreas } from '../data/packedAreas';
import type { PackedNetwork } from '../data/packedNetwork';
import type { CrsId, Dataset, Problem } from '../domain/dataset';
import type { Route } from '../domain/engine/route';
import type { WalkRequest, WalkResult } from '../domain/engine/walkEngine';
import type { LonLat } from '../domain/geo';
import type { CommunityStats } from '../domain/hall/community';
import type { HallStats, HallStatsOptions } from '../domain/hall/stats';
import type { CanteenSettings } from '../domain/planner/canteens';
import type { PlannerResultWire } from '../domain/planner/view';
import type { SiteRequest, SiteSuggestion } from '../domain/planner/siteSelection';
import type { Change, RuleChange } from '../domain/planner/whatIf';
import type { VolunteerCoverageResult } from '../domain/volunteers/coverage';
import type { GapReport } from '../domain/volunteers/requestGaps';
import type { VolunteerSite } from '../domain/volunteers/volunteerReach';

/**
 * The one protocol between the views and the walking session (DESIGN.md "One walking
 * session per dataset"). A `load` starts a dataset generation; every question carries the
 * generation it was asked in, and answers to an older generation are dropped. Per kind of
 * question the latest wins: one still waiting when a newer one of its kind arrives is
 * answered `skipped`, never computed.
 */

/** What the planner view asks: the ruleset, the canteen settings, the active scenario's changes and a site search. */
export interface PlannerQuestion {
  rulesetId: string;
  canteen: CanteenSettings;
  changes: Change[];
  siteRequest: SiteRequest | null;
  /** The baseline the view holds (its key), so an unchanged baseline is not sent again. */
  baselineKey: string | null;
}

export interface PlannerAnswer {
  network: boolean;
  /** The key of the baseline this answer is against (a what-if result is sent as its difference from it). */
  baselineKey: string;
  /** Null when the baseline is the one the view holds (same key). */
  baseline: { key: string; result: PlannerResultWire } | null;
  /** Null when the scenario has no change: the result is the baseline. */
  result: PlannerResultWire | null;
  effects: RuleChange[][];
  sites: SiteSuggestion[];
  /** Milliseconds: the planner's one-off build for this generation (0 when reused), and this question. */
  buildMs: number;
  changeMs: number;
}

export interface HallAnswer {
  stats: HallStats;
  community: CommunityStats;
}

/** How the graph of the current generation came to be. */
export type GraphSource = 'built' | 'reused' | 'prebuilt' | 'none';

/** Why a prebuilt graph beside network.geojson was not used (the graph was built instead). */
export type PrebuiltNotice = 'stale' | 'foreign';

export interface SessionStats {
  generation: number;
  /** Graphs built in the session's worker since it started. */
  graphBuilds: number;
  /** Generations whose graph was built, reused from the previous one, or loaded prebuilt. */
  sources: Record<GraphSource, number>;
  /** Walking engines (the graph's snapper, chains and category fields) made since it started. */
  walkEngines: number;
  /** network.geojson files the page handed the session to parse and check. */
  networkChecks: number;
}

/** Every question a view can ask, and its answer. */
export interface Questions {
  walk: { ask: { request: WalkRequest }; answer: WalkResult | null };
  route: { ask: { request: WalkRequest; facilityId: string }; answer: Route | null };
  planner: { ask: PlannerQuestion; answer: PlannerAnswer };
  /** Volunteer coverage of these volunteers (ids from the last `volunteers` message). */
  coverage: { ask: { ids: string[] }; answer: VolunteerCoverageResult };
  /** Metres walked from a point to each volunteer (null: unreachable or unknown). */
  reach: { ask: { point: LonLat; ids: string[] }; answer: [string, number | null][] };
  /** Nearest facility per category per compound, for "requests meet gaps". */
  gaps: { ask: Record<string, never>; answer: GapReport };
  hall: { ask: { options: HallStatsOptions; nowMs: number }; answer: HallAnswer };
  stats: { ask: Record<string, never>; answer: SessionStats };
}

export type Kind = keyof Questions;
export type Ask<K extends Kind> = Questions[K]['ask'];
export type Answer<K extends Kind> = Questions[K]['answer'];

export type Question = { [K in Kind]: { type: 'ask'; kind: K; id: number; generation: number; ask: Ask<K> } }[Kind];

export type ToSession =
  /**
   * `warmWalk`: make the walking engine right after `ready`, before any walk is asked (the
   * resident view asks one at once). `network`: the dataset's network is the one the session
   * checked under this token (the message's `dataset.network` is then null, not sent again).
   * `compounds`: the dataset's compounds, packed and moved (its `dataset.compounds` is then
   * empty): cloning a city's 5,000 compounds as objects cost the page about 25 ms.
   */
  | { type: 'load'; generation: number; dataset: Dataset; prebuilt: ArrayBuffer | null; warmWalk?: boolean; network?: number; compounds?: PackedAreas }
  /** network.geojson's text or Blob, to read, parse, check and convert here (the loader's `networkLayer`), kept under `token`. */
  | { type: 'network'; token: number; contents: FileContents; crs: CrsId }
  /** The page no longer holds the network of `token`. */
  | { type: 'release'; token: number }
  /**
   * The streets of the network of `token`, packed (only the properties shown), to post on
   * `port` (to the tile worker, so that a city's ways are not copied on the page); null
   * when the session holds no valid ways under that token.
   */
  | { type: 'networkTo'; token: number; port: MessagePort }
  | { type: 'volunteers'; generation: number; volunteers: VolunteerSite[] }
  | Question;

export interface Ready {
  generation: number;
  hasNetwork: boolean;
  graph: GraphSource;
  /** Set when a prebuilt graph was offered and not used. */
  notice: PrebuiltNotice | null;
  /** Milliseconds to build, decode or reuse the graph. */
  ms: number;
}

/** A checked network: its valid ways and its problems. */
export interface NetworkChecked {
  token: number;
  /** Why the file gave nothing (not JSON, not a FeatureCollection), or null. */
  reason: string | null;
  /** The valid ways, packed (their buffers moved to the page); null when the file is not a FeatureCollection. */
  packed: PackedNetwork | null;
  problems: Problem[];
}

export type FromSession =
  | ({ type: 'ready' } & Ready)
  | ({ type: 'networkChecked' } & NetworkChecked)
  | { type: 'answer'; kind: Kind; id: number; generation: number; answer: unknown; ms: number }
  | { type: 'skipped'; id: number }
  | { type: 'error'; id: number; message: string };
