import { CONTEXT_KINDS, type ContextKind } from '../domain/dataset';
import { failUsage, parseCli } from './args';
import { progress, type Progress } from './progress';
import { importOsm, untouchedFiles, writeDataset, type Bbox } from '../data/osm/index';
import { formatOsmSummary } from '../data/osm/summary-text';

const spec = {
  usage: 'npm run import:osm -- <file.osm.pbf|file.osm|overpass.json> --out <dir> [--bbox w,s,e,n] [--density <persons/m²>]',
  summary:
    'Turns an OpenStreetMap extract (PBF, XML or Overpass JSON) into a dataset directory: walkable network, facilities, ' +
    'residential compounds, their gates, basemap context and a manifest with the ODbL attribution.',
  options: {
    out: { type: 'string' },
    bbox: { type: 'string' },
    density: { type: 'string' },
    'elderly60-share': { type: 'string' },
    'elderly80-share': { type: 'string' },
    'gate-distance': { type: 'string' },
    context: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
  },
  help: {
    out: 'dataset directory to write (required)',
    bbox: 'keep only what lies in west,south,east,north (degrees, WGS84)',
    density: 'persons per m² to estimate compound population from area (e.g. 0.02); without it population is missing',
    'elderly60-share': 'share of residents aged 60+ (0–1), e.g. 0.21; without it elderly counts are missing',
    'elderly80-share': 'share of residents aged 80+ (0–1), e.g. 0.03',
    'gate-distance': 'metres from a compound boundary within which an entrance is its gate (default 15)',
    context: 'basemap kinds to keep: any of water,green,building,rail, or none (default all; leaving out building saves memory on a city)',
    id: 'dataset id (default: from the file name)',
    name: 'dataset name shown in the app (default: "<id> (imported from OpenStreetMap)")',
  },
  allowPositionals: true,
} as const;

const { values, positionals } = parseCli(spec);
if (positionals.length !== 1) failUsage(positionals.length ? `give one input file, not ${positionals.length}` : 'give the OSM file to import', spec);
const input = positionals[0] as string;
if (!values.out) failUsage('--out <dir> is required', spec);
const outDir = values.out;

function fraction(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) failUsage(`--${flag} must be a number from 0 to ${max}, got "${text}"`, spec);
  return n;
}

function parseBbox(text: string | undefined): Bbox | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((p) => Number(p.trim()));
  const [w, s, e, n] = parts as [number, number, number, number];
  const valid = parts.length === 4 && parts.every(Number.isFinite) && w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90;
  if (!valid) failUsage(`--bbox must be west,south,east,north in degrees with west < east and south < north, got "${text}"`, spec);
  return [w, s, e, n];
}

function parseContext(text: string | undefined): ContextKind[] | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === 'none') return [];
  const kinds = text.split(',').map((k) => k.trim());
  const bad = kinds.filter((k) => !(CONTEXT_KINDS as readonly string[]).includes(k));
  if (bad.length) failUsage(`--context takes ${CONTEXT_KINDS.join(', ')} or none, not "${bad.join(', ')}"`, spec);
  return kinds as ContextKind[];
}

const options = {
  contextKinds: parseContext(values.context),
  bbox: parseBbox(values.bbox),
  densityPerM2: fraction('density', values.density, 10),
  elderly60Share: fraction('elderly60-share', values['elderly60-share'], 1),
  elderly80Share: fraction('elderly80-share', values['elderly80-share'], 1),
  gateDistanceM: fraction('gate-distance', values['gate-distance'], 500),
  id: values.id,
  name: values.name ? { zh: values.name } : undefined,
};
if (options.elderly80Share !== undefined && (options.elderly60Share === undefined || options.elderly80Share > options.elderly60Share)) {
  failUsage('--elderly80-share needs --elderly60-share, and cannot be larger than it', spec);
}

const started = performance.now();
let bar: Progress | null = null;
let barPass = 0;
try {
  const { files, summary } = await importOsm(input, {
    ...options,
    onProgress: ({ pass, label, bytes, totalBytes }) => {
      if (pass !== barPass) {
        bar?.done();
        bar = progress(`pass ${pass} (${label})`, totalBytes);
        barPass = pass;
      }
      bar?.update(bytes, `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
    },
  });
  (bar as Progress | null)?.done();
  const stale = untouchedFiles(outDir, files);
  const written = await writeDataset(outDir, files);
  console.log(formatOsmSummary(summary));
  console.log(`Wrote ${outDir}:`);
  for (const w of written)
    console.log(`  ${w.file.padEnd(20)} ${(w.features === null ? '–' : String(w.features)).padStart(7)} ${(w.bytes / 1024).toFixed(1).padStart(9)} KiB`);
  if (stale.length) console.log(`Note: ${stale.join(', ')} in ${outDir} were left as they were; remove them if they belong to another dataset.`);
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  if (bar && process.stderr.isTTY) process.stderr.write('\n');
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
