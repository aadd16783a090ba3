import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { OVERLAYS } from '../../src/map/overlays';
import { baseStyle } from '../../src/map/style';

describe('the base style', () => {
  const style = baseStyle();

  it("is a style MapLibre accepts (the built app skips MapLibre's own check: CHECK_STYLE)", () => {
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
  });

  it("holds the overlays' own layers, on top and hidden, with their sources (the requests' clustered)", () => {
    const own = OVERLAYS.flatMap((o) => o.ownLayers ?? []).map((layer) => layer.id);
    expect(own).toEqual(expect.arrayContaining(['vol-request-cluster', 'vol-request-selected', 'sandan-need', 'sandan-project']));
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.slice(-own.length)).toEqual(own);
    for (const layer of style.layers.slice(-own.length)) expect(layer.layout?.visibility, layer.id).toBe('none');
    expect(style.sources['vol-requests']).toMatchObject({ type: 'geojson', cluster: true });
    expect(style.sources['sandan-needs']).toMatchObject({ type: 'geojson' });
  });
});
