import { withoutBom } from '../domain/jsonText';
import type { Feature, Geometry } from 'geojson';
import type { CrsId, NetworkProps } from '../domain/dataset';
import type { Network } from './packedNetwork';
import { textOf, type FileContents } from './contents';
import { DATASET_FILES, REQUIRED_FILES, type Dataset, type DatasetFile, type FC, type Manifest, type Problem } from '../domain/dataset';
import { toWgs84InPlace } from './crs';
import { boundsOf } from '../domain/bounds';
import { parseJsonInSlices } from './slicedJson';
import { validateLayer, validateLayerInSlices, type LayerResult } from './features';
import { Slices, type Pause } from './slices';
import { isListed, listedFiles } from './manifestFiles';
import { manifestSchema, parseManifest } from './manifest';
import { jsonProblem, makeProblem } from './messages';
import { phrase } from '../domain/problemText';
import { keepResolved } from './references';
import { resolveBuildings } from './buildings';
import { BUILDINGS, COMPOUNDS, CONTEXT, FACILITIES, GATES, GRIDS, NETWORK, REQUESTS, VOLUNTEERS, type LayerSpec } from './schemas';

/** Reads one dataset file: its contents, or null when the file is absent. Throws only on I/O errors. */
export type ReadFile = (name: DatasetFile) => Promise<FileContents | null>;

export interface LoadResult {
  /** null when something required is unusable; `fatal` then says what. */
  dataset: Dataset | null;
  /** Every bad input found, file by file in DATASET_FILES order. */
  problems: Problem[];
  fatal: string | null;
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string; problem?: Problem };
/** A file's text (byte-order mark removed), or why there is none. */
type Read = { ok: true; text: string } | { ok: false; reason: string; problem?: Problem };
/** As Read, but the contents as the reader gave them (the network's Blob stays unread for its checker). */
type ReadContents = { ok: true; contents: FileContents } | Extract<Read, { ok: false }>;

/** A file read, decoded. */
async function decoded(got: ReadContents): Promise<Read> {
  if (!got.ok) return got;
  return { ok: true, text: withoutBom(await textOf(got.contents)) };
}

/** A file that could not be read (an I/O error, or a picked file changed or removed on disk): why, and its problem. */
export function readFailed(file: DatasetFile, error: unknown): { ok: false; reason: string; problem: Problem } {
  const problem = makeProblem({ file, field: '(file)', severity: 'error' }, 'file.readFailed', {
    error: error instanceof Error ? error.message : String(error),
  });
  return { ok: false, reason: `${file} could not be read`, problem };
}

/**
 * Reads one file. `promised`: the manifest lists it, so its absence is worth a warning (the
 * list is wrong, and a browser has logged a failed request for it).
 */
async function readContents(read: ReadFile, file: DatasetFile, promised = false): Promise<ReadContents> {
  let text: FileContents | null;
  try {
    text = await read(file);
  } catch (error) {
    return readFailed(file, error);
  }
  if (text === null) {
    if (!REQUIRED_FILES.includes(file)) {
      if (!promised) return { ok: false, reason: `${file} is absent` };
      return { ok: false, reason: `${file} is absent`, problem: makeProblem({ file, field: '(file)', severity: 'warning' }, 'file.missingListed') };
    }
    const problem = makeProblem({ file, field: '(file)', severity: 'error' }, 'file.missingRequired', { files: REQUIRED_FILES.join(', ') });
    return { ok: false, reason: `${file} is missing`, problem };
  }
  return { ok: true, contents: text };
}

function parse(file: DatasetFile, read: Read): Parsed {
  if (!read.ok) return read;
  try {
    return { ok: true, value: JSON.parse(read.text) };
  } catch (error) {
    return notJson(file, read.text, error);
  }
}

const notJson = (file: DatasetFile, text: string, error: unknown): Parsed => ({
  ok: false,
  reason: `${file} is not valid JSON`,
  problem: jsonProblem({ file, field: '(file)', severity: 'error' }, error, text),
});

