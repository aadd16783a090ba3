import type { Budget, CheckResult, DatasetName, Scaled } from './task';

/** Output of `npm run bench`: a table for people, one JSON line (last on stdout) for machines. */

export interface RowResult {
  task: string;
  dataset: DatasetName;
  size: string;
  edges: number | null;
  oursMs: number;
  /** Per peer, the figure for the whole job (scaled up for a sampled peer). */
  peersMs: Record<string, number>;
  /** Peers timed on a sample: what was timed, the factor and the measured (unscaled) ms. */
  scaled?: Record<string, Scaled & { sampledMs: number }>;
  check?: CheckResult;
  budget?: Budget;
  /** Wall-clock time of the whole row: setup, every job's warm-up and runs, the check. */
  wallMs: number;
}

export interface SkippedRow {
  task: string;
  dataset: DatasetName;
  reason: string;
  /** True when the skip is a failure (REQUIRE_SHARED=1, a task that threw). */
  failed: boolean;
  wallMs: number;
}

const HEADERS = ['task', 'data', 'size', 'impl', 'median ms', 'peer/ours', 'row wall s'] as const;
/** Columns right-aligned (numbers). */
const NUMERIC = new Set([4, 5, 6]);

export function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(2);
  if (ms < 1000) return ms.toFixed(1);
  return Math.round(ms).toLocaleString('en-US');
}

export function formatRatio(ratio: number): string {
  return ratio >= 100 ? `${Math.round(ratio).toLocaleString('en-US')}×` : `${ratio.toFixed(1)}×`;
}

/** "1 min 07 s" for 67 s; seconds with one decimal below a minute. */
export function formatWall(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
}

/** The impl column for a peer: its name, and for a sampled peer what was timed and the factor. */
export function implLabel(peer: string, scaled: Scaled | undefined): string {
  return scaled ? `${peer} (${scaled.sample}, ×${scaled.factor.toLocaleString('en-US')})` : peer;
}

type Line = string[] | string;

function rowLines(row: RowResult, applyBudgets: boolean): Line[] {
  const lines: Line[] = [[row.task, row.dataset, row.size, 'ours', formatMs(row.oursMs), '', (row.wallMs / 1000).toFixed(1)]];
  for (const [peer, ms] of Object.entries(row.peersMs)) {
    lines.push(['', '', '', implLabel(peer, row.scaled?.[peer]), formatMs(ms), formatRatio(ms / row.oursMs), '']);
  }
  const notes: string[] = [];
  if (row.check) notes.push(`${row.check.ok ? '✓' : '✗ WRONG ANSWER:'} ${row.check.note}`);
  if (row.budget)
    notes.push(
      applyBudgets
        ? `budget ${budgetVerdicts(row)
            .map((v) => v.text)
            .join(', ')}`
        : 'budget: full size only',
    );
  if (notes.length > 0) lines.push(`  ${notes.join('  ·  ')}`);
  for (const [peer, scaled] of Object.entries(row.scaled ?? {})) {
    const caveat = scaled.caveat ? `; ${scaled.caveat}` : '';
    lines.push(`  ${peer}: ${formatMs(scaled.sampledMs)} ms measured on ${scaled.sample}, × ${scaled.factor.toLocaleString('en-US')}${caveat}`);
  }
  return lines;
}

/** The whole table: header, every row (ours, one line per peer, notes), then the skipped rows. */
export function formatTable(rows: readonly RowResult[], skipped: readonly SkippedRow[], applyBudgets: boolean): string {
  const lines: Line[] = rows.flatMap((row) => rowLines(row, applyBudgets));
  const cells = lines.filter((l): l is string[] => Array.isArray(l));
  const widths = HEADERS.map((title, k) => Math.max(title.length, ...cells.map((c) => c[k]!.length)));
  const render = (c: readonly string[]) =>
    c
      .map((text, k) => (NUMERIC.has(k) ? text.padStart(widths[k]!) : text.padEnd(widths[k]!)))
      .join('  ')
      .trimEnd();
  const header = render(HEADERS);
  return [header, '─'.repeat(header.length), ...lines.map((l) => (Array.isArray(l) ? render(l) : l)), ...skipped.map(formatSkipped)].join('\n');
}

