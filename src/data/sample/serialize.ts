/**
 * File text for a dataset directory: the manifest pretty-printed, each FeatureCollection
 * with one feature per line (readable diffs, small files). Key order is the order the
 * generator builds objects in, so the same dataset always gives the same bytes.
 */

interface FeatureCollectionLike {
  type: 'FeatureCollection';
  features: unknown[];
}

function isFeatureCollection(value: object): value is FeatureCollectionLike {
  return 'type' in value && value.type === 'FeatureCollection' && 'features' in value && Array.isArray(value.features);
}

export function serializeFile(content: object): string {
  if (!isFeatureCollection(content)) return `${JSON.stringify(content, null, 2)}\n`;
  const lines = content.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
