import type { DatasetFile } from '../../src/domain/dataset';
import type { ReadFile } from '../../src/data/load';

/** Tiny in-memory datasets for the loader tests, around 岳峰镇, Fuzhou (119.33° E, 26.09° N). */

type Props = Record<string, unknown>;
type Coords = unknown;

export function feature(properties: Props | null, geometry: { type: string; coordinates: Coords } | null): object {
  return { type: 'Feature', properties, geometry };
}

export const point = (properties: Props, lon = 119.33, lat = 26.09) => feature(properties, { type: 'Point', coordinates: [lon, lat] });

/** A closed square ring, about 100 m a side, with its south-west corner at [lon, lat]. */
export function square(lon = 119.33, lat = 26.09, size = 0.001): number[][][] {
  return [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ];
}

export const polygon = (properties: Props, coordinates: Coords = square()) => feature(properties, { type: 'Polygon', coordinates });

export const line = (
  properties: Props,
  coordinates: Coords = [
    [119.33, 26.09],
    [119.331, 26.091],
  ],
) => feature(properties, { type: 'LineString', coordinates });

export const collection = (...features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });

export const compound = (id: string, extra: Props = {}) => polygon({ id, name: id, population: 100, elderly60: 20, elderly80: 5, ...extra });
export const facility = (id: string, extra: Props = {}) => point({ id, name: id, category: 'clinic', ...extra });

export function manifest(extra: Props = {}): string {
  return JSON.stringify({ id: 'test', name: { zh: '测试', en: 'Test' }, crs: 'WGS84', dataAsOf: '2026-11-01', ...extra });
}

/** A valid minimal dataset (one compound, one facility) with the given files replaced or added. */
export function files(overrides: Partial<Record<DatasetFile, string | null>> = {}): Partial<Record<DatasetFile, string | null>> {
  return {
    'manifest.json': manifest(),
    'compounds.geojson': collection(compound('c-1')),
    'facilities.geojson': collection(facility('f-1')),
    ...overrides,
  };
}

/** A ReadFile over an in-memory set of files; an absent or null entry is an absent file. */
export function memory(contents: Partial<Record<DatasetFile, string | null>>): ReadFile {
  return async (name) => contents[name] ?? null;
}

/** Problems as the CLI prints them (file, feature, field, English message), without code and parameters. */
export function plain<T extends { code?: unknown; params?: unknown }>(problems: T[]): Omit<T, 'code' | 'params'>[] {
  return problems.map(({ code: _code, params: _params, ...rest }) => rest);
}
