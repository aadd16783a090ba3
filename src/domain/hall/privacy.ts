import type { Feature, Geometry } from 'geojson';
import { pickProperties, SHOWN_NETWORK_PROPS, type Dataset, type FC, type Network, type NetworkProps } from '../dataset';

/** Keeps only the listed properties of every feature (everything else may be personal). */
function only<G extends Geometry, P>(collection: FC<G, P>, keys: readonly (keyof P)[]): FC<G, P> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f): Feature<G, P> => ({ type: 'Feature', geometry: f.geometry, properties: pickProperties(f.properties, keys) })),
  };
}

const publicNetworks = new WeakMap<Network, Network>();

/**
 * The network as the public screen keeps it, the same one for the same network: a re-read
 * whose streets did not change (the loader then hands back the same network) shows the same
 * streets, which the map does not cut into tiles again.
 */
function publicNetwork(network: Network): Network {
  let kept = publicNetworks.get(network);
  if (!kept) {
    kept = only(network, SHOWN_NETWORK_PROPS as (keyof NetworkProps)[]);
    publicNetworks.set(network, kept);
  }
  return kept;
}

const empty = <G extends Geometry, P>(): FC<G, P> => ({ type: 'FeatureCollection', features: [] });

/**
 * The dataset as the public screen keeps it: a whitelist of properties per file (no staff,
 * no phone numbers, no addresses), and no volunteers or requests at all: their aggregates
 * are computed from the full dataset before it is dropped. `networkShownOnly`: the network's
 * ways are known to carry only SHOWN_NETWORK_PROPS already (as the walking session hands a
 * checked network to the page), so it is kept as it is rather than copied way by way.
 */
export function publicDataset(dataset: Dataset, options: { networkShownOnly?: boolean } = {}): Dataset {
  return {
    manifest: dataset.manifest,
    compounds: only(dataset.compounds, ['id', 'name', 'name_en', 'population', 'elderly60', 'elderly80', 'households', 'community_id', 'grid_id']),
    facilities: only(dataset.facilities, ['id', 'name', 'name_en', 'category', 'opening_hours', 'capacity']),
    network: dataset.network && (options.networkShownOnly ? dataset.network : publicNetwork(dataset.network)),
    gates: only(dataset.gates, ['id', 'name', 'name_en', 'compound_id']),
    grids: only(dataset.grids, ['id', 'name', 'name_en', 'level', 'parent_id']),
    volunteers: empty(),
    requests: empty(),
    context: only(dataset.context, ['id', 'kind', 'name']),
  };
}

/** A cheap fingerprint of the dataset's file texts (FNV-1a, 32 bit): tells whether a re-read changed anything. */
export function textFingerprint(texts: readonly (string | null)[]): string {
  let h = 0x811c9dc5;
  for (const text of texts) {
    const s = text ?? '\u0000absent';
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
