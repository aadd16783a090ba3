import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Tone } from '../../domain/hall/gapSummary';
import { slideBandCategory, slideTones } from '../../domain/hall/tones';
import type { AppState } from '../../store';
import { currentSlide, type HallCamera } from '../../store/hallSlice';
import { minutesColour } from '../layers/walk';
import { COMPOUND_LAYER } from '../datasetTilesProtocol';
import { SOURCES, type GroupedLayer } from '../layers/types';
import type { Overlay } from './types';
import { featureStates } from '../featureStates';

/** Compound colours of the hall screen (legend and map): has it / misses one / misses several or none. */
export const HALL_TONE_COLOURS: Record<Tone, string> = { 0: '#2f9e44', 1: '#f08c00', 2: '#d6336c' };
export const HALL_AREA_COLOUR = '#3b1f8f';

const BANDS = 'hall-bands';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const TONE: ExpressionSpecification = ['coalesce', ['feature-state', 'hallTone'], -1];
const toneColour: ExpressionSpecification = ['match', TONE, 0, HALL_TONE_COLOURS[0], 1, HALL_TONE_COLOURS[1], 2, HALL_TONE_COLOURS[2], 'rgba(0,0,0,0)'];

/** Hall-only layers: bands around facilities, compounds by tone, the area shown outlined. */
const layers: GroupedLayer[] = [
  { group: 'circles', layer: { id: 'hall-band-fill', type: 'fill', source: BANDS, paint: { 'fill-color': minutesColour('value'), 'fill-opacity': 0.2 } } },
  { group: 'circles', layer: { id: 'hall-band-line', type: 'line', source: BANDS, paint: { 'line-color': minutesColour('value'), 'line-width': 2 } } },
  {
    group: 'compounds',
    layer: {
      id: 'hall-tone-fill',
      type: 'fill',
      source: SOURCES.compounds,
      'source-layer': COMPOUND_LAYER,
      paint: { 'fill-color': toneColour, 'fill-opacity': ['match', TONE, -1, 0, 0.72] },
    },
  },
  {
    group: 'compounds',
    layer: {
      id: 'hall-tone-line',
      type: 'line',
      source: SOURCES.compounds,
      'source-layer': COMPOUND_LAYER,
      paint: { 'line-color': '#ffffff', 'line-width': ['match', TONE, -1, 0, 1.2] },
    },
  },
  {
    group: 'communities',
    layer: {
      id: 'hall-area-line',
      type: 'line',
      source: SOURCES.grids,
      filter: ['==', ['get', 'id'], ''],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': HALL_AREA_COLOUR, 'line-width': 6 },
    },
  },
];

/**
 * Larger labels and icons on the hall screen, read from two metres (restored on leaving it).
 * Sizes are for a screen 1080 pixels on its short side and grow with it (a 4K display
 * without scaling gets twice the size), as the panel's type does (vmin).
 */
type LayoutName = Parameters<MapLibreMap['setLayoutProperty']>[1];
const HALL_LAYOUT: Record<string, Partial<Record<LayoutName, (k: number) => unknown>>> = {
  'community-label': { 'text-size': (k) => ['interpolate', ['linear'], ['zoom'], 12, 22 * k, 15, 34 * k] },
  'compound-label': { 'text-size': (k) => 19 * k },
  'grid-label': { 'text-size': (k) => 20 * k },
  'network-label': { 'text-size': (k) => 13 * k },
  facility: { 'icon-size': (k) => ['interpolate', ['linear'], ['zoom'], 12, 0.9 * k, 15, 1.2 * k, 17, 1.5 * k] },
  'circle-label': { 'text-size': (k) => 20 * k },
};

/** What this overlay last put on the map, so each apply changes only what is new. */
interface Applied {
  hall: boolean;
  bands: unknown;
  /** The inputs of the compound colours last applied: screen, aggregates, dataset. */
  tonesFor: readonly unknown[];
  toned: string[];
  area: string;
  camera: HallCamera | null;
  saved: Map<string, unknown>;
}
const applied: Applied = { hall: false, bands: null, tonesFor: [], toned: [], area: '', camera: null, saved: new Map() };

function setLayout(map: MapLibreMap, hall: boolean): void {
  const k = Math.max(1, Math.min(window.innerWidth, window.innerHeight) / 1080);
  for (const [layer, props] of Object.entries(HALL_LAYOUT)) {
    if (!map.getLayer(layer)) continue;
    for (const [prop, size] of Object.entries(props) as [LayoutName, (k: number) => unknown][]) {
      const key = `${layer}|${prop}`;
      if (hall && !applied.saved.has(key)) applied.saved.set(key, map.getLayoutProperty(layer, prop));
      const next = hall ? size(k) : applied.saved.get(key);
      if (next !== undefined) map.setLayoutProperty(layer, prop, next as Parameters<MapLibreMap['setLayoutProperty']>[2]);
    }
  }
}

function setTones(map: MapLibreMap, tones: Record<string, Tone> | null): void {
  const states = featureStates(map, SOURCES.compounds, COMPOUND_LAYER);
  for (const id of applied.toned) states.remove(id, 'hallTone');
  applied.toned = tones ? Object.keys(tones) : [];
  for (const [id, tone] of Object.entries(tones ?? {})) states.set(id, { hallTone: tone });
  states.flush();
}

function clear(map: MapLibreMap): void {
  map.getSource<GeoJSONSource>(BANDS)?.setData(EMPTY);
  setTones(map, null);
  map.setFilter('hall-area-line', ['==', ['get', 'id'], '']);
  setLayout(map, false);
  Object.assign(applied, { hall: false, bands: null, tonesFor: [], area: '', camera: null });
}

/**
 * The service-hall screen's map content, applied from the store: the current screen's
 * bands, compound colours and area outline, larger labels, and the camera move between
 * screens (a smooth fit to the community or to the whole area).
 */
export const hallOverlay: Overlay = {
  sources: [BANDS],
  layers,
  apply(map, state: AppState) {
    if (state.mode !== 'hall') {
      if (applied.hall) clear(map);
      return;
    }
    if (!applied.hall) {
      setLayout(map, true);
      applied.hall = true;
    }
    const slide = currentSlide(state);
    const bandCategory = slide && slideBandCategory(slide);
    const bands = (bandCategory && state.hallStats?.bands[bandCategory]) || EMPTY;
    if (bands !== applied.bands) {
      map.getSource<GeoJSONSource>(BANDS)?.setData(bands);
      applied.bands = bands;
    }
    const tonesFor = [slide?.key, state.hallStats, state.hallCommunity, state.dataset, state.hallConfig.essentials];
    if (tonesFor.some((input, i) => input !== applied.tonesFor[i])) {
      setTones(map, slide ? slideTones(slide, state.hallStats, state.hallCommunity, state.hallConfig.essentials) : null);
      applied.tonesFor = tonesFor;
    }
    const area = slide?.kind === 'area' ? slide.areaId : '';
    if (area !== applied.area) {
      map.setFilter('hall-area-line', ['==', ['get', 'id'], area]);
      applied.area = area;
    }
    const camera = state.hallCamera;
    if (camera && camera !== applied.camera) {
      const canvas = map.getCanvas();
      const padding = Math.round(Math.min(canvas.clientWidth, canvas.clientHeight) * 0.06);
      map.fitBounds(camera.bbox, { padding, duration: camera.durationMs, essential: true, maxZoom: 16.5 });
      applied.camera = camera;
    }
  },
};
