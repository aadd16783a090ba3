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

/** The network of this text as the session keeps it, and the messages that send it to the page: slices, then the end. */
export function checkNetworkText(token: number, text: string, crs: CrsId): { network: Network | null; messages: FromSession[] } {
  const { result, reason } = networkLayer(text, crs);
  const features = result.features ?? [];
  const messages: FromSession[] = [];
  for (let i = 0; i < features.length; i += NETWORK_SLICE) messages.push({ type: 'networkFeatures', token, features: features.slice(i, i + NETWORK_SLICE) });
  messages.push({ type: 'networkChecked', token, reason, collection: result.features !== null, problems: result.problems, total: result.total });
  return { network: result.features ? ({ type: 'FeatureCollection', features } as Network) : null, messages };
}
