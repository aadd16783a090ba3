import type { ExpressionSpecification } from 'maplibre-gl';
import { MAJOR_HIGHWAYS, PATH_HIGHWAYS, theme } from '../theme';
import { STREET_LAYER } from '../datasetTilesProtocol';
import { SOURCES, type GroupedLayer } from './types';

const highwayIn = (values: string[]): ExpressionSpecification => ['in', ['get', 'highway'], ['literal', values]];
const notWalkable: ExpressionSpecification = ['in', ['get', 'access'], ['literal', ['no', 'private']]];

/** Context underneath everything: water, green, buildings, rail (drawn, never analysed). */
export const contextLayers: GroupedLayer[] = [
  {
    group: 'context',
    layer: { id: 'context-green', type: 'fill', source: SOURCES.context, filter: ['==', ['get', 'kind'], 'green'], paint: { 'fill-color': theme.green } },
  },
  {
    group: 'context',
    layer: {
      id: 'context-water',
      type: 'fill',
      source: SOURCES.context,
      filter: ['==', ['get', 'kind'], 'water'],
      paint: { 'fill-color': theme.water, 'fill-outline-color': theme.waterLine },
    },
  },
  {
    group: 'context',
    layer: {
      id: 'context-building',
      type: 'fill',
      source: SOURCES.context,
      minzoom: 14,
      filter: ['==', ['get', 'kind'], 'building'],
      paint: { 'fill-color': theme.building, 'fill-opacity': 0.9 },
    },
  },
  {
    group: 'context',
    layer: {
      id: 'context-rail',
      type: 'line',
      source: SOURCES.context,
      filter: ['==', ['get', 'kind'], 'rail'],
      paint: { 'line-color': theme.rail, 'line-width': 2, 'line-dasharray': [4, 2] },
    },
  },
];

/** Streets by class: major roads wide with a casing, minor roads, paths and steps thin. */
const minorFilter: ExpressionSpecification = ['all', ['!', highwayIn([...MAJOR_HIGHWAYS, ...PATH_HIGHWAYS, 'steps'])], ['!', notWalkable]];
const round = { 'line-cap': 'round', 'line-join': 'round' } as const;
const width = (z12: number, z16: number): ExpressionSpecification => ['interpolate', ['exponential', 1.5], ['zoom'], 12, z12, 16, z16];

/** Streets by class: casings first, then fills, so crossings look joined; paths and steps thin. */
export const networkLayers: GroupedLayer[] = [
  {
    group: 'network',
    layer: {
      id: 'network-minor-casing',
      type: 'line',
      source: SOURCES.network,
      'source-layer': STREET_LAYER,
      filter: minorFilter,
      layout: round,
      paint: { 'line-color': theme.street.minorCasing, 'line-width': width(1.2, 7) },
    },
  },
  {
    group: 'network',
    layer: {
      id: 'network-major-casing',
      type: 'line',
      source: SOURCES.network,
      'source-layer': STREET_LAYER,
      filter: highwayIn(MAJOR_HIGHWAYS),
      layout: round,
      paint: { 'line-color': theme.street.majorCasing, 'line-width': width(3, 14) },
    },
  },
  {
    group: 'network',
    layer: {
      id: 'network-minor',
      type: 'line',
      source: SOURCES.network,
      'source-layer': STREET_LAYER,
      filter: minorFilter,
      layout: round,
      paint: { 'line-color': theme.street.minor, 'line-width': width(0.6, 5) },
    },
  },
  {
    group: 'network',
    layer: {
      id: 'network-major',
      type: 'line',
      source: SOURCES.network,
      'source-layer': STREET_LAYER,
      filter: highwayIn(MAJOR_HIGHWAYS),
      layout: round,
      paint: { 'line-color': theme.street.major, 'line-width': width(2, 11) },
    },
  },
  {
    group: 'network',
    layer: {
      id: 'network-path',
      type: 'line',
      source: SOURCES.network,
      'source-layer': STREET_LAYER,
      filter: highwayIn(PATH_HIGHWAYS),
      paint: { 'line-color': theme.street.path, 'line-width': width(0.5, 2), 'line-dasharray': [2, 1] },
    },
  },
  {
    group: 'network',
    layer: {
      id: 'network-steps',
      type: 'line',
      source: SOURCES.network,
      'source-layer': STREET_LAYER,
      filter: highwayIn(['steps']),
      paint: { 'line-color': theme.street.steps, 'line-width': width(1, 4), 'line-dasharray': [0.5, 0.5] },
    },
  },
  {
    group: 'network',
    layer: {
      id: 'network-private',
      type: 'line',
      source: SOURCES.network,
      'source-layer': STREET_LAYER,
      filter: notWalkable,
      paint: { 'line-color': theme.street.private, 'line-width': 1, 'line-dasharray': [1, 2] },
    },
  },
  {
    group: 'network',
    layer: {
      id: 'network-label',
      type: 'symbol',
      source: SOURCES.network,
      'source-layer': STREET_LAYER,
      minzoom: 14,
      filter: ['has', 'name'],
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': [...theme.fonts], 'text-size': 12, 'text-max-angle': 30 },
      paint: { 'text-color': '#555', 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
    },
  },
];
