import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { AppState } from '../../store';
import { sandanMapOf, type SandanList, type SandanMap } from '../../store/sandanSlice';
import { theme } from '../theme';
import { EMPTY_COLLECTION, STYLE_CHANGE } from '../layers/types';
import type { Overlay } from './types';

/**
 * The 三单制 lists on the map (volunteers view, staff of the requests service only): needs as
 * circles at their compounds sized by count, resources at their places, projects as a marker
 * at the need with a line to each resource. Each list has its own toggle in the panel
 * (state.sandanLayers); the data comes ready from sandanMapOf.
 */

const SRC: Record<SandanList, string> = { needs: 'sandan-needs', resources: 'sandan-resources', projects: 'sandan-projects' };
const c = theme.sandan;

const LAYERS: Record<SandanList, LayerSpecification[]> = {
  needs: [
    {
      id: 'sandan-need',
      type: 'circle',
      source: SRC.needs,
      paint: {
        'circle-color': ['case', ['>', ['get', 'unmatched'], 0], c.need, c.needMatched],
        'circle-radius': ['interpolate', ['linear'], ['get', 'total'], 1, 6, 10, 12, 40, 20],
        'circle-opacity': 0.75,
        'circle-stroke-color': theme.white,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'sandan-need-count',
      type: 'symbol',
      source: SRC.needs,
      layout: { 'text-field': ['to-string', ['get', 'total']], 'text-font': [...theme.fonts], 'text-size': 11, 'text-allow-overlap': true },
      paint: { 'text-color': theme.white },
    },
  ],
  resources: [
    {
      id: 'sandan-resource',
      type: 'circle',
      source: SRC.resources,
      paint: {
        'circle-color': ['match', ['get', 'kind'], 'unit', c.unit, c.volunteer],
        'circle-radius': ['match', ['get', 'kind'], 'unit', 7, 4],
        'circle-stroke-color': theme.white,
        'circle-stroke-width': 1.5,
      },
    },
  ],
  projects: [
    {
      id: 'sandan-project-line',
      type: 'line',
      source: SRC.projects,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: {
        'line-color': ['case', ['==', ['get', 'overdue'], 1], c.overdue, ['==', ['get', 'state'], 'done'], c.projectDone, c.project],
        'line-width': 2,
        'line-dasharray': [2, 1],
      },
    },
    {
      id: 'sandan-project',
      type: 'circle',
      source: SRC.projects,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': ['case', ['==', ['get', 'state'], 'done'], c.projectDone, c.project],
        'circle-radius': 5,
        'circle-stroke-color': ['case', ['==', ['get', 'overdue'], 1], c.overdue, theme.white],
        'circle-stroke-width': ['case', ['==', ['get', 'overdue'], 1], 3, 1.5],
      },
    },
  ],
};

const LISTS = Object.keys(SRC) as SandanList[];

/** What each map last drew, so applying the same state twice changes nothing. */
const drawn = new WeakMap<MapLibreMap, { data: SandanMap; visible: Record<SandanList, boolean> }>();

export const sandanOverlay: Overlay = {
  sources: [],
  layers: [],
  ownSources: Object.fromEntries(LISTS.map((list) => [SRC[list], { type: 'geojson', data: EMPTY_COLLECTION }])),
  ownLayers: LISTS.flatMap((list) => LAYERS[list]),
  apply(map, state: AppState) {
    const data = sandanMapOf(state);
    const on = state.mode === 'volunteers' && state.sandan !== null;
    const visible = { needs: on && state.sandanLayers.needs, resources: on && state.sandanLayers.resources, projects: on && state.sandanLayers.projects };
    const before = drawn.get(map);
    for (const list of LISTS) {
      if (!before || before.data[list] !== data[list]) map.getSource<GeoJSONSource>(SRC[list])?.setData(data[list]);
      if (!before || before.visible[list] !== visible[list])
        for (const layer of LAYERS[list]) map.setLayoutProperty(layer.id, 'visibility', visible[list] ? 'visible' : 'none', STYLE_CHANGE);
    }
    drawn.set(map, { data, visible });
  },
};
