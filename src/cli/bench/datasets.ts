import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { importOsm } from '../../data/osm/index';

/**
 * The real street networks the benchmark runs on besides the synthetic city. They live
 * outside the project in `../shared/fixtures/` (too big to commit); when one is absent its
 * rows are skipped with the reason printed, unless REQUIRE_SHARED=1 (CI), where that fails.
 */

/** The project's sibling folder `../shared/`, from src/cli/bench/. */
const SHARED_URL = new URL('../../../../shared/', import.meta.url);

export const WUHAN_NETWORK_PATH = fileURLToPath(new URL('fixtures/osm-wuhan/network.geojson', SHARED_URL));
export const MONACO_OSM_PATH = fileURLToPath(new URL('fixtures/osm-monaco/monaco-latest.osm.pbf', SHARED_URL));

/** Roads a walking graph leaves out, as the OSM importer does (walking on them is forbidden). */
export const NOT_WALKABLE_HIGHWAYS: ReadonlySet<string> = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link']);

export type RealNetworkName = 'wuhan' | 'monaco';

export interface NetworkProps {
  highway?: string;
  [key: string]: unknown;
}

export interface RealNetwork {
  name: RealNetworkName;
  path: string;
  /** The walkable lines only, as read ([lon, lat], WGS84). */
  network: FeatureCollection<LineString | MultiLineString, NetworkProps>;
  /** Features in the file, and how many were left out as not walkable. */
  featuresRead: number;
  excluded: number;
}

/** A dataset that cannot be used in this run; `missing` is the case REQUIRE_SHARED=1 makes fatal. */
export class DatasetUnavailable extends Error {
  constructor(
    readonly dataset: RealNetworkName,
    readonly kind: 'missing' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'DatasetUnavailable';
  }
}

export const requireShared = (): boolean => process.env.REQUIRE_SHARED === '1';

/** Keeps the features a pedestrian may use: no motorways or trunk roads. */
export function walkableOnly(
  network: FeatureCollection<LineString | MultiLineString, NetworkProps>,
): FeatureCollection<LineString | MultiLineString, NetworkProps> {
  return {
    type: 'FeatureCollection',
    features: network.features.filter((f) => !NOT_WALKABLE_HIGHWAYS.has(String(f.properties?.highway ?? ''))),
  };
}

/**
 * The Wuhan street network (92,667 segments; ../shared/fixtures/osm-wuhan/SOURCE.md), with
 * motorways and trunk roads left out. Throws DatasetUnavailable when the file is absent.
 */
export async function loadWuhanNetwork(path = WUHAN_NETWORK_PATH): Promise<RealNetwork> {
  if (!existsSync(path)) throw new DatasetUnavailable('wuhan', 'missing', `${path} not found`);
  const all = JSON.parse(await readFile(path, 'utf8')) as FeatureCollection<LineString | MultiLineString, NetworkProps>;
  const network = walkableOnly(all);
  return { name: 'wuhan', path, network, featuresRead: all.features.length, excluded: all.features.length - network.features.length };
}

/**
 * The Monaco street network (../shared/fixtures/osm-monaco, OpenStreetMap, ODbL), turned
 * into network.geojson by our own OSM importer (`npm run import:osm`), which keeps the ways a
 * pedestrian may use. Throws DatasetUnavailable when the file is absent.
 */
export async function loadMonacoNetwork(path = MONACO_OSM_PATH): Promise<RealNetwork> {
  if (!existsSync(path)) throw new DatasetUnavailable('monaco', 'missing', `${path} not found`);
  const imported = await importOsm(path, { id: 'monaco' });
  const all = imported.files['network.geojson'] as FeatureCollection<LineString | MultiLineString, NetworkProps>;
  const network = walkableOnly(all);
  return { name: 'monaco', path, network, featuresRead: all.features.length, excluded: all.features.length - network.features.length };
}

/** Loads each real network once per run, however many tasks use it. */
export function networkCache(): (name: RealNetworkName) => Promise<RealNetwork> {
  const loaded = new Map<RealNetworkName, Promise<RealNetwork>>();
  return (name) => {
    let pending = loaded.get(name);
    if (!pending) {
      pending = name === 'wuhan' ? loadWuhanNetwork() : loadMonacoNetwork();
      loaded.set(name, pending);
    }
    return pending;
  };
}
