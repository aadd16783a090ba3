import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetFile } from '../domain/dataset';
import type { ReadFile } from './load';

/** Node only (CLIs and tests): reads a dataset directory. */

function otherSpelling(name: DatasetFile): string {
  return name.endsWith('.geojson') ? name.replace(/\.geojson$/, '.json') : name.replace(/\.json$/, '.geojson');
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads `<dir>/<file>`, or its `.json`/`.geojson` twin; a file in neither spelling is absent. */
export function fromDirectory(dir: string): ReadFile {
  return async (name) => (await readIfPresent(join(dir, name))) ?? readIfPresent(join(dir, otherSpelling(name)));
}
