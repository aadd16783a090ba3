import { parseJsonText } from '../domain/jsonText';
import { DATASET_FILES, type DatasetFile } from '../domain/dataset';
import { textOf, type FileContents } from './contents';
import type { ReadFile } from './load';
import { PREBUILT_FILE } from '../domain/engine/prebuilt';
import type { Manifest } from '../domain/dataset';
import { listedFiles } from './manifestFiles';

/** Where a dataset's files come from in the browser: a URL directory, or files the user picked. */

/** The files a browser leaves unread, as a Blob, for the walking session to read (see FileContents). */
export const READ_AS_BLOB: readonly string[] = ['network.geojson'];

/**
 * Reads `<base>/<file>` over HTTP. 404/410 (and an HTML page where JSON was asked for,
 * as single-page-app hosts send for any unknown path) mean the file is absent; any other
 * failed response throws, which the loader lists as a problem with that file. The files
 * named in `blobs` come as a Blob, the others as text.
 */
export function fromUrl(
  base: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  blobs: readonly string[] = [],
): ReadFile & ((name: string) => Promise<FileContents | null>) {
  const prefix = base === '' || base.endsWith('/') ? base : `${base}/`;
  return async (name: string) => {
    const url = `${prefix}${name}`;
    const response = await fetchImpl(url, { headers: { Accept: 'application/json, application/geo+json' } });
    if (response.status === 404 || response.status === 410) return null;
    if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}`);
    if (response.headers.get('content-type')?.includes('text/html')) return null;
    return blobs.includes(name) ? response.blob() : response.text();
  };
}

/**
 * The files a dataset at `base` lists in its manifest, or null when it lists none (an older
 * dataset) or the manifest cannot be read: callers then try the optional files as before.
 */
export async function urlListing(base: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<ReadonlySet<string> | null> {
  try {
    const contents = await fromUrl(base, fetchImpl)('manifest.json');
    const text = contents === null ? null : await textOf(contents);
    return text === null ? null : listedFiles(parseJsonText(text));
  } catch {
    return null;
  }
}

/**
 * The prebuilt walking graph of a dataset at `base`, when its manifest lists one (npm run
 * prepare-dataset adds it): never asked for otherwise, so a dataset without one costs no
 * request. Null when absent or unreadable: the walking session then builds the graph.
 */
export async function prebuiltFromUrl(
  base: string,
  manifest: Pick<Manifest, 'files'>,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<ArrayBuffer | null> {
  if (!manifest.files?.includes(PREBUILT_FILE)) return null;
  const prefix = base === '' || base.endsWith('/') ? base : `${base}/`;
  try {
    const response = await fetchImpl(`${prefix}${PREBUILT_FILE}`);
    if (!response.ok || response.headers.get('content-type')?.includes('text/html')) return null;
    return await response.arrayBuffer();
  } catch {
    return null;
  }
}

/** The contract file a picked file stands for: `compounds.geojson` or `compounds.json`, any case. */
function contractName(fileName: string): { name: DatasetFile; exact: boolean } | null {
  const lower = fileName.toLowerCase();
  const stem = lower.replace(/\.(geo)?json$/, '');
  if (stem === lower) return null;
  const name = DATASET_FILES.find((f) => f.replace(/\.(geo)?json$/, '') === stem);
  return name ? { name, exact: lower === name } : null;
}

/** Folder depth of a picked file (a folder picker sets webkitRelativePath). */
function depth(file: File): number {
  const path = (file as File & { webkitRelativePath?: string }).webkitRelativePath ?? '';
  return path.split('/').length;
}

/**
 * Reads files the user picked from disk, matched by file name (the READ_AS_BLOB ones left unread: a File is a Blob). Either spelling
 * (`.geojson` or `.json`) is accepted; when several match, the exact contract name wins,
 * then the one nearest the top of a picked folder.
 */
export function fromFiles(files: Iterable<File>): ReadFile {
  const chosen = new Map<DatasetFile, { file: File; exact: boolean }>();
  for (const file of files) {
    const match = contractName(file.name);
    if (!match) continue;
    const current = chosen.get(match.name);
    const better = !current || (match.exact && !current.exact) || (match.exact === current.exact && depth(file) < depth(current.file));
    if (better) chosen.set(match.name, { file, exact: match.exact });
  }
  return async (name) => {
    const entry = chosen.get(name);
    if (!entry) return null;
    return READ_AS_BLOB.includes(name) ? entry.file : entry.file.text();
  };
}
