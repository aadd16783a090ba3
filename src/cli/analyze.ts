import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadDataset } from '../data/load';
import { fromDirectory } from '../data/node-source';
import { analyzeDataset } from '../domain/analysis';
import { WALK_SPEED_M_PER_MIN } from '../domain/geo';
import { RULESETS, rulesetById } from '../domain/planner/rulesets';
import { failUsage, parseCli, type CliSpec } from './args';
import { formatProblem } from './problems';

const spec = {
  usage: 'npm run analyze -- --data <dataset-dir> --out <report.json> [--speed <m/min>] [--ruleset <id>]',
  summary: 'Writes, for every compound, the nearest facility of every category by walking (JSON report; docs/data-format.md).',
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    speed: { type: 'string' },
    ruleset: { type: 'string' },
  },
  help: {
    data: 'dataset directory (manifest.json, compounds.geojson, facilities.geojson, …)',
    out: 'where to write the report (JSON)',
    speed: `walking speed in metres per minute (default ${WALK_SPEED_M_PER_MIN.standard}; elder profile ${WALK_SPEED_M_PER_MIN.elder})`,
    ruleset: `adds a compliance section: every compound checked against a standard (${RULESETS.map((r) => r.id).join(', ')})`,
  },
} satisfies CliSpec<Record<string, { type: 'string' }>>;

async function main(): Promise<number> {
  const { values } = parseCli(spec);
  if (!values.data) failUsage('--data <dataset-dir> is required', spec);
  if (!values.out) failUsage('--out <report.json> is required', spec);
  const speed = values.speed === undefined ? WALK_SPEED_M_PER_MIN.standard : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0) failUsage(`--speed must be a positive number of metres per minute, got "${values.speed}"`, spec);
  const ruleset = values.ruleset === undefined ? undefined : rulesetById(values.ruleset);
  if (values.ruleset !== undefined && !ruleset) failUsage(`unknown --ruleset "${values.ruleset}"; known: ${RULESETS.map((r) => r.id).join(', ')}`, spec);

  const dir = resolve(values.data);
  const started = performance.now();
  console.error(`reading ${dir}`);
  const { dataset, problems, fatal } = await loadDataset(fromDirectory(dir), { label: values.data });
  for (const problem of problems) console.error(formatProblem(problem));
  if (!dataset) {
    console.error(`error: ${fatal ?? 'nothing usable in the dataset'}`);
    return 1;
  }
  console.error(`analysing ${dataset.compounds.features.length} compounds × ${new Set(dataset.facilities.features.map((f) => f.properties.category)).size} categories${dataset.network ? '' : ' (no network: straight-line distances)'}`);
  const report = analyzeDataset(dataset, problems, speed, ruleset);
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  const ms = Math.round(performance.now() - started);
  const compliance = report.compliance ? `, ${report.compliance.ruleset.id} compliance (score ${report.compliance.total.score_pct ?? '–'} %)` : '';
  console.error(`wrote ${out}: ${report.compounds.length} compounds, ${report.network ? 'network' : 'straight-line'} distances${compliance}, ${problems.length} problem(s), ${ms} ms`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
