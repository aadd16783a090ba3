import { textOf, type FileContents } from '../../data/contents';
import { checkNetwork as checkElsewhereOrInPlace, loadDataset, type CheckedNetwork, type CheckNetwork } from '../../data/load';
import { describeSource, sourceAllowed } from '../../data/dataOrigin';
import { isListed } from '../../data/manifestFiles';
import { fromUrl, urlListing } from '../../data/sources';
import type { Dataset } from '../../domain/dataset';
import { textFingerprint } from '../../domain/hall/privacy';
import { DEFAULT_DATA } from '../../store/url';
import { sessionNetworkCheck } from '../../workers/sessionClient';
import { DEFAULT_CONFIG, parsePlaylist, parsePlaylistParam, type ParsedPlaylist } from '../../domain/hall/playlist';
import { nextTask } from '../../data/nextTask';

export type DatasetRead = { ok: true; dataset: Dataset; fingerprint: string; files: Map<string, string> } | { ok: false; reason: string };

/**
 * Fetches past every cache (the service worker's network-first route matches only plain
 * dataset URLs): a re-read must reach the server, or fail, so that "updated at" never shows
 * the time a cached copy was served while the network was down.
 */
const fromServer: typeof fetch = (input, init) => fetch(`${String(input)}?hallRead=${Date.now()}`, { ...init, cache: 'no-store' });

/**
 * The network check, remembering the last network it was handed: a re-read whose
 * network.geojson has not changed (most re-reads: requests and volunteers change, streets do
 * not) gets the same checked layer back, with the same features. The walking session then
 * does not parse and check a city's network again, a small network is not checked on the page
 * again, and the map does not send its streets to be cut into tiles again. `check` is where a
 * large network is checked (the walking session); one it declines is checked in place, as the
 * loader would.
 */
export function rememberingLastNetwork(check: CheckNetwork | undefined): CheckNetwork {
  // The hall reads text (it fingerprints every file); a Blob would be remembered as the same Blob only.
  let last: { contents: FileContents; crs: string; layer: Promise<CheckedNetwork> } | null = null;
  return (contents, crs) => {
    if (last && last.contents === contents && last.crs === crs) return last.layer;
    const layer = checkElsewhereOrInPlace(contents, crs, check);
    last = { contents, crs, layer };
    // A check that failed is not handed out again.
    layer.catch(() => {
      if (last?.layer === layer) last = null;
    });
    return layer;
  };
}

let checkNetwork: CheckNetwork | null = null;

/**
 * Reads the dataset again through the same loader as the app. Any file that could not be
 * fetched (offline, server error) or a dataset that does not load makes the read a failure,
 * so the screen keeps its last good data instead of showing half of a dataset.
 */
export async function readDataset(path: string): Promise<DatasetRead> {
  if (!(await sourceAllowed(describeSource(path, window.location.href, DEFAULT_DATA)))) return { ok: false, reason: `${path} is not an allowed data origin` };
  const read = fromUrl(path, fromServer);
  const texts: (string | null)[] = [];
  const files = new Map<string, string>();
  let failure: string | null = null;
  const result = await loadDataset(
    async (name) => {
      try {
        const contents = await read(name);
        const text = contents === null ? null : await textOf(contents);
        texts.push(`${name}\n${text ?? ''}`);
        if (text !== null) files.set(name, text);
        return text;
      } catch (error) {
        failure ??= `${name}: ${(error as Error).message}`;
        throw error;
      }
    },
    { label: path, checkNetwork: (checkNetwork ??= rememberingLastNetwork(sessionNetworkCheck())), pause: nextTask },
  );
  if (failure) return { ok: false, reason: failure };
  if (!result.dataset) return { ok: false, reason: result.fatal ?? 'the dataset did not load' };
  return { ok: true, dataset: result.dataset, fingerprint: textFingerprint(texts.sort()), files };
}

/**
 * The playlist: `?playlist=` wins; else the dataset's optional playlist.json; else the
 * default. A playlist.json that cannot be read or parsed falls back with a problem listed.
 * A manifest that lists its files and not playlist.json means there is none to ask for.
 */
export async function readPlaylist(path: string, param: string | null): Promise<ParsedPlaylist> {
  if (param !== null && param.trim() !== '') return parsePlaylistParam(param);
  if (!(await sourceAllowed(describeSource(path, window.location.href, DEFAULT_DATA)))) return { config: DEFAULT_CONFIG, problems: [] };
  if (!isListed(await urlListing(path), 'playlist.json')) return { config: DEFAULT_CONFIG, problems: [] };
  const prefix = path === '' || path.endsWith('/') ? path : `${path}/`;
  try {
    const response = await fetch(`${prefix}playlist.json`, { headers: { Accept: 'application/json' } });
    if (!response.ok || response.headers.get('content-type')?.includes('text/html')) return { config: DEFAULT_CONFIG, problems: [] };
    const text = await response.text();
    try {
      return parsePlaylist(JSON.parse(text));
    } catch {
      return { config: DEFAULT_CONFIG, problems: [{ index: null, field: 'playlist.json', message: 'not valid JSON; the default playlist is used' }] };
    }
  } catch {
    return { config: DEFAULT_CONFIG, problems: [] };
  }
}
