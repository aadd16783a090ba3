import type { Feature, Geometry, Position } from 'geojson';
import { networkLayer } from '../data/load';
import type { CrsId, Dataset } from '../domain/dataset';
import type { FromSession } from './sessionProtocol';

/**
 * The walking session's check of network.geojson (the loader's `networkLayer`, off the page's
 * thread), loaded by the session only when the page hands it a network: the session's own
 * script stays small for a phone, whose page checks its small network itself.
 */

export type Network = NonNullable<Dataset['network']>;

/** Features per `networkFeatures` message: a slice the page reads in a few milliseconds. */
export const NETWORK_SLICE = 2_000;

/**
 * The features in a spatial order (a Z-order curve over a 1024×1024 grid of their first
 * positions), so that any run of them lies in a small part of the map: the page hands them to
 * the map in slices, and each slice then redraws only the tiles it lies in.
 */
export function spatialOrder<F extends Feature>(features: readonly F[]): F[] {
  const first = features.map((f) => firstPosition(f.geometry));
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of first) {
    if (!p) continue;
    w = Math.min(w, p[0]!);
    s = Math.min(s, p[1]!);
    e = Math.max(e, p[0]!);
    n = Math.max(n, p[1]!);
  }
  const cell = (v: number, lo: number, hi: number) => (hi > lo ? Math.min(1023, Math.floor(((v - lo) / (hi - lo)) * 1024)) : 0);
  const keys = first.map((p) => (p ? morton(cell(p[0]!, w, e), cell(p[1]!, s, n)) : 0));
  return features
    .map((_, i) => i)
    .sort((a, b) => keys[a]! - keys[b]! || a - b)
    .map((i) => features[i]!);
}

/** Interleaves the bits of two 10-bit numbers. */
function morton(x: number, y: number): number {
  let key = 0;
  for (let bit = 0; bit < 10; bit++) key |= (((x >> bit) & 1) << (2 * bit)) | (((y >> bit) & 1) << (2 * bit + 1));
  return key;
}

function firstPosition(geometry: Geometry | null): Position | undefined {
  if (geometry?.type === 'LineString') return geometry.coordinates[0];
  if (geometry?.type === 'MultiLineString') return geometry.coordinates[0]?.[0];
  return undefined;
}

/** The network of this text as the session keeps it, and the messages that send it to the page: slices, then the end. */
export function checkNetworkText(token: number, text: string, crs: CrsId): { network: Network | null; messages: FromSession[] } {
  const { result, reason } = networkLayer(text, crs);
  const features = result.features ?? [];
  const ordered = spatialOrder(features);
  const messages: FromSession[] = [];
  for (let i = 0; i < ordered.length; i += NETWORK_SLICE) messages.push({ type: 'networkFeatures', token, features: ordered.slice(i, i + NETWORK_SLICE) });
  messages.push({ type: 'networkChecked', token, reason, collection: result.features !== null, problems: result.problems, total: result.total });
  return { network: result.features ? ({ type: 'FeatureCollection', features } as Network) : null, messages };
}
