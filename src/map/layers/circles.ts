import type { ExpressionSpecification } from 'maplibre-gl';
import { theme } from '../theme';
import { dotColour } from './points';
import { SOURCES, type GroupedLayer } from './types';

const BAND_COLOUR: ExpressionSpecification = [
  'match',
  ['get', 'minutes'],
  5,
  theme.bands[5] ?? '#000',
  10,
  theme.bands[10] ?? '#000',
  theme.bands[15] ?? '#000',
];
const isBand: ExpressionSpecification = ['==', ['get', 'kind'], 'straight-line'];
const isOrigin: ExpressionSpecification = ['==', ['get', 'kind'], 'origin'];

/**
 * Straight-line service circles of the selected compound: faint fills, outlines, and a label
 * on each ring saying it is straight-line (its text is set per language by the controller).
 */
export const circleLayers: GroupedLayer[] = [
  {
    group: 'circles',
    layer: { id: 'circle-fill', type: 'fill', source: SOURCES.circles, filter: isBand, paint: { 'fill-color': BAND_COLOUR, 'fill-opacity': 0.1 } },
  },
  {
    group: 'circles',
    layer: {
      id: 'circle-line',
      type: 'line',
      source: SOURCES.circles,
      filter: isBand,
      paint: { 'line-color': BAND_COLOUR, 'line-width': 2.5, 'line-dasharray': [3, 2] },
    },
  },
  {
    group: 'circles',
    layer: {
      id: 'circle-origin',
      type: 'circle',
      source: SOURCES.circles,
      filter: isOrigin,
      paint: { 'circle-radius': 6, 'circle-color': dotColour(theme.compound.selected), 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    },
  },
  {
    group: 'circles',
    layer: {
      id: 'circle-label',
      type: 'symbol',
      source: SOURCES.circles,
      filter: isBand,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 400,
        'text-field': '',
        'text-font': [...theme.fonts],
        'text-size': 13,
        'text-keep-upright': true,
      },
      paint: { 'text-color': BAND_COLOUR, 'text-halo-color': theme.halo, 'text-halo-width': 2 },
    },
  },
];

/**
 * Turns a message template such as "{minutes} 分钟直线 · {metres} 米" into a MapLibre
 * expression that fills the placeholders from feature properties.
 */
export function templateExpression(template: string, fields: Record<string, string>): ExpressionSpecification {
  const parts: (string | ExpressionSpecification)[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    if (match.index > last) parts.push(template.slice(last, match.index));
    const field = fields[match[1] ?? ''];
    parts.push(field ? ['to-string', ['get', field]] : match[0]);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return ['concat', '', ...parts] as ExpressionSpecification;
}
