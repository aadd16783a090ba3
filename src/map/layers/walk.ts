import type { ExpressionSpecification } from 'maplibre-gl';
import { theme } from '../theme';
import { SOURCES, type GroupedLayer } from './types';

/** Colour by minutes: the band colours of the theme, near to far. */
export const minutesColour = (property: 'value' | 'minutes'): ExpressionSpecification => [
  'step',
  ['get', property],
  theme.bands[5] ?? '#000',
  5.0001,
  theme.bands[10] ?? '#000',
  10.0001,
  theme.bands[15] ?? '#000',
];

/**
 * Network walksheds (filled, one polygon per band, the outer drawn first) and the reached
 * ways coloured by walking minutes. `walk-dim` is raised while a newer result computes.
 */
export const walkFillLayers: GroupedLayer[] = [
  {
    group: 'circles',
    layer: { id: 'walkshed-fill', type: 'fill', source: SOURCES.walksheds, paint: { 'fill-color': minutesColour('value'), 'fill-opacity': 0.22 } },
  },
  {
    group: 'circles',
    layer: { id: 'walkshed-line', type: 'line', source: SOURCES.walksheds, paint: { 'line-color': minutesColour('value'), 'line-width': 1.5 } },
  },
];

export const walkLineLayers: GroupedLayer[] = [
  {
    group: 'circles',
    layer: {
      id: 'reached-ways',
      type: 'line',
      source: SOURCES.reachedWays,
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': minutesColour('minutes'), 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 5], 'line-opacity': 0.9 },
    },
  },
];

/** The walking route to the facility the user tapped: a white casing under a bold line. */
export const routeLayers: GroupedLayer[] = [
  {
    group: 'circles',
    layer: {
      id: 'route-casing',
      type: 'line',
      source: SOURCES.route,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 9 },
    },
  },
  {
    group: 'circles',
    layer: {
      id: 'route-line',
      type: 'line',
      source: SOURCES.route,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#c2255c', 'line-width': 5 },
    },
  },
];
