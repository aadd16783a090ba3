import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_FILES, type DatasetFile } from '../../domain/dataset';
import { serializeFile } from '../sample/serialize';

/** Writes dataset files (DATA-CONTRACT.md) into a directory, one feature per line. */

export type DatasetFiles = Partial<Record<DatasetFile, object>>;

export interface Written {
  file: DatasetFile;
  bytes: number;
  /** Features in the file; null for the manifest. */
  features: number | null;
}

export async function writeDataset(dir: string, files: DatasetFiles): Promise<Written[]> {
  await mkdir(dir, { recursive: true });
  const written: Written[] = [];
  for (const file of DATASET_FILES) {
    const content = files[file];
    if (!content) continue;
    const text = serializeFile(content);
    await writeFile(join(dir, file), text);
    const features = 'features' in content && Array.isArray(content.features) ? content.features.length : null;
    written.push({ file, bytes: Buffer.byteLength(text), features });
  }
  return written;
}

/** Dataset files already in `dir` that `files` does not replace (they may no longer fit). */
export function untouchedFiles(dir: string, files: DatasetFiles): string[] {
  const names = DATASET_FILES.flatMap((f) => [f, f.replace(/\.geojson$/, '.json')]);
  return [...new Set(names)].filter((name) => !(name in files) && existsSync(join(dir, name)));
}
