import { cpus } from 'node:os';
import { failUsage, parseCli } from './args';
import { progress } from './progress';
import { syntheticCity, type SyntheticCity } from './bench/city';
import { DatasetUnavailable, networkCache, requireShared } from './bench/datasets';
import { DEFAULT_MEASURE, measure } from './bench/measure';
import { formatRow, formatSkipped, jsonLine, tableHeader, type RowResult, type SkippedRow } from './bench/report';
import type { BenchEnv, BenchTask } from './bench/task';
import { TASKS } from './bench/tasks';

const spec = {
  usage: 'npm run bench -- [--quick] [--json] [--runs <n>] [--only <task,…>]',
  summary:
    'Times the engine against what a user would pick instead (Turf, ngraph.path, …) on the same data in the same run,\n' +
    'and prints medians and the ratio peer/ours (budgets: ../shared/DESIGN.md "Performance budgets").',
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: String(DEFAULT_MEASURE.runs) },
    only: { type: 'string' },
  },
  help: {
    quick: 'small sizes, for CI (well under a minute); budgets are not applied',
    json: 'also print {"results":[…]} as the last line of stdout',
    runs: `timed runs per implementation after warm-up, at least 5 (default ${DEFAULT_MEASURE.runs})`,
    only: `comma-separated task names (${[...new Set(TASKS.map((t) => t.name))].join(', ')})`,
  },
} as const;

const { values } = parseCli(spec);
const quick = values.quick ?? false;
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 5) failUsage(`--runs must be an integer ≥ 5, got "${values.runs}"`, spec);
const only = values.only?.split(',').map((name) => name.trim()).filter(Boolean);
const unknown = only?.filter((name) => !TASKS.some((t) => t.name === name)) ?? [];
if (unknown.length > 0) failUsage(`unknown task ${unknown.join(', ')}; known: ${TASKS.map((t) => t.name).join(', ')}`, spec);
const tasks = only ? TASKS.filter((t) => only.includes(t.name)) : TASKS;

let city: SyntheticCity | undefined;
const env: BenchEnv = {
  quick,
  city: () => (city ??= syntheticCity({ quick })),
  network: networkCache(),
};

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

const cpu = cpus();
console.log(`npm run bench${quick ? ' --quick' : ''}: node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
console.log(`median of ${runs} runs after warm-up, each implementation in turn; peer/ours > 1 means ours is faster\n`);
console.log(tableHeader());
for (const row of rows) console.log(formatRow(row, !quick));
for (const skip of skipped) console.log(formatSkipped(skip));
if (quick) console.log('\n(--quick: small sizes; the budgets of DESIGN.md apply to the full run)');
if (values.json) console.log(jsonLine(rows, skipped));

const wrong = rows.filter((row) => row.check && !row.check.ok);
const failed = skipped.filter((skip) => skip.failed);
if (wrong.length > 0 || failed.length > 0) {
  for (const row of wrong) console.error(`error: ${row.task} on ${row.dataset}: answers disagree: ${row.check?.note}`);
  for (const skip of failed) console.error(`error: ${formatSkipped(skip)}`);
  process.exitCode = 1;
}

async function runTask(task: BenchTask): Promise<RowResult | SkippedRow> {
  const base = { task: task.name, dataset: task.dataset };
  try {
    const prepared = await task.setup(env);
    const jobs = new Map<string, () => unknown>([['ours', () => prepared.ours()], ...Object.entries(prepared.peers)]);
    const { timings, results } = measure(jobs, { ...DEFAULT_MEASURE, runs });
    const peersMs = Object.fromEntries(Object.keys(prepared.peers).map((name) => [name, timings.get(name)!.medianMs]));
    const peerResults = Object.fromEntries(Object.keys(prepared.peers).map((name) => [name, results.get(name)]));
    return {
      ...base,
      size: prepared.size,
      edges: prepared.edges,
      oursMs: timings.get('ours')!.medianMs,
      peersMs,
      ...(prepared.check ? { check: prepared.check(results.get('ours'), peerResults) } : {}),
      ...(task.budget ? { budget: task.budget } : {}),
    };
  } catch (error) {
    if (error instanceof DatasetUnavailable) {
      const failedHere = error.kind === 'missing' && requireShared();
      const hint = error.kind === 'missing' ? (failedHere ? ' (REQUIRE_SHARED=1)' : '; set REQUIRE_SHARED=1 to make this fail') : '';
      return { ...base, reason: `${error.message}${hint}`, failed: failedHere };
    }
    console.error(`\n${task.name} on ${task.dataset} threw:`, error);
    return { ...base, reason: `threw ${error instanceof Error ? error.message : String(error)}`, failed: true };
  }
}
