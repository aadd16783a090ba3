import type { Feature, Point } from 'geojson';
import type { RequestProps, RequestStage } from '../dataset';
import { toCsv, type CsvCell } from './csv';
import { isoInZone } from './time';
import { requestTiming, type EscalationLevel, type WorkflowConfig } from './workflow';

/** One line of the ledger (一问题一建档): a request with its deadline and flags. */
export interface LedgerRow {
  id: string;
  requestId: string;
  compoundId: string | null;
  code: string;
  stage: RequestStage;
  status: 'open' | 'closed';
  requested: string;
  updated: string | null;
  expected: string | null;
  rating: number | null;
  deadline: Date | null;
  overdue: boolean;
  closedLate: boolean;
  waitedMs: number;
  escalation: EscalationLevel | null;
  gap: boolean;
}

export function ledgerRows(
  requests: readonly Feature<Point, RequestProps>[],
  now: Date,
  config: WorkflowConfig,
  timeZone: string,
  gaps: ReadonlySet<string> = new Set(),
): LedgerRow[] {
  return requests.map(({ properties: p }) => {
    const timing = requestTiming(p, now, config, timeZone);
    return {
      id: p.id,
      requestId: p.service_request_id,
      compoundId: p.compound_id ?? null,
      code: p.service_code,
      stage: p.stage,
      status: p.status,
      requested: p.requested_datetime,
      updated: p.updated_datetime ?? null,
      expected: p.expected_datetime ?? null,
      rating: p.rating ?? null,
      deadline: timing.deadline,
      overdue: timing.overdue,
      closedLate: timing.closedLate,
      waitedMs: timing.waitedMs,
      escalation: timing.escalation,
      gap: gaps.has(p.id),
    };
  });
}

export interface LedgerFilter {
  stage: RequestStage | 'all';
  status: 'open' | 'closed' | 'all';
  code: string | 'all';
  compoundId: string | 'all';
  overdueOnly: boolean;
  gapOnly: boolean;
  /** Matches the request number (case and spaces ignored). */
  query: string;
}

export const NO_FILTER: LedgerFilter = { stage: 'all', status: 'all', code: 'all', compoundId: 'all', overdueOnly: false, gapOnly: false, query: '' };

export function filterLedger(rows: readonly LedgerRow[], f: LedgerFilter): LedgerRow[] {
  const q = f.query.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (f.stage === 'all' || r.stage === f.stage) &&
      (f.status === 'all' || r.status === f.status) &&
      (f.code === 'all' || r.code === f.code) &&
      (f.compoundId === 'all' || r.compoundId === f.compoundId) &&
      (!f.overdueOnly || r.overdue) &&
      (!f.gapOnly || r.gap) &&
      (q === '' || r.requestId.toLowerCase().includes(q)),
  );
}

/** How the CSV names things, in the user's language. */
export interface LedgerCsvLabels {
  header: readonly [
    id: string,
    compound: string,
    category: string,
    stage: string,
    status: string,
    requested: string,
    updated: string,
    expected: string,
    deadline: string,
    overdue: string,
    gap: string,
    rating: string,
  ];
  compoundName(id: string | null): string;
  codeName(code: string): string;
  stageName(stage: RequestStage): string;
  statusName(status: 'open' | 'closed'): string;
  yes: string;
  no: string;
}

/** The ledger as CSV, with the columns of the table (no request texts, no names). */
export function ledgerCsv(rows: readonly LedgerRow[], labels: LedgerCsvLabels, timeZone: string): string {
  const flag = (b: boolean) => (b ? labels.yes : labels.no);
  return toCsv(
    labels.header,
    rows.map((r): CsvCell[] => [
      r.requestId,
      labels.compoundName(r.compoundId),
      labels.codeName(r.code),
      labels.stageName(r.stage),
      labels.statusName(r.status),
      r.requested,
      r.updated,
      r.expected,
      r.deadline ? isoInZone(r.deadline, timeZone) : '',
      flag(r.overdue),
      flag(r.gap),
      r.rating,
    ]),
  );
}
