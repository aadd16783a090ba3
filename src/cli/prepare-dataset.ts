import { resolve } from 'node:path';
import { PREBUILT_FILE } from '../domain/engine/prebuilt';
import { failUsage, parseCli, type CliSpec } from './args';
import { formatProblem } from './problems';
import { prepareDataset } from './prepare/prebuilt';

const spec = {
  usage: 'npm run prepare-dataset -- --data <dataset-dir>',
  summary:
    `Writes the prebuilt walking graph (${PREBUILT_FILE}) beside network.geojson, so the app and the CLIs load the graph instead of building it. ` +
    'The file names the network it was built from: after network.geojson changes it is ignored (with a notice) until this is run again.',
  options: { data: { type: 'string' } },
  help: { data: 'dataset directory (manifest.json, network.geojson, …)' },
} satisfies CliSpec<Record<string, { type: 'string' }>>;

const { values } = parseCli(spec);
if (!values.data) failUsage('--data is required', spec);
const dir = resolve(values.data);
const started = performance.now();
try {
  const prepared = await prepareDataset(dir);
  for (const problem of prepared.problems) console.error(formatProblem(problem));
  if (!prepared.file) {
    console.error(`${dir}: no walkable network (network.geojson absent or empty): nothing to prepare`);
  } else {
    const ms = Math.round(performance.now() - started);
    console.error(`wrote ${prepared.file}: ${prepared.nodes} nodes, ${prepared.segments} segments, ${(prepared.bytes / 1e6).toFixed(2)} MB in ${ms} ms`);
    if (prepared.listed === 'added') console.error(`manifest.json now lists ${PREBUILT_FILE}`);
  }
} catch (error) {
  console.error(`error: ${dir}: ${(error as Error).message}`);
  process.exit(1);
}