/** parse, in `slices` (parseJsonInSlices). */
async function parseInSlices(file: DatasetFile, read: Read, slices: Slices): Promise<Parsed> {
  if (!read.ok) return read;
  try {
    return { ok: true, value: await parseJsonInSlices(read.text, slices) };
  } catch (error) {
    return notJson(file, read.text, error);
  }
}

export interface Layer<P extends { id?: string }> {
  result: LayerResult<P>;
  /** Why the file gave nothing, when it did not parse. */
  reason: string | null;
}

/** The layer of a parsed file; its problems (the file's own, when it did not parse) are in `result.problems`. */
function layerOf<P extends { id?: string }>(spec: LayerSpec<P>, parsed: Parsed): Layer<P> {
  if (!parsed.ok) return notParsed(parsed);
  return layerWith(spec, validateLayer(spec, parsed.value));
}

/**
 * A file's layer, parsed and checked in slices with `pause` between them (parseJsonInSlices,
 * validateLayerInSlices), or at once without one. The check goes on in the parse's last slice.
 */
async function layerInSlices<P extends { id?: string }>(spec: LayerSpec<P>, read: Read, pause: Pause | undefined): Promise<Layer<P>> {
  if (!pause) return layerOf(spec, parse(spec.file, read));
  const slices = new Slices(pause);
  const parsed = await parseInSlices(spec.file, read, slices);
  if (!parsed.ok) return notParsed(parsed);
  return layerWith(spec, await validateLayerInSlices(spec, parsed.value, slices));
}

const notParsed = <P extends { id?: string }>(parsed: Extract<Parsed, { ok: false }>): Layer<P> => ({
  result: { features: null, problems: parsed.problem ? [parsed.problem] : [], total: 0, ids: new Map() },
  reason: parsed.reason,
});

const layerWith = <P extends { id?: string }>(spec: LayerSpec<P>, result: LayerResult<P>): Layer<P> => ({
  result,
  reason: result.features ? null : `${spec.file} is not a GeoJSON FeatureCollection`,
});

/**
 * network.geojson's text parsed, checked and converted to WGS84: what the loader does with it
 * in place, and what the walking session does with it when the page hands it the file.
 */
export function networkLayer(text: string, crs: CrsId): Layer<NetworkProps> {
  const layer = layerOf(NETWORK, parse(NETWORK.file, { ok: true, text: withoutBom(text) }));
  toWgs84InPlace(layer.result.features ?? [], crs);
  return layer;
}

/** network.geojson checked: the dataset's network (null when no way is valid), and the file's problems. */
export interface CheckedNetwork {
  network: Network | null;
  problems: Problem[];
  /** Why the file gave nothing (absent, not JSON, not a FeatureCollection), or null. */
  reason: string | null;
}

/** network.geojson's text checked on this thread, as the loader does when nobody else does it. */
export function checkNetworkInPlace(text: string, crs: CrsId): CheckedNetwork {
  const { result, reason } = networkLayer(text, crs);
  return { network: result.features?.length ? collection(result.features) : null, problems: result.problems, reason };
}

/**
 * Checks network.geojson elsewhere (the walking session's worker, so that the page neither
 * reads nor parses a city's largest file); resolves as `checkNetworkInPlace` would.
 * Null: the loader checks this one in place.
 */
export type CheckNetwork = (contents: FileContents, crs: CrsId) => Promise<CheckedNetwork> | null;

/** network.geojson checked by `elsewhere`, or in place when it declines (or there is nowhere else). */
export async function checkNetwork(contents: FileContents, crs: CrsId, elsewhere: CheckNetwork | undefined): Promise<CheckedNetwork> {
  // A Blob is decoded by its reader (which drops the byte-order mark); a text loses it here.
  const given = typeof contents === 'string' ? withoutBom(contents) : contents;
  const there = await elsewhere?.(given, crs);
  if (there) return there;
  let text: string;
  try {
    text = await textOf(given);
  } catch (error) {
    return notRead(readFailed(NETWORK.file, error));
  }
  return checkNetworkInPlace(text, crs);
}

