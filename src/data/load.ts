import type { Feature, Geometry } from 'geojson';
import {
  DATASET_FILES,
  REQUIRED_FILES,
  type Dataset,
  type DatasetFile,
  type FC,
  type Manifest,
  type Problem,
} from '../domain/dataset';
import { toWgs84InPlace } from './crs';
import { validateLayer, type LayerResult } from './features';
import { isListed, listedFiles } from './manifestFiles';
import { parseManifest } from './manifest';
import { jsonProblem, makeProblem } from './messages';
import { phrase } from '../domain/problemText';
import { keepResolved } from './references';
import { resolveBuildings } from './buildings';
import { BUILDINGS, COMPOUNDS, CONTEXT, FACILITIES, GATES, GRIDS, NETWORK, REQUESTS, VOLUNTEERS, type LayerSpec } from './schemas';

/** Reads one dataset file: its text, or null when the file is absent. Throws only on I/O errors. */
export type ReadFile = (name: DatasetFile) => Promise<string | null>;

export interface LoadResult {
  /** null when something required is unusable; `fatal` then says what. */
  dataset: Dataset | null;
  /** Every bad input found, file by file in DATASET_FILES order. */
  problems: Problem[];
  fatal: string | null;
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string; problem?: Problem };

/**
 * Reads and parses one file. `promised`: the manifest lists it, so its absence is worth a
 * warning (the list is wrong, and a browser has logged a failed request for it).
 */
async function readAndParse(read: ReadFile, file: DatasetFile, promised = false): Promise<Parsed> {
  let text: string | null;
  try {
    text = await read(file);
  } catch (error) {
    const problem = makeProblem({ file, field: '(file)', severity: 'error' }, 'file.readFailed', { error: error instanceof Error ? error.message : String(error) });
    return { ok: false, reason: `${file} could not be read`, problem };
  }
  if (text === null) {
    if (!REQUIRED_FILES.includes(file)) {
      if (!promised) return { ok: false, reason: `${file} is absent` };
      return { ok: false, reason: `${file} is absent`, problem: makeProblem({ file, field: '(file)', severity: 'warning' }, 'file.missingListed') };
    }
    const problem = makeProblem({ file, field: '(file)', severity: 'error' }, 'file.missingRequired', { files: REQUIRED_FILES.join(', ') });
    return { ok: false, reason: `${file} is missing`, problem };
  }
  // A byte-order mark is common in files saved by Windows tools and is not JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, reason: `${file} is not valid JSON`, problem: jsonProblem({ file, field: '(file)', severity: 'error' }, error, body) };
  }
}

interface Layer<P extends { id?: string }> {
  result: LayerResult<P>;
  /** Why the file gave nothing, when it did not parse. */
  reason: string | null;
}

function layerOf<P extends { id?: string }>(spec: LayerSpec<P>, parsed: Parsed, problems: Problem[]): Layer<P> {
  if (!parsed.ok) {
    if (parsed.problem) problems.push(parsed.problem);
    return { result: { features: null, problems: [], total: 0, ids: new Map() }, reason: parsed.reason };
  }
  const result = validateLayer(spec, parsed.value);
  problems.push(...result.problems);
  return { result, reason: result.features ? null : `${spec.file} is not a GeoJSON FeatureCollection` };
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
async function readFiles(read: ReadFile): Promise<Map<DatasetFile, Promise<Parsed>>> {
  const pending = new Map<DatasetFile, Promise<Parsed>>(REQUIRED_FILES.map((file) => [file, readAndParse(read, file)]));
  const manifest = await (pending.get('manifest.json') as Promise<Parsed>);
  const listed = manifest.ok ? listedFiles(manifest.value) : null;
  for (const file of DATASET_FILES) {
    if (pending.has(file)) continue;
    const skipped: Parsed = { ok: false, reason: `${file} is not listed in manifest.json` };
    pending.set(file, isListed(listed, file) ? readAndParse(read, file, listed !== null) : Promise.resolve(skipped));
  }
  return pending;
}

/**
 * Loads and validates a dataset (DATA-CONTRACT.md). Never throws for bad data: every bad
 * feature is left out and listed in `problems`; `dataset` is null (and `fatal` says why)
 * only when manifest.json, compounds.geojson or facilities.geojson leaves nothing usable.
 * Coordinates declared GCJ02 or BD09 are converted to WGS84.
 */
export async function loadDataset(read: ReadFile, options: { label?: string } = {}): Promise<LoadResult> {
  const pending = await readFiles(read);
  const input = (file: DatasetFile) => pending.get(file) as Promise<Parsed>;
  const byFile = new Map<DatasetFile, Problem[]>(DATASET_FILES.map((file) => [file, []]));
  const sink = (file: DatasetFile) => byFile.get(file) as Problem[];
  const fatal: string[] = [];

  // Each layer is checked as soon as its file is in, while the others are still on their way
  // (on a slow link the walking network, the largest, comes last and is checked alone).
  const checked = <P extends { id?: string }>(spec: LayerSpec<P>) => input(spec.file).then((parsed) => layerOf(spec, parsed, sink(spec.file)));
  const layers = Promise.all([
    checked(COMPOUNDS),
    checked(FACILITIES),
    checked(NETWORK),
    checked(GATES),
    checked(GRIDS),
    checked(VOLUNTEERS),
    checked(REQUESTS),
    checked(CONTEXT),
    checked(BUILDINGS),
  ]);

  const manifestInput = await input('manifest.json');
  let manifest: Manifest | null = null;
  if (manifestInput.ok) {
    const parsedManifest = parseManifest(manifestInput.value);
    sink('manifest.json').push(...parsedManifest.problems);
    manifest = parsedManifest.manifest;
    if (!manifest) {
      const fields = parsedManifest.problems.filter((p) => p.severity === 'error' && p.field !== '(file)').map((p) => p.field);
      fatal.push(fields.length ? `manifest.json is not usable (${fields.join(', ')})` : 'manifest.json is not a JSON object');
    }
  } else {
    if (manifestInput.problem) sink('manifest.json').push(manifestInput.problem);
    fatal.push(manifestInput.reason);
  }

  const [compounds, facilities, network, gates, grids, volunteers, requests, context, buildings] = await layers;
  for (const [file, layer] of [['compounds.geojson', compounds], ['facilities.geojson', facilities]] as const) {
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

  const networkFeatures = network.result.features?.length ? network.result.features : null;
  const dataset: Dataset = {
    manifest,
    compounds: collection(compounds.result.features),
    facilities: collection(facilities.result.features),
    network: networkFeatures ? collection(networkFeatures) : null,
    gates: collection(gateFeatures),
    grids: collection(gridFeatures),
    volunteers: collection(volunteers.result.features),
    requests: collection(requestFeatures),
    context: collection(context.result.features),
    buildings: collection(buildingFeatures),
  };
  for (const file of ['compounds', 'facilities', 'network', 'gates', 'grids', 'volunteers', 'requests', 'context', 'buildings'] as const) {
    toWgs84InPlace(dataset[file]?.features ?? [], manifest.crs);
  }
  return { dataset, problems, fatal: null };
}
