import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { ContextKind } from '../../domain/dataset';
import { collect, type Bbox, type PassProgress } from './collect';
import type { OsmFormat } from './elements';
import { buildLayers } from './layers';
import { dataAsOf, osmManifest } from './manifest';
import { detectFormat, READERS } from './read-osm';
import type { DatasetFiles } from './write-dataset';

/**
 * `importOsm(path, options)`: an OpenStreetMap file (.osm.pbf, .osm XML or Overpass JSON)
 * in, dataset files (DATA-CONTRACT.md) and a summary out. Node only. The CLI
 * (src/cli/import-osm.ts) and tests that need a real dataset (Monaco) both call this.
 */

export { writeDataset, untouchedFiles, type DatasetFiles, type Written } from './write-dataset';
export { OSM_SOURCE } from './manifest';
export type { Bbox, PassProgress } from './collect';

export interface ImportOsmOptions {
  /** Dataset id; default from the file name. */
  id?: string;
  name?: { zh: string; en?: string };
  bbox?: Bbox;
  /** Persons per m² to estimate compound population from area; omitted = population missing. */
  densityPerM2?: number;
  elderly60Share?: number;
  elderly80Share?: number;
  gateDistanceM?: number;
  /** Context kinds to keep (default all four). */
  contextKinds?: readonly ContextKind[];
  onProgress?: (progress: PassProgress & { totalBytes: number }) => void;
}

export interface OsmImportSummary {
  file: string;
  format: OsmFormat;
  bytes: number;
  passes: number;
  dataAsOf: string;
  dataAsOfFrom: string;
  elements: { nodes: number; ways: number; relations: number };
  /** Ways tagged highway=*, lines and areas (area=yes) counted apart. */
  highways: { lines: number; areas: number };
  features: Record<string, number>;
  facilitiesByCategory: Record<string, number>;
  contextByKind: Record<string, number>;
  multipolygons: { assembled: number; holes: number; failed: number };
  populationMissing: boolean;
  /** `{ file: { reason: count } }`. */
  skipped: Record<string, Record<string, number>>;
}

export interface OsmImport {
  files: DatasetFiles;
  summary: OsmImportSummary;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

function datasetIdFrom(path: string): string {
  const stem = basename(path).replace(/(\.osm)?\.(pbf|osm|xml|json|geojson)$/i, '');
  return stem.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'osm-import';
}

function collection(features: object[]): FeatureCollection {
  return { type: 'FeatureCollection', features } as FeatureCollection;
}

/** Reads an OSM file and builds the dataset files; throws an Error with a user-facing message when the file cannot be read. */
export async function importOsm(path: string, options: ImportOsmOptions = {}): Promise<OsmImport> {
  const format = await detectFormat(path);
  const fileStat = await stat(path);
  const contextKinds = options.contextKinds ? new Set(options.contextKinds) : undefined;
  const collected = await collect(path, READERS[format], {
    bbox: options.bbox,
    contextKinds,
    onProgress: (p) => options.onProgress?.({ ...p, totalBytes: fileStat.size }),
  });
  const layers = buildLayers(collected, { ...options, contextKinds });
  const fileTime = fileStat.mtime.toISOString();
  const manifest = osmManifest(collected.info, { ...options, id: options.id ?? datasetIdFrom(path), fileTime });
  const asOf = dataAsOf(collected.info, fileTime);
  const files: DatasetFiles = {
    'manifest.json': manifest,
    'compounds.geojson': collection(layers.compounds),
    'facilities.geojson': collection(layers.facilities),
    'network.geojson': collection(layers.network),
    'gates.geojson': collection(layers.gates),
    'context.geojson': collection(layers.context),
  };
  const summary: OsmImportSummary = {
    file: path,
    format,
    bytes: fileStat.size,
    passes: collected.passes,
    dataAsOf: asOf.date,
    dataAsOfFrom: asOf.from,
    elements: { nodes: collected.counts.nodes, ways: collected.counts.ways, relations: collected.counts.relations },
    highways: { lines: collected.counts.highwayWays, areas: collected.counts.highwayAreas },
    features: {
      'network.geojson': layers.network.length,
      'facilities.geojson': layers.facilities.length,
      'compounds.geojson': layers.compounds.length,
      'gates.geojson': layers.gates.length,
      'context.geojson': layers.context.length,
    },
    facilitiesByCategory: countBy(layers.facilities, (f) => String(f.properties.category)),
    contextByKind: countBy(layers.context, (f) => String(f.properties.kind)),
    multipolygons: layers.multipolygons,
    populationMissing: options.densityPerM2 === undefined,
    skipped: collected.skipped.toJSON(),
  };
  return { files, summary };
}
