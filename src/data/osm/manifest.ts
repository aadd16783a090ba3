import type { OsmFileInfo } from './elements';

/**
 * The manifest of an imported dataset. OpenStreetMap data is under the ODbL: whatever is
 * derived from it keeps the licence and the attribution "© OpenStreetMap contributors",
 * which the app shows on the map.
 */

export const OSM_SOURCE = {
  name: 'OpenStreetMap',
  licence: 'ODbL-1.0',
  attribution: '© OpenStreetMap contributors',
  url: 'https://www.openstreetmap.org/copyright',
} as const;

export interface ManifestOptions {
  id: string;
  name?: { zh: string; en?: string };
  densityPerM2?: number;
  elderly60Share?: number;
  elderly80Share?: number;
  /** The file's modification time (ISO), the last fallback for dataAsOf. */
  fileTime: string;
}

/** `dataAsOf` and where it came from: the extract's own timestamp, else the newest edit in it, else the file's time. */
export function dataAsOf(info: OsmFileInfo, fileTime: string): { date: string; from: string } {
  const valid = (t: string | undefined) => (t && !Number.isNaN(Date.parse(t)) ? new Date(t).toISOString().slice(0, 10) : null);
  const snapshot = valid(info.snapshotTime);
  if (snapshot) return { date: snapshot, from: 'the timestamp of the extract' };
  const newest = valid(info.newestEdit);
  if (newest) return { date: newest, from: 'the newest edit in the file' };
  return { date: new Date(fileTime).toISOString().slice(0, 10), from: 'the modification time of the file' };
}

export function osmManifest(info: OsmFileInfo, options: ManifestOptions): Record<string, unknown> {
  const asOf = dataAsOf(info, options.fileTime);
  const notes = [`dataAsOf is ${asOf.from}.`];
  if (options.densityPerM2 === undefined) {
    notes.push(
      'Population is missing: OpenStreetMap has none. Every compound has population 0 (population_missing); re-import with --density, or fill in population, elderly60 and elderly80.',
    );
  } else {
    notes.push(`Population is estimated from each compound's area at ${options.densityPerM2} persons/m² (population_estimated).`);
  }
  if (options.elderly60Share === undefined) notes.push('elderly60 and elderly80 are unknown (0, elderly_missing).');
  const manifest: Record<string, unknown> = {
    id: options.id,
    name: options.name ?? { zh: `${options.id}（OpenStreetMap 导入）`, en: `${options.id} (imported from OpenStreetMap)` },
    crs: 'WGS84',
    dataAsOf: asOf.date,
    synthetic: false,
    sources: [{ ...OSM_SOURCE }],
    licence: OSM_SOURCE.licence,
    population_estimated: options.densityPerM2 !== undefined,
  };
  if (options.densityPerM2 !== undefined) manifest.population_density_per_m2 = options.densityPerM2;
  if (options.elderly60Share !== undefined) manifest.elderly60_share = options.elderly60Share;
  if (options.elderly80Share !== undefined) manifest.elderly80_share = options.elderly80Share;
  manifest.notes = notes;
  return manifest;
}
