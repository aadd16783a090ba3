import type { ExpressionSpecification } from 'maplibre-gl';
import { theme } from '../theme';
import { dotColour } from './points';
import { COMPOUND_LAYER } from '../datasetTilesProtocol';
import { SOURCES, type GroupedLayer } from './types';

const isCommunity: ExpressionSpecification = ['==', ['get', 'level'], 'community'];
const isGrid: ExpressionSpecification = ['==', ['get', 'level'], 'grid'];

/** Compounds: a filled block with an outline; the selected one stands out; names at street zoom. */
export const compoundLayers: GroupedLayer[] = [
  {
    group: 'compounds',
    layer: {
      id: 'compound-fill',
      type: 'fill',
      source: SOURCES.compounds,
      'source-layer': COMPOUND_LAYER,
      paint: { 'fill-color': theme.compound.fill, 'fill-opacity': 0.55 },
    },
  },
  {
    group: 'compounds',
    layer: {
      id: 'compound-outline',
      type: 'line',
      source: SOURCES.compounds,
      'source-layer': COMPOUND_LAYER,
      paint: { 'line-color': theme.compound.outline, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.6, 17, 2] },
    },
  },
  {
    group: 'compounds',
    layer: {
      id: 'compound-selected',
      type: 'line',
      source: SOURCES.compounds,
      'source-layer': COMPOUND_LAYER,
      filter: ['==', ['get', 'id'], ''],
      paint: { 'line-color': theme.compound.selected, 'line-width': 3.5 },
    },
  },
];

/** Zoom from which buildings (楼栋) are drawn: below it they are specks inside their compound. */
export const BUILDINGS_MIN_ZOOM = 15;
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const isArea: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];

/** Buildings (楼栋): footprints (or points) over the compounds, named at close zoom. */
export const buildingLayers: GroupedLayer[] = [
  {
    group: 'buildings',
    layer: {
      id: 'building-fill',
      type: 'fill',
      source: SOURCES.buildings,
      minzoom: BUILDINGS_MIN_ZOOM,
      filter: isArea,
      paint: { 'fill-color': theme.unit.fill, 'fill-opacity': 0.75, 'fill-outline-color': theme.unit.outline },
    },
  },
  {
    group: 'buildings',
    layer: {
      id: 'building-point',
      type: 'circle',
      source: SOURCES.buildings,
      minzoom: BUILDINGS_MIN_ZOOM,
      filter: isPoint,
      paint: { 'circle-color': dotColour(theme.unit.fill), 'circle-radius': 5, 'circle-stroke-color': theme.unit.outline, 'circle-stroke-width': 1 },
    },
  },
  {
    group: 'buildings',
    layer: {
      id: 'building-label',
      type: 'symbol',
      source: SOURCES.buildings,
      minzoom: 17,
      layout: { 'text-field': ['coalesce', ['get', 'party_group'], ['get', 'name'], ''], 'text-font': [...theme.fonts], 'text-size': 10, 'text-max-width': 6 },
      paint: { 'text-color': theme.unit.label, 'text-halo-color': theme.halo, 'text-halo-width': 1.2 },
    },
  },
];

/** Grid boundaries: communities bold, grids thin and dashed; invisible fills make them clickable. */
export const boundaryLayers: GroupedLayer[] = [
  { group: 'grids', layer: { id: 'grid-hit', type: 'fill', source: SOURCES.grids, filter: isGrid, paint: { 'fill-color': '#000', 'fill-opacity': 0 } } },
  {
    group: 'communities',
    layer: { id: 'community-hit', type: 'fill', source: SOURCES.grids, filter: isCommunity, paint: { 'fill-color': '#000', 'fill-opacity': 0 } },
  },
  {
    group: 'grids',
    layer: {
      id: 'grid-line',
      type: 'line',
      source: SOURCES.grids,
      filter: isGrid,
      paint: { 'line-color': theme.grid.line, 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
  },
  {
    group: 'communities',
    layer: {
      id: 'community-line',
      type: 'line',
      source: SOURCES.grids,
      filter: isCommunity,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.community.line, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2.5, 16, 5], 'line-opacity': 0.85 },
    },
  },
];

/** Labels drawn above every area so they stay readable. */
export const areaLabelLayers: GroupedLayer[] = [
  {
    group: 'compounds',
    layer: {
      id: 'compound-label',
      type: 'symbol',
      source: SOURCES.compounds,
      'source-layer': COMPOUND_LAYER,
      minzoom: 14.5,
      layout: { 'text-field': ['get', 'name'], 'text-font': [...theme.fonts], 'text-size': 12, 'text-max-width': 6, 'text-padding': 4 },
      paint: { 'text-color': theme.compound.label, 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
    },
  },
  {
    group: 'grids',
    layer: {
      id: 'grid-label',
      type: 'symbol',
      source: SOURCES.gridLabels,
      minzoom: 15,
      filter: isGrid,
      layout: { 'text-field': ['get', 'name'], 'text-font': [...theme.fonts], 'text-size': 12 },
      paint: { 'text-color': theme.grid.line, 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
    },
  },
  {
    group: 'communities',
    layer: {
      id: 'community-label',
      type: 'symbol',
      source: SOURCES.gridLabels,
      maxzoom: 16,
      filter: isCommunity,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...theme.fonts],
        'text-size': ['interpolate', ['linear'], ['zoom'], 12, 14, 15, 20],
        'text-allow-overlap': false,
      },
      paint: { 'text-color': theme.community.label, 'text-halo-color': theme.halo, 'text-halo-width': 2 },
    },
  },
];
