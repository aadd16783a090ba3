import type {
  ExpressionSpecification,
  GeoJSONSource,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  MapLayerMouseEvent,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { dotColour } from '../layers/points';
import type { AppState } from '../../store';
import { ledgerOf, requestsOf, volunteersOf } from '../../store/volunteersSlice';
import { coverageVolunteers, requestPoints, uncoveredCompounds } from '../../store/volunteersMapView';
import { theme } from '../theme';
import type { GroupedLayer } from '../layers/types';
import type { Overlay } from './types';
import { EMPTY_COLLECTION, STYLE_CHANGE } from '../layers/types';

/**
 * The volunteers view on the map: where the chosen volunteers reach (rasterised coverage
 * contoured into polygons), the compounds nobody reaches, the volunteers counted, and the
 * requests as points clustered by zoom, coloured by stage. Drawn only in volunteers mode,
 * so the public views never show any of it.
 */

const COLORS = theme.volunteers;

const SRC = { coverage: 'vol-coverage', uncovered: 'vol-uncovered', sites: 'vol-sites', requests: 'vol-requests' } as const;

const coverageLayers: GroupedLayer[] = [
  { group: 'coverage', layer: { id: 'vol-coverage-fill', type: 'fill', source: SRC.coverage, paint: { 'fill-color': COLORS.covered, 'fill-opacity': 0.2 } } },
  { group: 'coverage', layer: { id: 'vol-coverage-line', type: 'line', source: SRC.coverage, paint: { 'line-color': COLORS.coveredLine, 'line-width': 1.5 } } },
  {
    group: 'coverage',
    layer: { id: 'vol-uncovered-fill', type: 'fill', source: SRC.uncovered, paint: { 'fill-color': COLORS.uncovered, 'fill-opacity': 0.4 } },
  },
  {
    group: 'coverage',
    layer: { id: 'vol-uncovered-line', type: 'line', source: SRC.uncovered, paint: { 'line-color': COLORS.uncoveredLine, 'line-width': 2 } },
  },
  {
    group: 'coverage',
    layer: {
      id: 'vol-sites',
      type: 'circle',
      source: SRC.sites,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 16, 6],
        'circle-color': dotColour(COLORS.volunteer),
        'circle-stroke-color': theme.white,
        'circle-stroke-width': 1.5,
      },
    },
  },
];

/** A stage's colour by its index (requestPoints' stageIndex; the theme lists the stages in their order). */
const byStage = (property: string): ExpressionSpecification =>
  [
    'match',
    ['get', property],
    ...Object.values(theme.volunteers.stages).flatMap((colour, i) => [i, colour]),
    theme.volunteers.unknownStage,
  ] as unknown as ExpressionSpecification;

/** The clustered requests source (clusters by zoom; cluster colour = its least advanced stage, red ring = any overdue). */
const requestSource: GeoJSONSourceSpecification = {
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
  cluster: true,
  clusterRadius: 40,
  clusterMaxZoom: 16,
  clusterProperties: { minStage: ['min', ['get', 'stageIndex']], overdue: ['+', ['get', 'overdue']], gap: ['+', ['get', 'gap']] },
};

const isCluster: ExpressionSpecification = ['has', 'point_count'];
const requestLayers: LayerSpecification[] = [
  {
    id: 'vol-request-cluster',
    type: 'circle',
    source: SRC.requests,
    filter: isCluster,
    paint: {
      'circle-color': byStage('minStage'),
      'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 30, 22],
      'circle-stroke-color': ['case', ['>', ['get', 'overdue'], 0], COLORS.overdue, theme.white],
      'circle-stroke-width': ['case', ['>', ['get', 'overdue'], 0], 3, 1.5],
      'circle-opacity': 0.9,
    },
  },
  {
    id: 'vol-request-count',
    type: 'symbol',
    source: SRC.requests,
    filter: isCluster,
    layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [...theme.fonts], 'text-size': 13, 'text-allow-overlap': true },
    paint: { 'text-color': theme.white, 'text-halo-color': 'rgba(0,0,0,0.35)', 'text-halo-width': 1 },
  },
  {
    id: 'vol-request-point',
    type: 'circle',
    source: SRC.requests,
    filter: ['!', isCluster],
    paint: {
      'circle-color': byStage('stageIndex'),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 5, 17, 8],
      'circle-stroke-color': ['case', ['==', ['get', 'overdue'], 1], COLORS.overdue, ['==', ['get', 'gap'], 1], COLORS.gap, theme.white],
      'circle-stroke-width': ['case', ['any', ['==', ['get', 'overdue'], 1], ['==', ['get', 'gap'], 1]], 3, 1.5],
    },
  },
  {
    id: 'vol-request-selected',
    type: 'circle',
    source: SRC.requests,
    filter: ['==', ['get', 'id'], ''],
    paint: {
      'circle-radius': 12,
      'circle-color': dotColour('rgba(0,0,0,0)'),
      'circle-opacity': 0,
      'circle-stroke-color': COLORS.selected,
      'circle-stroke-width': 3,
    },
  },
];

