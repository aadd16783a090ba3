import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Tone } from '../../domain/hall/gapSummary';
import type { AppState } from '../../store';
import { hallArea, hallBands, hallTones, type HallCamera } from '../../store/hallSlice';
import { minutesColour } from '../layers/walk';
import { COMPOUND_LAYER } from '../datasetTilesProtocol';
import { SOURCES, type GroupedLayer, EMPTY_COLLECTION, STYLE_CHANGE } from '../layers/types';
import type { Overlay } from './types';
import { theme } from '../theme';
import { featureStates } from '../featureStates';

/** Compound colours of the hall screen (legend and map): has it / misses one / misses several or none. */
const HALL_TONE_COLOURS: Record<Tone, string> = theme.hall.tones;

const BANDS = 'hall-bands';
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
      paint: { 'line-color': theme.white, 'line-width': ['match', TONE, -1, 0, 1.2] },
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
      paint: { 'line-color': theme.hall.area, 'line-width': 6 },
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

/** What this overlay last put on a map, so each apply changes only what is new. */
interface Applied {
  hall: boolean;
  bands: unknown;
  tones: Record<string, Tone> | null;
  /** The compounds with a tone set. */
  toned: string[];
  area: string;
  camera: HallCamera | null;
  /** Each layout property the hall enlarged, as it was before. */
  saved: Map<string, unknown>;
}
const drawn = new WeakMap<MapLibreMap, Applied>();

function appliedTo(map: MapLibreMap): Applied {
  let applied = drawn.get(map);
  if (!applied) drawn.set(map, (applied = { hall: false, bands: null, tones: null, toned: [], area: '', camera: null, saved: new Map() }));
  return applied;
}

function setLayout(map: MapLibreMap, applied: Applied, hall: boolean): void {
  const k = Math.max(1, Math.min(window.innerWidth, window.innerHeight) / 1080);
  for (const [layer, props] of Object.entries(HALL_LAYOUT)) {
    if (!map.getLayer(layer)) continue;
    for (const [prop, size] of Object.entries(props) as [LayoutName, (k: number) => unknown][]) {
      const key = `${layer}|${prop}`;
      if (hall && !applied.saved.has(key)) applied.saved.set(key, map.getLayoutProperty(layer, prop));
      const next = hall ? size(k) : applied.saved.get(key);
      if (next !== undefined) map.setLayoutProperty(layer, prop, next as Parameters<MapLibreMap['setLayoutProperty']>[2], STYLE_CHANGE);
    }
  }
}

function setTones(map: MapLibreMap, applied: Applied, tones: Record<string, Tone> | null): void {
  const states = featureStates(map, SOURCES.compounds, COMPOUND_LAYER);
  for (const id of applied.toned) states.remove(id, 'hallTone');
  applied.toned = tones ? Object.keys(tones) : [];
  applied.tones = tones;
  for (const [id, tone] of Object.entries(tones ?? {})) states.set(id, { hallTone: tone });
  states.flush();
}

function clear(map: MapLibreMap, applied: Applied): void {
  map.getSource<GeoJSONSource>(BANDS)?.setData(EMPTY_COLLECTION);
  setTones(map, applied, null);
  map.setFilter('hall-area-line', ['==', ['get', 'id'], ''], STYLE_CHANGE);
  setLayout(map, applied, false);
  Object.assign(applied, { hall: false, bands: null, area: '', camera: null });
}

/**
 * The service-hall screen's map content, applied from the store's selectors: the current
 * screen's bands, compound tones and area outline, larger labels, and the camera move between
 * screens (a smooth fit to the community or to the whole area).
 */
export const hallOverlay: Overlay = {
  sources: [BANDS],
  layers,
  apply(map, state: AppState) {
    const applied = appliedTo(map);
    if (state.mode !== 'hall') {
      if (applied.hall) clear(map, applied);
      return;
    }
    if (!applied.hall) {
      setLayout(map, applied, true);
      applied.hall = true;
    }
    const bands = hallBands(state) ?? EMPTY_COLLECTION;
    if (bands !== applied.bands) {
      map.getSource<GeoJSONSource>(BANDS)?.setData(bands);
      applied.bands = bands;
    }
    const tones = hallTones(state);
    if (tones !== applied.tones) setTones(map, applied, tones);
    const area = hallArea(state);
    if (area !== applied.area) {
      map.setFilter('hall-area-line', ['==', ['get', 'id'], area], STYLE_CHANGE);
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
