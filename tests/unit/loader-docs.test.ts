import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import type { DatasetFile } from '../../src/domain/dataset';
import { CATEGORIES } from '../../src/domain/taxonomy';
import { memory } from './loader-helpers';

/** docs/data-format.md is what users read: its example must load and its category table must match taxonomy.json. */
const doc = readFileSync(new URL('../../docs/data-format.md', import.meta.url), 'utf8');

describe('docs/data-format.md', () => {
  it('lists every facility category with its Chinese and English label', () => {
    for (const c of CATEGORIES) expect(doc).toContain(`| \`${c.id}\` | ${c.zh} | ${c.en} |`);
  });

  it('has a minimal example that loads without a problem', async () => {
    const example = doc.slice(doc.indexOf('## A minimal dataset'));
    const blocks = [...example.matchAll(/`([a-z]+\.(?:json|geojson))`:\s*```json\n([\s\S]*?)```/g)];
    const files = Object.fromEntries(blocks.map(([, name, body]) => [name as DatasetFile, body as string]));
    expect(Object.keys(files)).toEqual(['manifest.json', 'compounds.geojson', 'facilities.geojson']);
    const { dataset, problems, fatal } = await loadDataset(memory(files));
    expect(fatal).toBeNull();
    expect(problems).toEqual([]);
    expect(dataset?.facilities.features[0]?.properties.category).toBe('canteen');
  });
});
