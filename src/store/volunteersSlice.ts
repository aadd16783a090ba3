import type { StateCreator } from 'zustand';
import type { Feature, Point } from 'geojson';
import type { Dataset, Problem, RequestProps, VolunteerProps } from '../domain/dataset';
import type { VolunteerCoverageResult } from '../domain/volunteers/coverage';
import { serviceGapRequests, type GapReport } from '../domain/volunteers/requestGaps';
import { ledgerRows, NO_FILTER, type LedgerFilter, type LedgerRow } from '../domain/volunteers/ledger';
import type { MatchCandidate } from '../domain/volunteers/matching';
import { fromOpen311 } from '../domain/volunteers/open311';
import { DEFAULT_TIME_ZONE, instantInWeekOf, snapshotClock, type WeekTime } from '../domain/volunteers/time';
import { WORKFLOW_PRESETS, type WorkflowPreset } from '../domain/volunteers/workflow';
import { fromUrl } from '../data/sources';
import type { LiveRead } from '../data/liveLayers';
import type { AppState } from './index';
import { createSandanSlice, type SandanSlice } from './sandanSlice';
import { serverActive, serverRequestsOf } from './serverSlice';

type RequestFeature = Feature<Point, RequestProps>;
type VolunteerFeature = Feature<Point, VolunteerProps>;

/** "now" follows the clock; `week` is a weekday and time of this week (the slider). */
export type CoverageTime = { kind: 'now' } | ({ kind: 'week' } & WeekTime);

export interface LiveData {
  /** The dataset these override; ignored once another dataset loads. */
  dataset: Dataset | null;
  requests: RequestFeature[] | null;
  volunteers: VolunteerFeature[] | null;
  /** Last successful read of both files (ms); null before the first. */
  updatedAt: number | null;
  /** Why the last read failed (the last good data stays); null when it worked. */
  error: string | null;
  failedAt: number | null;
  /** Re-read every this many seconds (`?refresh=`), or null. */
  intervalS: number | null;
}

export interface Matches {
  requestId: string;
  skill: string | null;
  /** null while the walks are being measured. */
  candidates: MatchCandidate[] | null;
}

export interface ImportSummary {
  added: number;
  updated: number;
  problems: Problem[];
}

/** State and actions of the volunteers view (issue 8), with its 三单制 lists (sandanSlice.ts). */
export interface VolunteersSlice extends SandanSlice {
  /** The clock of this view (ms), ticking each minute while it is open. */
  volNow: number;
  /** null: any skill. */
  coverageSkill: string | null;
  coverageTime: CoverageTime;
  coverage: VolunteerCoverageResult | null;
  /** The volunteers that coverage is of (available with the chosen skill at the chosen time): the map marks them. */
  coverageVolunteerIds: readonly string[];
  /** The selection the coverage was computed for, so a stale one can be shown dimmed. */
  coverageKey: string | null;
  volunteerEngine: { dataset: Dataset | null; hasNetwork: boolean | null; gapReport: GapReport | null };
  workflowPreset: WorkflowPreset;
  /** Deadlines judged at the data's date (a snapshot) or now (live data). */
  ledgerClock: 'dataDate' | 'now';
  selectedRequestId: string | null;
  matches: Matches | null;
  ledgerOpen: boolean;
  ledgerFilter: LedgerFilter;
  live: LiveData;
  importSummary: ImportSummary | null;
  setCoverageSkill(skill: string | null): void;
  setCoverageTime(time: CoverageTime): void;
  coverageDone(key: string, result: VolunteerCoverageResult, volunteerIds: readonly string[]): void;
  volunteerEngineReady(dataset: Dataset, hasNetwork: boolean, gapReport: GapReport | null): void;
  setWorkflowPreset(preset: WorkflowPreset): void;
  setLedgerClock(clock: 'dataDate' | 'now'): void;
  selectRequest(id: string | null): void;
  matchesDone(matches: Matches): void;
  setLedgerOpen(open: boolean): void;
  setLedgerFilter(patch: Partial<LedgerFilter>): void;
  tickVolunteers(nowMs: number): void;
  /** Re-reads requests.geojson and volunteers.geojson from `base`; a failed read keeps the last good data. */
  reloadLive(base: string, intervalS?: number | null): Promise<void>;
  /** Takes one read of the live layers for `dataset` (ignored once another dataset loads); a failed layer keeps its last good data. */
  applyLive(dataset: Dataset, result: LiveRead, intervalS: number | null, nowMs: number): void;
  /** Merges Open311 GeoReport v2 JSON into the requests (same id: replaced). */
  importOpen311(json: unknown): ImportSummary;
}

