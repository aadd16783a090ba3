import { parseJsonText } from '../../domain/jsonText';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../data/load';
import { fromDirectory } from '../../data/node-source';
import { DATASET_FILES, type Dataset, type Problem } from '../../domain/dataset';
import { contextOfGraph, walkContext, type WalkContext } from '../../domain/engine/context';
import { networkFingerprint } from '../../domain/engine/fingerprint';
import { decodePrebuilt, encodePrebuilt, PREBUILT_FILE } from '../../domain/engine/prebuilt';

export interface Prepared {
  /** The file written, or null when the dataset has no walkable network. */
  file: string | null;
  bytes: number;
  nodes: number;
  segments: number;
  fingerprint: string | null;
  /** Whether manifest.json now lists the file (it was added to its `files`). */
  listed: 'added' | 'already' | 'no-manifest';
  problems: Problem[];
}

/**
 * Writes the prebuilt walking graph beside network.geojson. The network is read through
 * the same loader as the app (validation, CRS conversion), so the graph and its fingerprint
 * match what a browser gets from the same files. manifest.json is made to list the file,
 * because the app asks only for the optional files a manifest lists.
 */
export async function prepareDataset(dir: string): Promise<Prepared> {
  const { dataset, problems, fatal } = await loadDataset(fromDirectory(dir), { label: dir });
  if (!dataset) throw new Error(fatal ?? 'nothing usable in the dataset');
  const fingerprint = dataset.network && dataset.network.features.length > 0 ? networkFingerprint(dataset.network) : null;
  const ctx = walkContext(dataset.network);
  if (!ctx || !fingerprint) return { file: null, bytes: 0, nodes: 0, segments: 0, fingerprint, listed: 'no-manifest', problems };
  const buffer = encodePrebuilt(ctx.graph, fingerprint);
  const file = join(dir, PREBUILT_FILE);
  writeFileSync(file, new Uint8Array(buffer));
  return { file, bytes: buffer.byteLength, nodes: ctx.graph.nodeCount, segments: ctx.graph.segmentCount, fingerprint, listed: listInManifest(dir), problems };
}

/** Adds the prebuilt file to the manifest's `files` (writing one from the files present when it had none). */
function listInManifest(dir: string): Prepared['listed'] {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return 'no-manifest';
  const text = readFileSync(path, 'utf8');
  const manifest = parseJsonText(text) as Record<string, unknown>;
  const files = Array.isArray(manifest.files)
    ? (manifest.files as string[])
    : DATASET_FILES.filter((f) => f !== 'manifest.json' && (existsSync(join(dir, f)) || existsSync(join(dir, f.replace(/\.geojson$/, '.json')))));
  if (Array.isArray(manifest.files) && files.includes(PREBUILT_FILE)) return 'already';
  manifest.files = [...files, PREBUILT_FILE];
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return 'added';
}

/**
 * The walking context of a loaded dataset for a CLI: the prebuilt graph beside its network
 * when it matches, else one built now. `notice` says why a prebuilt file was not used.
 */
export function cliWalkContext(
  dir: string,
  dataset: Pick<Dataset, 'network'>,
): { ctx: WalkContext | null; source: 'prebuilt' | 'built' | 'none'; notice: string | null } {
  const network = dataset.network;
  if (!network || network.features.length === 0) return { ctx: null, source: 'none', notice: null };
  const path = join(dir, PREBUILT_FILE);
  if (existsSync(path)) {
    const bytes = readFileSync(path);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const read = decodePrebuilt(buffer, networkFingerprint(network));
    if (read.ok) return { ctx: contextOfGraph(read.graph), source: 'prebuilt', notice: null };
    return {
      ctx: walkContext(network),
      source: 'built',
      notice: `${PREBUILT_FILE} ignored (${read.reason}: ${read.detail}); run npm run prepare-dataset -- --data ${dir} again`,
    };
  }
  return { ctx: walkContext(network), source: 'built', notice: null };
}
