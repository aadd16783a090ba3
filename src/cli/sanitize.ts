import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATASET_FILES, EXTRA_FILES } from '../domain/dataset';
import { sanitizeDataset } from '../domain/volunteers/sanitize';
import { failUsage, parseCli, type CliSpec } from './args';

const spec = {
  usage: 'npm run sanitize -- --data <dataset-dir> --out <dir>',
  summary:
    'Writes a copy of a dataset without personal data, for public deployment: volunteer names and phones, request texts and contacts, grid staff names and phones are removed; volunteer and request positions are blurred (docs/data-format.md).',
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
  },
  help: {
    data: 'dataset directory to read (left unchanged)',
    out: 'directory to write the public copy to (created if needed; must differ from --data)',
  },
} satisfies CliSpec<Record<string, { type: 'string' }>>;

/** The file as it is spelled in the directory: `x.geojson`, or its `.json` twin. */
function spelling(dir: string, name: string): string | null {
  const twin = name.endsWith('.geojson') ? name.replace(/\.geojson$/, '.json') : name.replace(/\.json$/, '.geojson');
  for (const candidate of [name, twin]) if (existsSync(join(dir, candidate))) return candidate;
  return null;
}

function main(): number {
  const { values } = parseCli(spec);
  if (!values.data) failUsage('--data <dataset-dir> is required', spec);
  if (!values.out) failUsage('--out <dir> is required', spec);
  const dir = resolve(values.data);
  const out = resolve(values.out);
  if (dir === out) failUsage('--out must be another directory: the original keeps its personal data', spec);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`error: ${join(dir, 'manifest.json')} not found: --data must be a dataset directory`);
    return 1;
  }
  const texts = new Map<string, string>();
  const spelled = new Map<string, string>();
  for (const name of [...DATASET_FILES, ...EXTRA_FILES]) {
    const file = spelling(dir, name);
    if (!file) continue;
    texts.set(name, readFileSync(join(dir, file), 'utf8'));
    spelled.set(name, file);
  }
  const result = sanitizeDataset(texts);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of result.files) writeFileSync(join(out, spelled.get(name) ?? name), text);
  for (const [name, counts] of result.counts) {
    const removed = Object.entries(counts.removed).map(([field, n]) => `${field} ×${n}`);
    console.log(`${name}: removed ${removed.length ? removed.join(', ') : 'nothing'}; ${counts.moved} position(s) blurred`);
  }
  for (const [name, why] of result.leftOut) console.error(`warning: ${name} left out of the copy: ${why}`);
  console.log(`wrote ${result.files.size} file(s) to ${out}`);
  return 0;
}

process.exit(main());
