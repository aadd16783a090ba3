import { REQUEST_STAGES, type RequestProps, type RequestStage } from '../dataset';
import { HOUR_MS, parseInstant } from './time';

/**
 * The six-step workflow of the seeds (菖蒲社区 "六事"): 收集民情提事 → 民主协商议事 → 多元协同理事
 * → 闭环落实办事 → 公开透明晒事 → 居民满意评事, one file per problem (一问题一建档) closed
 * once done (一办结一销号). Time limits are configuration, not code.
 */
export const STAGES: readonly RequestStage[] = REQUEST_STAGES;

export function stageIndex(stage: RequestStage): number {
  return STAGES.indexOf(stage);
}

/** Who is called in (吹哨) once a request is overdue, from the grid up to the district's departments. */
export const ESCALATION_LEVELS = ['grid', 'community', 'town', 'district'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export interface EscalationStep {
  level: EscalationLevel;
  /** Called in once the request is this many days past its limit. */
  afterOverdueDays: number;
}

export interface WorkflowConfig {
  /** Days from the request to the end of the whole cycle ("一周内完成": 7). */
  cycleDays: number;
  /**
   * Optional per-stage limits: days from the request by which a request must have left
   * that stage. A stage without one only has the cycle limit.
   */
  stageDays: Partial<Record<RequestStage, number>>;
  /** In ascending `afterOverdueDays`. */
  escalation: readonly EscalationStep[];
}

/** Grid worker at once, then the community (2 days late), the town (5), the district's departments (10). */
export const DEFAULT_ESCALATION: readonly EscalationStep[] = [
  { level: 'grid', afterOverdueDays: 0 },
  { level: 'community', afterOverdueDays: 2 },
  { level: 'town', afterOverdueDays: 5 },
  { level: 'district', afterOverdueDays: 10 },
];

/** Default: the whole cycle within 7 days, no separate stage limits. */
export const DEFAULT_WORKFLOW: WorkflowConfig = { cycleDays: 7, stageDays: {}, escalation: DEFAULT_ESCALATION };

/** An example of per-stage limits within the same week: collect in 1 day, deliberate by day 2, … publish by day 6. */
export const STAGED_WORKFLOW: WorkflowConfig = {
  cycleDays: 7,
  stageDays: { collect: 1, deliberate: 2, coordinate: 3, execute: 5, publish: 6 },
  escalation: DEFAULT_ESCALATION,
};

export const WORKFLOW_PRESETS = { cycle: DEFAULT_WORKFLOW, staged: STAGED_WORKFLOW } as const;
export type WorkflowPreset = keyof typeof WORKFLOW_PRESETS;

const DAY_MS = 24 * HOUR_MS;

export interface RequestTiming {
  requestedAt: Date | null;
  /** When the current stage (or, when closed, the whole cycle) had to be done. */
  deadline: Date | null;
  /** Open and past its deadline. */
  overdue: boolean;
  /** Closed after the cycle's deadline. */
  closedLate: boolean;
  /** Milliseconds since the request was made (0 when closed or in the future). */
  waitedMs: number;
  /** Milliseconds past the deadline (0 when not overdue). */
  overdueMs: number;
  /** Who should be called in now; null when not overdue. */
  escalation: EscalationLevel | null;
}

/** The days after the request by which a request in `stage` must have moved on. */
export function stageLimitDays(stage: RequestStage, config: WorkflowConfig): number {
  const own = config.stageDays[stage];
  return own === undefined ? config.cycleDays : Math.min(own, config.cycleDays);
}

export function escalationFor(overdueMs: number, config: WorkflowConfig): EscalationLevel | null {
  let level: EscalationLevel | null = null;
  for (const step of config.escalation) if (overdueMs > 0 && overdueMs >= step.afterOverdueDays * DAY_MS) level = step.level;
  return level;
}

/** Deadline, overdue flag and escalation of one request at `now`. */
export function requestTiming(request: RequestProps, now: Date, config: WorkflowConfig, timeZone: string): RequestTiming {
  const requestedAt = parseInstant(request.requested_datetime, timeZone);
  if (!requestedAt) return { requestedAt, deadline: null, overdue: false, closedLate: false, waitedMs: 0, overdueMs: 0, escalation: null };
  const closed = request.status === 'closed';
  const limitDays = closed ? config.cycleDays : stageLimitDays(request.stage, config);
  const deadline = new Date(requestedAt.getTime() + limitDays * DAY_MS);
  if (closed) {
    const closedAt = parseInstant(request.updated_datetime, timeZone);
    return { requestedAt, deadline, overdue: false, closedLate: closedAt !== null && closedAt > deadline, waitedMs: 0, overdueMs: 0, escalation: null };
  }
  const overdueMs = Math.max(0, now.getTime() - deadline.getTime());
  return {
    requestedAt,
    deadline,
    overdue: overdueMs > 0,
    closedLate: false,
    waitedMs: Math.max(0, now.getTime() - requestedAt.getTime()),
    overdueMs,
    escalation: escalationFor(overdueMs, config),
  };
}

export interface Timed<R> {
  request: R;
  timing: RequestTiming;
}

/**
 * The escalation list (吹哨): overdue requests, the one that has waited longest first; equal
 * waits put the earlier stage first, then the request id.
 */
export function escalationList<R extends { properties: RequestProps }>(
  requests: readonly R[],
  now: Date,
  config: WorkflowConfig,
  timeZone: string,
): Timed<R>[] {
  return requests
    .map((request) => ({ request, timing: requestTiming(request.properties, now, config, timeZone) }))
    .filter((t) => t.timing.overdue)
    .sort(
      (a, b) =>
        b.timing.waitedMs - a.timing.waitedMs ||
        stageIndex(a.request.properties.stage) - stageIndex(b.request.properties.stage) ||
        a.request.properties.service_request_id.localeCompare(b.request.properties.service_request_id),
    );
}

/** Requests per stage, in workflow order. */
export function stageCounts(requests: readonly { properties: Pick<RequestProps, 'stage'> }[]): Record<RequestStage, number> {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<RequestStage, number>;
  for (const r of requests) counts[r.properties.stage]++;
  return counts;
}