export interface Verdict {
  ok: boolean;
  /** "✓ ≤ 50 ms", "✗ ≥ 30× turf.union". */
  text: string;
  /** For --check when missed: "gap-analysis on wuhan: 61.2 ms > 50 ms". */
  miss: string;
}

/** The row's budgets (DESIGN.md), each met or not. */
export function budgetVerdicts(row: RowResult): Verdict[] {
  const verdicts: Verdict[] = [];
  const { maxMs, minRatio = {}, maxSlowdown = {} } = row.budget ?? {};
  const where = `${row.task} on ${row.dataset}`;
  const add = (ok: boolean, text: string, miss: string) => verdicts.push({ ok, text: `${ok ? '✓' : '✗'} ${text}`, miss: `${where}: ${miss}` });
  if (maxMs !== undefined) add(row.oursMs <= maxMs, `≤ ${maxMs} ms`, `${formatMs(row.oursMs)} ms > ${maxMs} ms`);
  for (const [peer, min] of Object.entries(minRatio)) {
    const ms = row.peersMs[peer];
    if (ms === undefined) continue;
    add(ms / row.oursMs >= min, `≥ ${min}× ${peer}`, `${formatRatio(ms / row.oursMs)} ${peer} < ${min}×`);
  }
  for (const [peer, max] of Object.entries(maxSlowdown)) {
    const ms = row.peersMs[peer];
    if (ms === undefined) continue;
    add(row.oursMs / ms <= max, `ours ≤ ${max}× ${peer}`, `ours ${(row.oursMs / ms).toFixed(2)}× ${peer} > ${max}×`);
  }
  return verdicts;
}

/** Every budget the row missed, its own and its check's stages, as lines for --check. */
export function budgetMisses(row: RowResult): string[] {
  const own = budgetVerdicts(row)
    .filter((v) => !v.ok)
    .map((v) => v.miss);
  return [...own, ...(row.check?.missed ?? []).map((m) => `${row.task} on ${row.dataset}: ${m}`)];
}

export function formatSkipped(skip: SkippedRow): string {
  return `${skip.failed ? 'FAILED' : 'skipped'} ${skip.task} on ${skip.dataset}: ${skip.reason}`;
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

export interface RunSummary {
  wallMs: number;
  /** os.loadavg() (1, 5, 15 min) at the start and at the end of the run. */
  loadStart: number[];
  loadEnd: number[];
  cores: number;
  missed: string[];
}

/** `{"results":[{"task","edges","ours_ms","peers":{"<name>":ms}}]}` plus dataset, size, check, scaling, wall time and skips. */
export function jsonLine(rows: readonly RowResult[], skipped: readonly SkippedRow[], run: RunSummary): string {
  return JSON.stringify({
    results: rows.map((row) => ({
      task: row.task,
      edges: row.edges,
      ours_ms: round3(row.oursMs),
      peers: Object.fromEntries(Object.entries(row.peersMs).map(([peer, ms]) => [peer, round3(ms)])),
      dataset: row.dataset,
      size: row.size,
      ...(row.scaled
        ? {
            scaled: Object.fromEntries(
              Object.entries(row.scaled).map(([peer, s]) => [peer, { sample: s.sample, factor: s.factor, measured_ms: round3(s.sampledMs) }]),
            ),
          }
        : {}),
      ...(row.check ? { check_ok: row.check.ok, check: row.check.note } : {}),
      wall_s: Math.round(row.wallMs / 100) / 10,
    })),
    skipped: skipped.map(({ task, dataset, reason, failed, wallMs }) => ({ task, dataset, reason, failed, wall_s: Math.round(wallMs / 100) / 10 })),
    run: {
      wall_s: Math.round(run.wallMs / 100) / 10,
      load_start: run.loadStart.map((x) => Math.round(x * 100) / 100),
      load_end: run.loadEnd.map((x) => Math.round(x * 100) / 100),
      cores: run.cores,
      budgets_missed: run.missed,
    },
  });
}