const EMPTY_LIVE: LiveData = { dataset: null, requests: null, volunteers: null, updatedAt: null, error: null, failedAt: null, intervalS: null };

export const createVolunteersSlice: StateCreator<AppState, [], [], VolunteersSlice> = (set, get, api) => ({
  ...createSandanSlice(set, get, api),
  volNow: Date.now(),
  coverageSkill: null,
  coverageTime: { kind: 'now' },
  coverage: null,
  coverageVolunteerIds: [],
  coverageKey: null,
  volunteerEngine: { dataset: null, hasNetwork: null, gapReport: null },
  workflowPreset: 'cycle',
  ledgerClock: 'dataDate',
  selectedRequestId: null,
  matches: null,
  ledgerOpen: false,
  ledgerFilter: NO_FILTER,
  live: EMPTY_LIVE,
  importSummary: null,
  setCoverageSkill: (coverageSkill) => set({ coverageSkill }),
  setCoverageTime: (coverageTime) => set({ coverageTime }),
  coverageDone: (coverageKey, coverage, coverageVolunteerIds) => set({ coverageKey, coverage, coverageVolunteerIds }),
  volunteerEngineReady: (dataset, hasNetwork, gapReport) => set({ volunteerEngine: { dataset, hasNetwork, gapReport } }),
  setWorkflowPreset: (workflowPreset) => set({ workflowPreset }),
  setLedgerClock: (ledgerClock) => set({ ledgerClock }),
  selectRequest: (selectedRequestId) => set({ selectedRequestId, matches: null }),
  matchesDone: (matches) => {
    if (matches.requestId === get().selectedRequestId) set({ matches });
  },
  setLedgerOpen: (ledgerOpen) => set({ ledgerOpen }),
  setLedgerFilter: (patch) => set((s) => ({ ledgerFilter: { ...s.ledgerFilter, ...patch } })),
  tickVolunteers: (volNow) => set({ volNow }),
  async reloadLive(base, intervalS = get().live.intervalS) {
    const dataset = get().dataset;
    if (!dataset) return;
    const { readLiveLayers } = await import('../data/liveLayers');
    get().applyLive(dataset, await readLiveLayers(fromUrl(base), dataset), intervalS, Date.now());
  },
  applyLive(dataset, result, intervalS, now) {
    if (get().dataset !== dataset) return;
    const previous = get().live.dataset === dataset ? get().live : { ...EMPTY_LIVE, dataset };
    set({
      // Live data is judged now, not at the manifest's date (switchable afterwards).
      ledgerClock: previous.intervalS === null && intervalS !== null ? 'now' : get().ledgerClock,
      live: {
        ...previous,
        dataset,
        intervalS,
        requests: result.requests ?? previous.requests,
        volunteers: result.volunteers ?? previous.volunteers,
        updatedAt: result.error ? previous.updatedAt : now,
        error: result.error,
        failedAt: result.error ? now : previous.failedAt,
      },
    });
  },
  importOpen311(json) {
    const dataset = get().dataset;
    const { features, problems } = fromOpen311(json);
    if (!dataset) return { added: 0, updated: 0, problems };
    const compounds = new Set(dataset.compounds.features.map((c) => c.properties.id));
    for (const f of features) {
      if (f.properties.compound_id && !compounds.has(f.properties.compound_id)) {
        problems.push({
          file: 'Open311 JSON',
          id: f.properties.id,
          field: 'extended_attributes.compound_id',
          message: `unknown compound ${JSON.stringify(f.properties.compound_id)}: kept without it`,
          severity: 'warning',
        });
        delete f.properties.compound_id;
      }
    }
    const current = requestsOf(get());
    const incoming = new Map(features.map((f) => [f.properties.id, f]));
    const merged = current.map((r) => incoming.get(r.properties.id) ?? r);
    const known = new Set(current.map((r) => r.properties.id));
    const added = features.filter((f) => !known.has(f.properties.id));
    const summary = { added: added.length, updated: features.length - added.length, problems };
    const live = get().live.dataset === dataset ? get().live : { ...EMPTY_LIVE, dataset };
    set({ live: { ...live, requests: [...merged, ...added] }, importSummary: summary });
    return summary;
  },
});

