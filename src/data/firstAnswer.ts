import { parseJsonText } from '../domain/jsonText';
import { DATASET_FILES, REPORT_FILE, type DatasetFile } from '../domain/dataset';
import { haversineM } from '../domain/geo';
import { CATEGORIES } from '../domain/taxonomy';
import { textOf, type FileContents } from './contents';
import { fingerprintOf, textFingerprint } from './fingerprint';
import { isListed, listedFiles } from './manifestFiles';

/**
 * The first walking answer of a shared compound link: the dataset's precomputed nearest
 * report (the `analyze` output, shipped as report.json) read before the network and the
 * walking engine have arrived. Only a report that provably belongs to the files being
 * loaded is used: same dataset id, and the fingerprints it records for its input files equal
 * those of the files read now. A stale or foreign report is ignored (the walk still comes).
 */

/** Reads one file of the dataset: its contents, or null when absent. */
export type ReadText = (name: string) => Promise<FileContents | null>;

export interface FirstAnswerFacility {
  name: string;
  nameEn?: string;
  openingHours?: string;
}

export interface FirstAnswerRow {
  category: string;
  /** The nearest facility by walking, or null when none can be reached on the network. */
  facilityId: string | null;
  walkM: number | null;
  /** Straight-line metres from the nearest origin (shown beside the walk, as in the live list). */
  straightM: number | null;
}

