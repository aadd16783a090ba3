import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_FILES, EXTRA_FILES, type DatasetFile } from '../../domain/dataset';
import { serializeFile } from '../sample/serialize';

/** Writes dataset files (DATA-CONTRACT.md) into a directory, one feature per line. */

export type DatasetFiles = Partial<Record<DatasetFile, object>>;

export interface Written {
  file: DatasetFile;
  bytes: number;
  /** Features in the file; null for the manifest. */
  features: number | null;
}

/** The dataset files `dir` holds, in either spelling, by contract name (manifest.json aside). */
export function filesIn(dir: string): string[] {
  const present = (name: string) => existsSync(join(dir, name)) || existsSync(join(dir, name.replace(/\.geojson$/, '.json')));
  return [...DATASET_FILES.filter((f) => f !== 'manifest.json'), ...EXTRA_FILES].filter(present);
}

/**
 * Writes the files, the manifest last with `files` listing every dataset file the directory
 * then holds (the ones written and any already there), so that the app asks for exactly
 * those and never for one that is absent.
 */
export async function writeDataset(dir: string, files: DatasetFiles): Promise<Written[]> {
  await mkdir(dir, { recursive: true });
  const written: Written[] = [];
  const write = async (file: DatasetFile, content: object) => {
    const text = serializeFile(content);
    await writeFile(join(dir, file), text);
    const features = 'features' in content && Array.isArray(content.features) ? content.features.length : null;
    written.push({ file, bytes: Buffer.byteLength(text), features });
  };
  for (const file of DATASET_FILES) {
    const content = files[file];
    if (content && file !== 'manifest.json') await write(file, content);
  }
  const manifest = files['manifest.json'];
  if (manifest) await write('manifest.json', { ...manifest, files: filesIn(dir) });
  written.sort((a, b) => DATASET_FILES.indexOf(a.file) - DATASET_FILES.indexOf(b.file));
  return written;
}

/** Dataset files already in `dir` that `files` does not replace (they may no longer fit). */
export function untouchedFiles(dir: string, files: DatasetFiles): string[] {
  const names = DATASET_FILES.flatMap((f) => [f, f.replace(/\.geojson$/, '.json')]);
  return [...new Set(names)].filter((name) => !(name in files) && existsSync(join(dir, name)));
}
