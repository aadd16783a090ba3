import { networkLayer, readFailed } from '../data/load';
import { networkBuffers, packNetwork, type Network, type PackedNetwork } from '../data/packedNetwork';
import { SHOWN_NETWORK_PROPS, type CrsId } from '../domain/dataset';
import type { FromSession } from './sessionProtocol';

/**
 * The walking session's check of network.geojson (the loader's `networkLayer`, off the page's
 * thread), loaded by the session only when the page hands it a network: the session's own
 * script stays small for a phone, whose page checks its small network itself.
 */

/**
 * The network of this text as the session keeps it, the message that gives the page its
 * valid ways, packed (with the buffers to move along), and a copy of those packed ways that
 * the session keeps for the tile worker (`networkTo`): copying them costs about 2 ms for
 * Wuhan's, packing them again about 40.
 */
export function checkNetworkText(
  token: number,
  text: string,
  crs: CrsId,
): { network: Network | null; streets: PackedNetwork | null; message: FromSession; transfer: Transferable[] } {
  const { result, reason } = networkLayer(text, crs);
  const features = (result.features ?? []) as Network['features'];
  const packed = result.features ? packNetwork(features, SHOWN_NETWORK_PROPS) : null;
  return {
    network: result.features ? { type: 'FeatureCollection', features } : null,
    streets: packed && packed.wayEnds.length > 0 ? copyOf(packed) : null,
    message: { type: 'networkChecked', token, reason, packed, problems: result.problems },
    transfer: packed ? networkBuffers(packed) : [],
  };
}

const copyOf = (p: PackedNetwork): PackedNetwork => ({
  ...p,
  coords: p.coords.slice(),
  lineEnds: p.lineEnds.slice(),
  wayEnds: p.wayEnds.slice(),
  multi: p.multi.slice(),
});

/** The message for a network file the session could not read (a picked file changed or removed on disk since). */
export function unreadNetwork(token: number, error: unknown): FromSession {
  const { reason, problem } = readFailed('network.geojson', error);
  return { type: 'networkChecked', token, reason, packed: null, problems: [problem] };
}