const NO_REQUESTS: RequestFeature[] = [];
const NO_VOLUNTEERS: VolunteerFeature[] = [];

/** Fields that decide which requests the view shows. */
type RequestSources = Pick<AppState, 'dataset' | 'live' | 'serverKind' | 'serverInfo' | 'serverLedger' | 'staff'>;

/** The requests shown: on the requests service its ledger (in the user's scope), else live or imported ones, else the dataset's. */
export function requestsOf(s: RequestSources): RequestFeature[] {
  if (serverActive(s)) return serverRequestsOf(s);
  return (s.live.dataset === s.dataset ? s.live.requests : null) ?? s.dataset?.requests.features ?? NO_REQUESTS;
}

export function volunteersOf(s: Pick<AppState, 'dataset' | 'live'>): VolunteerFeature[] {
  return (s.live.dataset === s.dataset ? s.live.volunteers : null) ?? s.dataset?.volunteers.features ?? NO_VOLUNTEERS;
}

export function timeZoneOf(s: Pick<AppState, 'dataset'>): string {
  return s.dataset?.manifest.timezone ?? DEFAULT_TIME_ZONE;
}

/** The instant deadlines are judged at, and whether it is the data's date rather than now. */
export function ledgerClockOf(s: Pick<AppState, 'dataset' | 'volNow' | 'ledgerClock'>): { at: Date; dataDate: boolean } {
  const now = new Date(s.volNow);
  if (s.ledgerClock === 'now') return { at: now, dataDate: false };
  const at = snapshotClock(now, s.dataset?.manifest.dataAsOf, timeZoneOf(s));
  return { at, dataDate: at !== now };
}

/** The instant volunteer availability is read at for coverage. */
export function coverageInstantOf(s: Pick<AppState, 'dataset' | 'volNow' | 'coverageTime'>): Date {
  const now = new Date(s.volNow);
  return s.coverageTime.kind === 'now' ? now : instantInWeekOf(now, s.coverageTime, timeZoneOf(s));
}

let ledgerMemo: { key: unknown[]; rows: LedgerRow[] } | null = null;

/** Every request with its deadline, overdue flag, escalation and service-gap mark (memoised). */
export function ledgerOf(s: RequestSources & Pick<AppState, 'volNow' | 'ledgerClock' | 'workflowPreset' | 'volunteerEngine'>): LedgerRow[] {
  const requests = requestsOf(s);
  const clock = ledgerClockOf(s).at.getTime();
  const report = s.volunteerEngine.dataset === s.dataset ? s.volunteerEngine.gapReport : null;
  const key = [requests, clock, s.workflowPreset, report, s.dataset];
  if (ledgerMemo && ledgerMemo.key.every((k, i) => k === key[i])) return ledgerMemo.rows;
  const gaps = report
    ? serviceGapRequests(
        requests.map((r) => r.properties),
        report,
      )
    : new Set<string>();
  const rows = ledgerRows(requests, new Date(clock), WORKFLOW_PRESETS[s.workflowPreset], timeZoneOf(s), gaps);
  ledgerMemo = { key, rows };
  return rows;
}