export interface FirstAnswer {
  datasetId: string;
  compoundId: string;
  compoundName: string;
  compoundNameEn?: string;
  speedMPerMin: number;
  /** Categories in taxonomy order. */
  rows: FirstAnswerRow[];
  facilities: Record<string, FirstAnswerFacility>;
  /** Fingerprints of input files still to be checked when they arrive (network.geojson). */
  unchecked: Partial<Record<DatasetFile, string>>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const parse = (text: string): unknown => parseJsonText(text);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const ORDER = new Map(CATEGORIES.map((c, i) => [c.id, i]));

/** Files whose fingerprints are checked before the answer is shown (all small; the network follows). */
export const EARLY_FILES = ['compounds.geojson', 'facilities.geojson', 'gates.geojson'] as const;

export interface FirstAnswerInput {
  manifest: unknown;
  report: unknown;
  texts: Partial<Record<DatasetFile, string | null>>;
  compoundId: string;
  speedMPerMin: number;
}

/** The answer for one compound, or null with the reason it cannot be used. */
export function firstAnswerFrom(input: FirstAnswerInput): { answer: FirstAnswer | null; reason: string | null } {
  const fail = (reason: string) => ({ answer: null, reason });
  const { manifest, report, texts, compoundId } = input;
  if (!isObject(manifest) || !isObject(report)) return fail('not JSON objects');
  if (report.dataset !== manifest.id) return fail(`the report is for dataset ${JSON.stringify(report.dataset)}, not ${JSON.stringify(manifest.id)}`);
  if (report.speed_m_per_min !== input.speedMPerMin) return fail(`the report walks at ${String(report.speed_m_per_min)} m/min, not ${input.speedMPerMin}`);
  if (report.network !== true) return fail('the report has straight-line distances only');
  const inputs = isObject(report.inputs) ? report.inputs : null;
  if (!inputs || typeof inputs['compounds.geojson'] !== 'string' || typeof inputs['facilities.geojson'] !== 'string')
    return fail('the report does not say which files it was computed from');
  const unchecked: Partial<Record<DatasetFile, string>> = {};
  for (const [file, fingerprint] of Object.entries(inputs)) {
    if (typeof fingerprint !== 'string') return fail(`bad fingerprint for ${file}`);
    const text = texts[file as DatasetFile];
    if (text === undefined) unchecked[file as DatasetFile] = fingerprint;
    else if (text === null || textFingerprint(text) !== fingerprint) return fail(`${file} has changed since the report was computed`);
  }
  const entry = (Array.isArray(report.compounds) ? report.compounds : []).find((c): c is Json => isObject(c) && c.id === compoundId);
  if (!entry || !isObject(entry.nearest) || !Array.isArray(entry.origins)) return fail(`the report has no compound ${compoundId}`);
  const compounds = parse(texts['compounds.geojson'] ?? 'null');
  const facilities = parse(texts['facilities.geojson'] ?? 'null');
  const features = (fc: unknown): Json[] => (isObject(fc) && Array.isArray(fc.features) ? fc.features.filter(isObject) : []);
  const compound = features(compounds).find((f) => isObject(f.properties) && f.properties.id === compoundId);
  const props = (compound?.properties ?? {}) as Json;
  const origins = entry.origins.filter((o): o is [number, number] => Array.isArray(o) && typeof o[0] === 'number' && typeof o[1] === 'number');
  const byId = new Map(
    features(facilities).flatMap((f) => (isObject(f.properties) && typeof f.properties.id === 'string' ? [[f.properties.id, f] as const] : [])),
  );

  const rows: FirstAnswerRow[] = [];
  const named: Record<string, FirstAnswerFacility> = {};
  for (const [category, nearest] of Object.entries(entry.nearest)) {
    const id = isObject(nearest) ? str(nearest.facility_id) : undefined;
    const feature = id ? byId.get(id) : undefined;
    const walkM = isObject(nearest) && typeof nearest.walk_m === 'number' ? nearest.walk_m : null;
    if (!id || !feature || walkM === null) {
      rows.push({ category, facilityId: null, walkM: null, straightM: null });
      continue;
    }
    const fp = feature.properties as Json;
    const geometry = feature.geometry as { type?: string; coordinates?: unknown } | undefined;
    const at = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? (geometry.coordinates as number[]) : null;
    const straightM = at && origins.length ? Math.min(...origins.map((o) => haversineM(o[0], o[1], at[0] ?? 0, at[1] ?? 0))) : null;
    named[id] = {
      name: str(fp.name) ?? id,
      ...(str(fp.name_en) ? { nameEn: str(fp.name_en) } : {}),
      ...(str(fp.opening_hours) ? { openingHours: str(fp.opening_hours) } : {}),
    };
    rows.push({ category, facilityId: id, walkM, straightM });
  }
  rows.sort((a, b) => (ORDER.get(a.category) ?? 1e9) - (ORDER.get(b.category) ?? 1e9) || a.category.localeCompare(b.category));
  return {
    answer: {
      datasetId: String(manifest.id),
      compoundId,
      compoundName: str(props.name) ?? compoundId,
      ...(str(props.name_en) ? { compoundNameEn: str(props.name_en) } : {}),
      speedMPerMin: input.speedMPerMin,
      rows,
      facilities: named,
      unchecked,
    },
    reason: null,
  };
}

/**
 * Reads what the first answer needs (the manifest, the report and the small files it checks)
 * and builds it; null when the dataset ships no report or the report does not fit. `read`
 * should be shared with the full load, so nothing is fetched twice.
 */
export async function readFirstAnswer(read: ReadText, compoundId: string, speedMPerMin: number): Promise<FirstAnswer | null> {
  try {
    const manifestText = await read('manifest.json');
    if (manifestText === null) return null;
    const manifest = parse(await textOf(manifestText));
    const listed = listedFiles(manifest);
    // Only a dataset that lists its report is asked for it: an absent file is a failed request.
    if (listed === null || !isListed(listed, REPORT_FILE)) return null;
    const early = EARLY_FILES.filter((f) => isListed(listed, f) || f !== 'gates.geojson');
    const [reportText, ...texts] = await Promise.all([read(REPORT_FILE), ...early.map((f) => read(f))]);
    if (!reportText) return null;
    const textsOf = await Promise.all(texts.map((t) => (t == null ? null : textOf(t))));
    const result = firstAnswerFrom({
      manifest,
      report: parse(await textOf(reportText)),
      texts: Object.fromEntries(early.map((f, i) => [f, textsOf[i] ?? null])),
      compoundId,
      speedMPerMin,
    });
    if (result.reason) console.info(`report.json not used: ${result.reason}`);
    return result.answer;
  } catch (error) {
    console.info(`report.json not used: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Whether the files that arrived later still match what the answer was computed from. */
export async function stillCurrent(answer: FirstAnswer, texts: Partial<Record<DatasetFile, FileContents | null>>): Promise<boolean> {
  for (const [file, fingerprint] of Object.entries(answer.unchecked)) {
    const contents = texts[file as DatasetFile];
    if (contents === undefined) continue;
    if (contents === null || (await fingerprintOf(contents)) !== fingerprint) return false;
  }
  return true;
}

/** A ReadText that reads each file once, whoever asks first; `texts()` gives what has been read. */
export function sharedReads(read: ReadText): ReadText & { text(name: string): Promise<FileContents | null> | undefined } {
  const pending = new Map<string, Promise<FileContents | null>>();
  const shared = (name: string) => {
    let p = pending.get(name);
    if (!p) {
      p = read(name);
      pending.set(name, p);
    }
    return p;
  };
  return Object.assign(shared, { text: (name: string) => pending.get(name) });
}

/**
 * Asks for the rest of a dataset once its first answer is on screen, while the loader's code
 * is still on its way (the loader then takes each file from `read`): the walking network
 * first, which the walkshed waits for. Only the files the manifest lists; none when it lists
 * none (the loader then tries each optional file itself).
 */
export async function readRest(read: ReadText): Promise<void> {
  let listed: ReadonlySet<string> | null;
  try {
    const manifest = await read('manifest.json');
    listed = manifest === null ? null : listedFiles(parse(await textOf(manifest)));
  } catch {
    return;
  }
  if (!listed) return;
  for (const file of ['network.geojson', ...DATASET_FILES])
    // A failed read is the loader's to report, when it asks for the file.
    if (isListed(listed, file)) read(file).catch(() => null);
}
