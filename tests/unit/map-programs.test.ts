import { createPropertyExpression, isExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { buildingLayers, compoundLayers } from '../../src/map/layers/areas';
import { circleLayers } from '../../src/map/layers/circles';
import { facilityLayers, gateLayers } from '../../src/map/layers/points';
import { plannerOverlay } from '../../src/map/overlays/planner';
import { volunteersOverlay } from '../../src/map/overlays/volunteers';

/**
 * MapLibre compiles one shader program per layer type and mix of data-driven and fixed
 * paint properties, the first time a layer of that mix is drawn. With software WebGL a
 * compile blocks the page for 0.1-0.4 s: the planner's first what-if froze the page while
 * its marker's program compiled. Circle layers with a fixed style therefore write their
 * colour as data-driven (dotColour), so that they share the facility dots' program.
 */

const CIRCLE_PAINT = latest.paint_circle as Record<string, { 'property-type': string }>;

/** The data-driven paint properties of a circle layer, as MapLibre's program key lists them. */
function dataDriven(layer: LayerSpecification): string[] {
  const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
  return Object.keys(CIRCLE_PAINT).filter((property) => {
    const value = paint[property];
    if (value === undefined || !isExpression(value)) return false;
    const parsed = createPropertyExpression(value, property, CIRCLE_PAINT[property] as never);
    if (parsed.result !== 'success') throw new Error(`${layer.id}: ${property} does not parse`);
    return parsed.value.kind === 'source' || parsed.value.kind === 'composite';
  });
}

describe('circle layers and shader programs', () => {
  const layers = [
    ...gateLayers,
    ...facilityLayers,
    ...circleLayers,
    ...buildingLayers,
    ...compoundLayers,
    ...plannerOverlay.layers,
    ...volunteersOverlay.layers,
  ]
    .map((grouped) => grouped.layer)
    .filter((layer) => layer.type === 'circle');

  it('the facility dots have only their colour data-driven', () => {
    expect(dataDriven(layers.find((layer) => layer.id === 'facility-dot')!)).toEqual(['circle-color']);
  });

  it('every circle layer with a fixed style shares their program (its colour data-driven, nothing else)', () => {
    expect(layers.length).toBeGreaterThanOrEqual(8);
    const fixed = layers.filter((layer) => dataDriven(layer).length === 0).map((layer) => layer.id);
    expect(fixed).toEqual([]);
    for (const id of ['planner-proposed-ring', 'planner-closed', 'planner-gate', 'planner-site', 'gate', 'circle-origin']) {
      expect(dataDriven(layers.find((layer) => layer.id === id)!), id).toEqual(['circle-color']);
    }
  });
});