/** Per map, the latest state (its click handlers, registered once, read it). */
const latest = new WeakMap<MapLibreMap, AppState>();

/** Handles clicks on the requests' layers (in the base style: ownLayers), once per map. */
function prepare(map: MapLibreMap, state: AppState): void {
  const prepared = latest.has(map);
  latest.set(map, state);
  if (prepared) return;
  map.on('click', 'vol-request-point', (event: MapLayerMouseEvent) => {
    const id = event.features?.[0]?.properties.id;
    if (typeof id === 'string') latest.get(map)?.selectRequest(id);
  });
  map.on('click', 'vol-request-cluster', (event: MapLayerMouseEvent) => {
    const feature = event.features?.[0];
    const clusterId = feature?.properties.cluster_id;
    if (typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
    const center = feature.geometry.coordinates as [number, number];
    void map
      .getSource<GeoJSONSource>(SRC.requests)
      ?.getClusterExpansionZoom(clusterId)
      .then((zoom) => map.easeTo({ center, zoom }));
  });
}

const setData = (map: MapLibreMap, id: string, data: FeatureCollection) => map.getSource<GeoJSONSource>(id)?.setData(data);

/** What each map last drew, so applying the same state twice changes nothing. */
interface Drawn {
  active: boolean;
  coverage: unknown;
  dataset: unknown;
  sites: string;
  requests: unknown;
  visible: boolean;
  selected: string | null;
}
const drawn = new WeakMap<MapLibreMap, Drawn>();

export const volunteersOverlay: Overlay = {
  sources: [SRC.coverage, SRC.uncovered, SRC.sites],
  layers: coverageLayers,
  ownSources: { [SRC.requests]: requestSource },
  ownLayers: requestLayers,
  clickLayers: ['vol-request-point', 'vol-request-cluster'],
  apply(map, state) {
    prepare(map, state);
    const active = state.mode === 'volunteers' && state.dataset !== null;
    const before = drawn.get(map);
    const rows = active ? ledgerOf(state) : null;
    const next: Drawn = {
      active,
      coverage: active ? state.coverage : null,
      dataset: state.dataset,
      sites: active ? `${state.coverageVolunteerIds.join(',')}|${volunteersOf(state).length}|${state.live.updatedAt}` : '',
      requests: active ? [rows, requestsOf(state)] : null,
      visible: active && state.layers.requests,
      selected: state.selectedRequestId,
    };
    if (!before || before.coverage !== next.coverage || before.dataset !== next.dataset || before.active !== active) {
      setData(map, SRC.coverage, active && state.coverage ? state.coverage.area : EMPTY_COLLECTION);
      setData(map, SRC.uncovered, active && state.coverage ? uncoveredCompounds(state) : EMPTY_COLLECTION);
    }
    if (!before || before.sites !== next.sites || before.dataset !== next.dataset)
      setData(map, SRC.sites, active ? coverageVolunteers(state) : EMPTY_COLLECTION);
    const sameRequests =
      before && Array.isArray(before.requests) && Array.isArray(next.requests) && before.requests.every((v, i) => v === (next.requests as unknown[])[i]);
    if (!before || (!sameRequests && before.requests !== next.requests)) setData(map, SRC.requests, active ? requestPoints(state) : EMPTY_COLLECTION);
    if (!before || before.visible !== next.visible)
      for (const layer of requestLayers) map.setLayoutProperty(layer.id, 'visibility', next.visible ? 'visible' : 'none', STYLE_CHANGE);
    if (!before || before.selected !== next.selected) map.setFilter('vol-request-selected', ['==', ['get', 'id'], next.selected ?? ''], STYLE_CHANGE);
    drawn.set(map, next);
  },
};
