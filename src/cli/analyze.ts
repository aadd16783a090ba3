import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WALK_SPEED_M_PER_MIN } from '../domain/geo';
import { allRulesets, rulesetById } from '../domain/planner/rulesets';
import { failUsage, parseCli, type CliSpec } from './args';
import { readDatasetList, shardFrom, shardOf } from './analyze/shards';
import { analyzeDirectory, type AnalyzeOptions } from './analyze/run';

const spec = {
  usage:
    'npm run analyze -- --data <dataset-dir> --out <report.json> [--speed <m/min>] [--ruleset <id>]\n' +
    '       npm run analyze -- --datasets <list.txt> --out-dir <dir> [--shard-count <n> --shard-index <i>] [--speed …] [--ruleset …]',
  summary:
    'Writes, for every compound, the nearest facility of every category by walking (JSON report; docs/data-format.md). ' +
    'With --datasets, one report per dataset of the list, named <dataset id>.json; a shard (or the JOB_COMPLETION_INDEX of a Kubernetes Indexed Job) does only its share.',
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    datasets: { type: 'string' },
    'out-dir': { type: 'string' },
    'shard-count': { type: 'string' },
    'shard-index': { type: 'string' },
    speed: { type: 'string' },
    ruleset: { type: 'string' },
  },
  help: {
    data: 'dataset directory (manifest.json, compounds.geojson, facilities.geojson, …)',
    out: 'where to write the report (JSON)',
    datasets: 'a text file naming one dataset directory per line (relative to the file); # starts a comment',
    'out-dir': 'with --datasets: where to write <dataset id>.json per dataset',
    'shard-count': 'with --datasets: split the list into this many shards (entry k goes to shard k mod n)',
    'shard-index': 'with --shard-count: which shard this process runs (0-based; default $JOB_COMPLETION_INDEX)',
    speed: `walking speed in metres per minute (default ${WALK_SPEED_M_PER_MIN.standard}; elder profile ${WALK_SPEED_M_PER_MIN.elder})`,
    ruleset: `adds a compliance section: every compound checked against a standard (${allRulesets()
      .map((r) => r.id)
      .join(', ')})`,
  },
} satisfies CliSpec<Record<string, { type: 'string' }>>;

type Options = AnalyzeOptions;

/** Analyses one dataset directory: its id and report text, or null (and says why) when nothing usable is left. */
async function analyzeOne(dataDir: string, options: Options, label = dataDir): Promise<{ id: string; text: string; summary: string } | null> {
  const result = await analyzeDirectory(dataDir, options, label);
  return result && { id: result.id, text: `${JSON.stringify(result.report, null, 2)}\n`, summary: result.summary };
}

function writeReport(file: string, result: { text: string; summary: string }): void {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.text);
  console.error(`wrote ${target}: ${result.summary}`);
}

/** Every dataset of the list that this shard owns, one report each; a dataset that fails does not stop the others. */
async function analyzeList(listFile: string, outDir: string, options: Options, shardText: { count?: string; index?: string }): Promise<number> {
  const shard = shardFrom(shardText.count, shardText.index, process.env);
  if (typeof shard === 'string') failUsage(shard, spec);
  if (!existsSync(listFile)) {
    console.error(`error: cannot read the dataset list ${listFile}: no such file`);
    return 1;
  }
  const base = dirname(resolve(listFile));
  const all = readDatasetList(readFileSync(listFile, 'utf8'));
  const mine = shardOf(all, shard);
  console.error(`shard ${shard.index + 1} of ${shard.count}: ${mine.length} of ${all.length} dataset(s)`);
  const written = new Map<string, string>();
  const failed: string[] = [];
  for (const entry of mine) {
    const result = await analyzeOne(resolve(base, entry), options, entry).catch((error: unknown) => {
      console.error(`error: ${entry}: ${(error as Error).message}`);
      return null;
    });
    if (result === null) {
      failed.push(entry);
      continue;
    }
    if (written.has(result.id)) {
      console.error(`error: ${entry} has the dataset id ${JSON.stringify(result.id)} of ${written.get(result.id)}; its report is left out`);
      failed.push(entry);
      continue;
    }
    written.set(result.id, entry);
    writeReport(join(outDir, `${result.id}.json`), result);
  }
  console.error(`${written.size} report(s) in ${resolve(outDir)}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
  return failed.length ? 1 : 0;
}

async function main(): Promise<number> {
  const { values } = parseCli(spec);
  const speed = values.speed === undefined ? WALK_SPEED_M_PER_MIN.standard : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0) failUsage(`--speed must be a positive number of metres per minute, got "${values.speed}"`, spec);
  const ruleset = values.ruleset === undefined ? undefined : rulesetById(values.ruleset);
  if (values.ruleset !== undefined && !ruleset)
    failUsage(
      `unknown --ruleset "${values.ruleset}"; known: ${allRulesets()
        .map((r) => r.id)
        .join(', ')}`,
      spec,
    );
  const options = { speed, ruleset };
  if (values.datasets !== undefined) {
    if (values.data !== undefined || values.out !== undefined) failUsage('use either --data/--out or --datasets/--out-dir', spec);
    if (!values['out-dir']) failUsage('--datasets needs --out-dir <dir>', spec);
    return analyzeList(values.datasets, values['out-dir'], options, { count: values['shard-count'], index: values['shard-index'] });
  }
  if (!values.data) failUsage('--data <dataset-dir> is required (or --datasets <list>)', spec);
  if (!values.out) failUsage('--out <report.json> is required', spec);
  if (values['shard-count'] !== undefined || values['shard-index'] !== undefined) failUsage('--shard-count and --shard-index go with --datasets', spec);
  const result = await analyzeOne(values.data, options);
  if (!result) return 1;
  writeReport(values.out, result);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