/** A network.geojson that could not be read. */
function notRead(read: Extract<ReadContents, { ok: false }>): CheckedNetwork {
  return { network: null, problems: read.problem ? [read.problem] : [], reason: read.reason };
}

/** Why a required layer leaves nothing usable, or null when it has valid features. */
function requiredReason(file: DatasetFile, layer: Layer<{ id?: string }>): string | null {
  if (layer.reason) return layer.reason;
  if (layer.result.features?.length) return null;
  return layer.result.total === 0 ? `${file} has no features` : `none of the ${layer.result.total} features in ${file} is usable`;
}

function collection<G extends Geometry, P>(features: Feature<Geometry, P>[] | null): FC<G, P> {
  return { type: 'FeatureCollection', features: (features ?? []) as Feature<G, P>[] };
}

/**
 * Starts reading the manifest and the required files at once; then the optional files, only
 * those the manifest lists when it has a `files` list (so nothing absent is asked for, which
 * a browser would log as a failed request), or all of them for a manifest without one.
 * Resolves once the manifest is in, with every file's read under way.
 */
async function readFiles(read: ReadFile): Promise<{ manifest: Parsed; pending: Map<DatasetFile, Promise<ReadContents>> }> {
  const pending = new Map<DatasetFile, Promise<ReadContents>>(REQUIRED_FILES.map((file) => [file, readContents(read, file)]));
  const manifest = parse('manifest.json', await decoded(await (pending.get('manifest.json') as Promise<ReadContents>)));
  const listed = manifest.ok ? listedFiles(manifest.value) : null;
  for (const file of DATASET_FILES) {
    if (pending.has(file)) continue;
    const skipped: ReadContents = { ok: false, reason: `${file} is not listed in manifest.json` };
    pending.set(file, isListed(listed, file) ? readContents(read, file, listed !== null) : Promise.resolve(skipped));
  }
  return { manifest, pending };
}

/**
 * Loads and validates a dataset (DATA-CONTRACT.md). Never throws for bad data: every bad
 * feature is left out and listed in `problems`; `dataset` is null (and `fatal` says why)
 * only when manifest.json, compounds.geojson or facilities.geojson leaves nothing usable.
 * Coordinates declared GCJ02 or BD09 are converted to WGS84.
 */
