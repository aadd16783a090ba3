import { cpus, loadavg } from 'node:os';
import { failUsage, parseCli } from './args';
import { progress } from './progress';
import { syntheticCity, type SyntheticCity } from './bench/city';
import { DatasetUnavailable, networkCache, requireShared } from './bench/datasets';
import { DEFAULT_MEASURE, measure, measureInterleaved } from './bench/measure';
import { budgetMisses, formatSkipped, formatTable, formatWall, jsonLine, type RowResult, type SkippedRow } from './bench/report';
import type { BenchEnv, BenchTask } from './bench/task';
import { TASKS } from './bench/tasks';

/** DESIGN.md "Performance budgets": the full `npm run bench` finishes within 3 minutes on 2 cores. */
const FULL_RUN_BUDGET_MS = 3 * 60_000;

const spec = {
  usage: 'npm run bench -- [--quick] [--check] [--json] [--runs <n>] [--only <task,…>]',
  summary:
    'Times the engine against what a user would pick instead (Turf, ngraph.path, …) on the same data in the same run,\n' +
    'and prints medians and the ratio peer/ours (budgets: ../shared/DESIGN.md "Performance budgets").',
  options: {
    quick: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: String(DEFAULT_MEASURE.runs) },
    only: { type: 'string' },
  },
  help: {
    quick: 'small sizes, for CI (well under a minute); budgets are not applied',
    check: 'exit non-zero when a budget of DESIGN.md is missed (full run; with --quick only wrong answers fail)',
    json: 'also print {"results":[…]} as the last line of stdout',
    runs: `timed runs per implementation after warm-up, at least 5 (default ${DEFAULT_MEASURE.runs})`,
    only: `comma-separated task names (${[...new Set(TASKS.map((t) => t.name))].join(', ')})`,
  },
} as const;

const { values } = parseCli(spec);
const quick = values.quick ?? false;
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 5) failUsage(`--runs must be an integer ≥ 5, got "${values.runs}"`, spec);
const only = values.only
  ?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = only?.filter((name) => !TASKS.some((t) => t.name === name)) ?? [];
if (unknown.length > 0) failUsage(`unknown task ${unknown.join(', ')}; known: ${TASKS.map((t) => t.name).join(', ')}`, spec);
const tasks = only ? TASKS.filter((t) => only.includes(t.name)) : TASKS;

let city: SyntheticCity | undefined;
const env: BenchEnv = {
  quick,
  city: () => (city ??= syntheticCity({ quick })),
  network: networkCache(),
};

const runStart = performance.now();
const loadStart = loadavg();
const rows: RowResult[] = [];
const skipped: SkippedRow[] = [];
const bar = progress('bench', tasks.length);
for (const [k, task] of tasks.entries()) {
  bar.update(k, `${task.name} (${task.dataset})`);
  const outcome = await runTask(task);
  if ('reason' in outcome) skipped.push(outcome);
  else rows.push(outcome);
}
bar.done();
const wallMs = performance.now() - runStart;
const loadEnd = loadavg();

// Budgets apply at full size; the 3-minute budget to a run of every task.
const applyBudgets = !quick;
const missed = applyBudgets ? rows.flatMap(budgetMisses) : [];
const wholeRun = applyBudgets && !only;
if (wholeRun && wallMs > FULL_RUN_BUDGET_MS) missed.push(`full run: ${formatWall(wallMs)} > ${formatWall(FULL_RUN_BUDGET_MS)}`);

const cpu = cpus();
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`npm run bench${quick ? ' --quick' : ''}: node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
console.log(`median of ${runs} runs after warm-up, each implementation in turn; peer/ours > 1 means ours is faster\n`);
console.log(formatTable(rows, skipped, applyBudgets));
console.log(
  `\nwhole run ${formatWall(wallMs)}${wholeRun ? ` (${wallMs <= FULL_RUN_BUDGET_MS ? '✓' : '✗'} ≤ ${formatWall(FULL_RUN_BUDGET_MS)})` : ''}; ` +
    `load average (1, 5, 15 min) ${load(loadStart)} at the start, ${load(loadEnd)} at the end, on ${cpu.length} cores`,
);
if (quick) console.log('(--quick: small sizes; the budgets of DESIGN.md apply to the full run)');
if (values.json) console.log(jsonLine(rows, skipped, { wallMs, loadStart, loadEnd, cores: cpu.length, missed }));

const wrong = rows.filter((row) => row.check && !row.check.ok);
const failed = skipped.filter((skip) => skip.failed);
if (wrong.length > 0 || failed.length > 0) {
  for (const row of wrong) console.error(`error: ${row.task} on ${row.dataset}: answers disagree: ${row.check?.note}`);
  for (const skip of failed) console.error(`error: ${formatSkipped(skip)}`);
  process.exitCode = 1;
}
if (values.check) {
  if (missed.length > 0) {
    console.error(`--check: ${missed.length} budget(s) of DESIGN.md missed:`);
    for (const miss of missed) console.error(`  ✗ ${miss}`);
    process.exitCode = 1;
  } else {
    console.error(applyBudgets ? '--check: every budget this bench measures is met' : '--check: --quick applies no budgets; answers only');
  }
}

async function runTask(task: BenchTask): Promise<RowResult | SkippedRow> {
  const started = performance.now();
  const base = { task: task.name, dataset: task.dataset };
  try {
    const prepared = await task.setup(env);
    const jobs = new Map<string, () => unknown>([['ours', () => prepared.ours()], ...Object.entries(prepared.peers)]);
    const { timings, results } = prepared.interleaved ? measureInterleaved(jobs, runs) : measure(jobs, { ...DEFAULT_MEASURE, runs });
    const peerNames = Object.keys(prepared.peers);
    const factor = (name: string) => prepared.scaled?.[name]?.factor ?? 1;
    const peersMs = Object.fromEntries(peerNames.map((name) => [name, timings.get(name)!.medianMs * factor(name)]));
    const scaled = prepared.scaled
      ? Object.fromEntries(Object.entries(prepared.scaled).map(([name, s]) => [name, { ...s, sampledMs: timings.get(name)!.medianMs }]))
      : undefined;
    const peerResults = Object.fromEntries(peerNames.map((name) => [name, results.get(name)]));
    const check = prepared.check?.(results.get('ours'), peerResults);
    return {
      ...base,
      size: prepared.size,
      edges: prepared.edges,
      oursMs: timings.get('ours')!.medianMs,
      peersMs,
      ...(scaled ? { scaled } : {}),
      ...(check ? { check } : {}),
      ...(task.budget ? { budget: task.budget } : {}),
      wallMs: performance.now() - started,
    };
  } catch (error) {
    const wall = { wallMs: performance.now() - started };
    if (error instanceof DatasetUnavailable) {
      const failedHere = error.kind === 'missing' && requireShared();
      const hint = error.kind === 'missing' ? (failedHere ? ' (REQUIRE_SHARED=1)' : '; set REQUIRE_SHARED=1 to make this fail') : '';
      return { ...base, reason: `${error.message}${hint}`, failed: failedHere, ...wall };
    }
    console.error(`\n${task.name} on ${task.dataset} threw:`, error);
    return { ...base, reason: `threw ${error instanceof Error ? error.message : String(error)}`, failed: true, ...wall };
  }
}
