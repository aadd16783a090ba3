import type { ExpressionSpecification } from 'maplibre-gl';
import { CATEGORIES } from '../../domain/taxonomy';
import { theme } from '../theme';
import { SOURCES, type GroupedLayer } from './types';

/** Image id of a category icon (drawn by icons.ts). */
export const iconId = (category: string) => `cat-${category}`;
const ICON: ExpressionSpecification = ['concat', 'cat-', ['get', 'category']];

export const gateLayers: GroupedLayer[] = [
  {
    group: 'gates',
    layer: {
      id: 'gate',
      type: 'circle',
      source: SOURCES.gates,
      minzoom: 14,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 14, 2, 17, 5],
        'circle-color': dotColour(theme.gate),
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1,
      },
    },
  },
];

/**
 * A fixed circle colour written as a data-driven one: a feature property no feature has, else
 * the colour. MapLibre compiles a shader program for each mix of data-driven and fixed paint
 * properties; a circle layer whose colour alone is data-driven shares the facility dots'
 * program, compiled when the map first drew, so drawing it for the first time (the planner's
 * first what-if, its suggested sites) compiles nothing. That compile took 0.1-0.4 s on the
 * page's thread with software WebGL (bench:planner).
 */
export function dotColour(colour: string): ExpressionSpecification {
  return ['coalesce', ['get', 'dot-colour'], colour];
}

/** Taxonomy order: everyday services (canteen, clinic, pharmacy …) first, `other` last. */
const PRIORITY: ExpressionSpecification = ['index-of', ['get', 'category'], ['literal', CATEGORIES.map((c) => c.id)]];
const DOT_COLOUR = ['match', ['get', 'category'], ...CATEGORIES.flatMap((c) => [c.id, c.color]), '#5c677d'] as unknown as ExpressionSpecification;

/**
 * Facilities as category icons that do not overlap: where icons would collide the more
 * everyday category wins (a real city has thousands of facilities), and a small dot in the
 * category's colour still marks every facility. Names appear from street zoom on.
 */
export const facilityLayers: GroupedLayer[] = [
  {
    group: 'facilities',
    layer: {
      id: 'facility-dot',
      type: 'circle',
      source: SOURCES.facilities,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 1.5, 16, 3],
        'circle-color': DOT_COLOUR,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.5,
      },
    },
  },
  {
    group: 'facilities',
    layer: {
      id: 'facility',
      type: 'symbol',
      source: SOURCES.facilities,
      layout: {
        'icon-image': ICON,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 12, 0.55, 15, 0.8, 17, 1],
        'icon-allow-overlap': false,
        'icon-padding': 1,
        'symbol-sort-key': PRIORITY,
        'text-field': ['step', ['zoom'], '', 16, ['get', 'name']],
        'text-font': [...theme.fonts],
        'text-size': 12,
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
        'text-optional': true,
        'text-max-width': 8,
      },
      paint: { 'text-color': theme.text, 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
    },
  },
];
