import { describe, expect, it } from 'vitest';
import { BUILDINGS_MIN_ZOOM } from '../../src/map/layers/areas';
import { SOURCES } from '../../src/map/layers/types';
import { ALL_LAYERS, baseStyle } from '../../src/map/style';
import { MODE_LAYER_GROUPS } from '../../src/store/uiSlice';

/** The buildings (楼栋) layer: its own switch in every view, drawn only when zoomed in, above the compounds. */
describe('map: buildings layer', () => {
  const buildings = ALL_LAYERS.filter((l) => l.group === 'buildings');

  it('has a switch in every view (buildings.geojson is public)', () => {
    for (const groups of Object.values(MODE_LAYER_GROUPS)) expect(groups).toContain('buildings');
  });

  it('draws footprints and points from the buildings source only from street zoom, names closer in', () => {
    expect(buildings.map((l) => l.layer.id)).toEqual(['building-fill', 'building-point', 'building-label']);
    for (const { layer } of buildings) {
      expect('source' in layer && layer.source).toBe(SOURCES.buildings);
      expect(layer.minzoom).toBeGreaterThanOrEqual(BUILDINGS_MIN_ZOOM);
    }
    expect(baseStyle().sources[SOURCES.buildings]).toBeDefined();
  });

  it('sits above the compound fill, so a building shows on its compound', () => {
    const ids = ALL_LAYERS.map((l) => l.layer.id);
    expect(ids.indexOf('building-fill')).toBeGreaterThan(ids.indexOf('compound-fill'));
  });
});
