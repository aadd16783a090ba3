import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failUsage, parseCli } from './args';
import { progress } from './progress';
import { datasetFiles, DEFAULT_SEED, generateSample, STAGES } from '../data/sample/index';
import { serializeFile } from '../data/sample/serialize';
import { CONTACTS_FILE, STAFF_DIR } from '../data/buildingContacts';
import { CATEGORIES } from '../domain/taxonomy';
import { REPORT_FILE } from '../domain/dataset';
import { WALK_SPEED_M_PER_MIN } from '../domain/geo';
import { analyzeDirectory } from './analyze/run';

const spec = {
  usage: 'npm run generate-sample -- [--out <dir>] [--seed <n>]',
  summary: 'Writes the deterministic illustrative dataset (示意数据) of 岳峰镇: the same seed always gives the same files.',
  options: {
    out: { type: 'string', default: 'data/yuefeng-sample' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
  help: {
    out: 'dataset directory to write (default data/yuefeng-sample)',
    seed: `integer 0–4294967295 (default ${DEFAULT_SEED})`,
  },
} as const;

const { values } = parseCli(spec);
const seedText = values.seed ?? String(DEFAULT_SEED);
const seed = Number(seedText);
if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(seed) || seed > 0xffffffff) failUsage(`--seed must be an integer 0–4294967295, got "${seedText}"`, spec);
const outDir = values.out ?? 'data/yuefeng-sample';

const generating = progress('generate', STAGES.length);
const dataset = generateSample(seed, { onStage: (name, index) => generating.update(index, name) });
generating.done('done');

const files = Object.entries(datasetFiles(dataset));
mkdirSync(outDir, { recursive: true });
const writing = progress('write', files.length);
const rows: string[] = [];
let totalBytes = 0;
files.forEach(([file, content], i) => {
  const text = serializeFile(content);
  writeFileSync(join(outDir, file), text);
  const bytes = Buffer.byteLength(text);
  totalBytes += bytes;
  const count = 'features' in content && Array.isArray(content.features) ? String(content.features.length) : '–';
  rows.push(`  ${file.padEnd(20)} ${count.padStart(6)} features ${(bytes / 1024).toFixed(1).padStart(9)} KiB`);
  writing.update(i + 1, file);
});
writing.done();

// Personal data of building contacts (invented here) goes to the staff-only folder, which no
// server, build or copy publishes (src/data/buildingContacts.ts).
const contactsText = serializeFile(dataset.buildingContacts);
mkdirSync(join(outDir, STAFF_DIR), { recursive: true });
writeFileSync(join(outDir, CONTACTS_FILE), contactsText);
rows.push(
  `  ${CONTACTS_FILE.padEnd(20)} ${String(dataset.buildingContacts.buildings.length).padStart(6)} buildings ${(Buffer.byteLength(contactsText) / 1024).toFixed(1).padStart(8)} KiB (staff only)`,
);

// The precomputed nearest report, from the files just written (their fingerprints in it):
// the resident view shows its walking minutes before the network has arrived.
const analysis = await analyzeDirectory(outDir, { speed: WALK_SPEED_M_PER_MIN.standard, ruleset: undefined });
if (!analysis) throw new Error(`the sample in ${outDir} could not be analysed`);
const reportText = `${JSON.stringify(analysis.report)}\n`;
writeFileSync(join(outDir, REPORT_FILE), reportText);
totalBytes += Buffer.byteLength(reportText);
rows.push(
  `  ${REPORT_FILE.padEnd(20)} ${String(analysis.report.compounds.length).padStart(6)} compounds ${(Buffer.byteLength(reportText) / 1024).toFixed(1).padStart(8)} KiB`,
);

const perCategory = new Map<string, number>();
for (const f of dataset.facilities.features) perCategory.set(f.properties.category, (perCategory.get(f.properties.category) ?? 0) + 1);
console.log(`Wrote ${outDir} (seed ${seed}, ${(totalBytes / 1024 / 1024).toFixed(2)} MiB):`);
console.log(rows.join('\n'));
console.log('Facilities by category:');
for (const c of CATEGORIES) console.log(`  ${c.id.padEnd(20)} ${String(perCategory.get(c.id) ?? 0).padStart(4)}  ${c.zh}`);