export async function loadDataset(
  read: ReadFile,
  options: {
    label?: string;
    checkNetwork?: CheckNetwork;
    /** Given (on a page), the layers are checked in slices with this between them, not each in one task. */
    pause?: Pause;
  } = {},
): Promise<LoadResult> {
  const files = readFiles(read);
  // On the page, the manifest's schema (the first zod makes, with zod's own first-use work)
  // is made in a task of its own while the files are on their way, not in the one that reads
  // the manifest (together more than 50 ms in most city loads).
  if (options.pause && !manifestSchema.made) {
    // A read that fails meanwhile is handled below, not reported as unhandled.
    files.catch(() => {});
    await options.pause();
    manifestSchema();
  }
  const { manifest: manifestInput, pending } = await files;
  const input = (file: DatasetFile) => (pending.get(file) as Promise<ReadContents>).then(decoded);
  const byFile = new Map<DatasetFile, Problem[]>(DATASET_FILES.map((file) => [file, []]));
  const sink = (file: DatasetFile) => byFile.get(file) as Problem[];
  const fatal: string[] = [];
  const parsedManifest = manifestInput.ok ? parseManifest(manifestInput.value) : null;
  // Each layer is converted as it is checked; without a usable manifest nothing loads anyway.
  const crs = parsedManifest?.manifest?.crs ?? 'WGS84';

  // Each layer is checked as soon as its file is in, while the others are still on their way
  // (on a slow link the walking network, the largest, comes last and is checked alone).
  const checked = <P extends { id?: string }>(spec: LayerSpec<P>) =>
    input(spec.file).then(async (text) => {
      const layer = await layerInSlices(spec, text, options.pause);
      sink(spec.file).push(...layer.result.problems);
      toWgs84InPlace(layer.result.features ?? [], crs);
      return layer;
    });
  const networkChecked = (pending.get(NETWORK.file) as Promise<ReadContents>).then(async (got): Promise<CheckedNetwork> => {
    const checked = got.ok ? await checkNetwork(got.contents, crs, options.checkNetwork) : notRead(got);
    sink(NETWORK.file).push(...checked.problems);
    return checked;
  });
  const layers = Promise.all([
    // On the page, their bounds are found in a slice of their own (every map frames the dataset by them).
    checked(COMPOUNDS).then(async (layer) => {
      if (options.pause && layer.result.features?.length) {
        await options.pause();
        boundsOf(collection(layer.result.features));
      }
      return layer;
    }),
    checked(FACILITIES),
    networkChecked,
    checked(GATES),
    checked(GRIDS),
    checked(VOLUNTEERS),
    checked(REQUESTS),
    checked(CONTEXT),
    checked(BUILDINGS),
  ]);

  let manifest: Manifest | null = null;
  if (parsedManifest) {
    sink('manifest.json').push(...parsedManifest.problems);
    manifest = parsedManifest.manifest;
    if (!manifest) {
      const fields = parsedManifest.problems.filter((p) => p.severity === 'error' && p.field !== '(file)').map((p) => p.field);
      fatal.push(fields.length ? `manifest.json is not usable (${fields.join(', ')})` : 'manifest.json is not a JSON object');
    }
  } else if (!manifestInput.ok) {
    if (manifestInput.problem) sink('manifest.json').push(manifestInput.problem);
    fatal.push(manifestInput.reason);
  }

  const [compounds, facilities, network, gates, grids, volunteers, requests, context, buildings] = await layers;
  for (const [file, layer] of [
    ['compounds.geojson', compounds],
    ['facilities.geojson', facilities],
  ] as const) {
    const reason = requiredReason(file, layer);
    if (reason) fatal.push(reason);
  }

  const compoundIds = new Set((compounds.result.features ?? []).map((f) => f.properties.id));
  const toCompound = {
    field: 'compound_id',
    target: phrase('target.compound'),
    loaded: compoundIds,
    seen: compounds.result.ids,
  };
  const gateFeatures = keepResolved(gates.result.features ?? [], { ...toCompound, file: GATES.file }, sink(GATES.file));
  const requestFeatures = keepResolved(requests.result.features ?? [], { ...toCompound, file: REQUESTS.file }, sink(REQUESTS.file));
  for (const feature of requestFeatures) feature.properties.service_request_id ??= feature.properties.id;
  const gridFeatures = keepResolved(
    grids.result.features ?? [],
    {
      file: GRIDS.file,
      field: 'parent_id',
      target: phrase('target.gridParent'),
      loaded: new Set((grids.result.features ?? []).map((f) => f.properties.id)),
      seen: grids.result.ids,
      sameFile: true,
    },
    sink(GRIDS.file),
  );
  const buildingFeatures = resolveBuildings(
    buildings.result.features ?? [],
    { loaded: compounds.result.features ?? [], seen: compounds.result.ids },
    { loaded: gridFeatures, seen: grids.result.ids },
    sink(BUILDINGS.file),
  );

  const problems = DATASET_FILES.flatMap((file) => sink(file));
  if (fatal.length > 0 || !manifest) {
    const what = options.label ? JSON.stringify(options.label) : 'the dataset';
    return { dataset: null, problems, fatal: `Cannot load ${what}: ${fatal.join('; ')}` };
  }

  const dataset: Dataset = {
    manifest,
    compounds: collection(compounds.result.features),
    facilities: collection(facilities.result.features),
    network: network.network,
    gates: collection(gateFeatures),
    grids: collection(gridFeatures),
    volunteers: collection(volunteers.result.features),
    requests: collection(requestFeatures),
    context: collection(context.result.features),
    buildings: collection(buildingFeatures),
  };
  return { dataset, problems, fatal: null };
}
