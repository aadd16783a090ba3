import type { Budget, CheckResult, DatasetName } from './task';

/** Output of `npm run bench`: a table for people, one JSON line (last on stdout) for machines. */

export interface RowResult {
  task: string;
  dataset: DatasetName;
  size: string;
  edges: number | null;
  oursMs: number;
  peersMs: Record<string, number>;
  check?: CheckResult;
  budget?: Budget;
}

export interface SkippedRow {
  task: string;
  dataset: DatasetName;
  reason: string;
  /** True when the skip is a failure (REQUIRE_SHARED=1, a task that threw). */
  failed: boolean;
}

const COLUMNS = [
  ['task', 24],
  ['data', 10],
  ['size', 32],
  ['impl', 28],
  ['median ms', 11],
  ['peer/ours', 10],
] as const;

const cell = (text: string, k: number) => {
  const width = COLUMNS[k]![1];
  return k >= 4 ? text.padStart(width) : text.padEnd(width);
};
const line = (cells: string[]) => cells.map(cell).join('  ').trimEnd();

export function tableHeader(): string {
  const header = line(COLUMNS.map(([title]) => title));
  return `${header}\n${'─'.repeat(header.length)}`;
}

export function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(2);
  if (ms < 1000) return ms.toFixed(1);
  return Math.round(ms).toLocaleString('en-US');
}

export function formatRatio(ratio: number): string {
  return ratio >= 100 ? `${Math.round(ratio).toLocaleString('en-US')}×` : `${ratio.toFixed(1)}×`;
}

/** The row's lines: ours, one line per peer with its ratio, then the check and budget verdicts. */
export function formatRow(row: RowResult, applyBudgets: boolean): string {
  const lines = [line([row.task, row.dataset, row.size, 'ours', formatMs(row.oursMs), ''])];
  for (const [peer, ms] of Object.entries(row.peersMs)) {
    lines.push(line(['', '', '', peer, formatMs(ms), formatRatio(ms / row.oursMs)]));
  }
  const notes: string[] = [];
  if (row.check) notes.push(`${row.check.ok ? '✓' : '✗ WRONG ANSWER:'} ${row.check.note}`);
  if (row.budget) notes.push(applyBudgets ? budgetVerdict(row) : 'budget: full size only');
  if (notes.length > 0) lines.push(`  ${notes.join('  ·  ')}`);
  return lines.join('\n');
}

function budgetVerdict(row: RowResult): string {
  const parts: string[] = [];
  const { maxMs, minRatio = {} } = row.budget ?? {};
  if (maxMs !== undefined) parts.push(`${row.oursMs <= maxMs ? '✓' : '✗'} ≤ ${maxMs} ms`);
  for (const [peer, min] of Object.entries(minRatio)) {
    const ms = row.peersMs[peer];
    if (ms === undefined) continue;
    parts.push(`${ms / row.oursMs >= min ? '✓' : '✗'} ≥ ${min}× ${peer}`);
  }
  return `budget ${parts.join(', ')}`;
}

export function formatSkipped(skip: SkippedRow): string {
  return `${skip.failed ? 'FAILED' : 'skipped'} ${skip.task} on ${skip.dataset}: ${skip.reason}`;
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

/** `{"results":[{"task","edges","ours_ms","peers":{"<name>":ms}}]}` plus dataset, size, check and skips. */
export function jsonLine(rows: readonly RowResult[], skipped: readonly SkippedRow[]): string {
  return JSON.stringify({
    results: rows.map((row) => ({
      task: row.task,
      edges: row.edges,
      ours_ms: round3(row.oursMs),
      peers: Object.fromEntries(Object.entries(row.peersMs).map(([peer, ms]) => [peer, round3(ms)])),
      dataset: row.dataset,
      size: row.size,
      ...(row.check ? { check_ok: row.check.ok, check: row.check.note } : {}),
    })),
    skipped: skipped.map(({ task, dataset, reason, failed }) => ({ task, dataset, reason, failed })),
  });
}
