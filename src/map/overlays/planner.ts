import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Dataset } from '../../domain/dataset';
import type { FeatureCollection } from 'geojson';
import type { AppState } from '../../store';
import { dotColour, iconId } from '../layers/points';
import { currentMap, mapSnapshot } from '../snapshot';
import { NO_LOOKS, plannerChanges, plannerLooks, plannerSites, type CompoundLook } from '../../store/plannerMapView';
import { COMPOUND_LAYER } from '../datasetTilesProtocol';
import { SOURCES, type GroupedLayer } from '../layers/types';
import { theme } from '../theme';
import type { Overlay } from './types';
import { featureStates } from '../featureStates';
import { datasetTiles, showTiles } from '../tiles';

/**
 * The planner view on the map: compounds coloured by how many ▲ rules they miss (an orange
 * dashed outline where the elder canteens are under-served), the what-if changes (proposed
 * facilities and gates, closed facilities ringed in red) and the suggested sites, numbered.
 * Drawn only in planner mode. A map click while a what-if tool is armed goes to the planner.
 */

const STEP_COLORS = theme.planner.steps;

const COLORS = theme.planner;
const SRC = { changes: 'planner-changes', sites: 'planner-sites' } as const;

/**
 * The compliance layers draw the map's own compounds tiles. A compound's look (the colour
 * step of its unmet ▲ rules, canteen under-served) is baked into the tiles when the planner's
 * first figures arrive, or when most compounds change look at once (another standard): the
 * tile worker cuts the compounds again with it, and MapLibre reloads their tiles. Setting
 * 5,000 feature states took MapLibre 300 per frame, each such frame 30 to 55 ms of its JS in
 * software WebGL. Between bakes, a what-if sets the feature state of the few compounds whose
 * look differs from the baked one, and the state wins. The state is the step, not the count,
 * so the paint never changes: a new paint expression on a feature-state layer makes MapLibre
 * reload every tile of the source, each applying every state again.
 */
const UNMET: ExpressionSpecification = ['coalesce', ['feature-state', 'unmetStep'], ['get', 'unmetStep']];
const UNDER_SERVED: ExpressionSpecification = ['coalesce', ['feature-state', 'underServed'], ['get', 'underServed'], false];
const BY_STEP = [
  'step',
  ['coalesce', UNMET, 0],
  STEP_COLORS[0],
  ...STEP_COLORS.slice(1).flatMap((color, k) => [k + 1, color]),
] as unknown as ExpressionSpecification;

const ifScored = (value: number): ExpressionSpecification => ['case', ['==', UNMET, null], 0, value];
const kind = (k: string): ExpressionSpecification => ['==', ['get', 'kind'], k];

const layers: GroupedLayer[] = [
  {
    group: 'compliance',
    layer: {
      id: 'planner-compliance-fill',
      type: 'fill',
      source: SOURCES.compounds,
      'source-layer': COMPOUND_LAYER,
      paint: { 'fill-color': BY_STEP, 'fill-opacity': ifScored(0.62) },
    },
  },
  {
    group: 'compliance',
    layer: {
      id: 'planner-compliance-line',
      type: 'line',
      source: SOURCES.compounds,
      'source-layer': COMPOUND_LAYER,
      paint: { 'line-color': theme.planner.compoundLine, 'line-width': 0.6, 'line-opacity': ifScored(1) },
    },
  },
  {
    group: 'compliance',
    layer: {
      id: 'planner-canteen-under',
      type: 'line',
      source: SOURCES.compounds,
      'source-layer': COMPOUND_LAYER,
      paint: {
        'line-color': COLORS.underServed,
        'line-width': 2.5,
        'line-dasharray': [2, 1.5],
        'line-opacity': ['case', ['boolean', UNDER_SERVED, false], 1, 0],
      },
    },
  },
  {
    group: 'compliance',
    layer: {
      id: 'planner-closed',
      type: 'circle',
      source: SRC.changes,
      filter: kind('closed'),
      paint: { 'circle-radius': 14, 'circle-color': dotColour('rgba(0,0,0,0)'), 'circle-stroke-color': COLORS.closed, 'circle-stroke-width': 3 },
    },
  },
  {
    group: 'compliance',
    layer: {
      id: 'planner-proposed-ring',
      type: 'circle',
      source: SRC.changes,
      filter: kind('proposed'),
      paint: { 'circle-radius': 15, 'circle-color': dotColour(theme.white), 'circle-stroke-color': COLORS.proposed, 'circle-stroke-width': 3 },
    },
  },
  {
    group: 'compliance',
    layer: {
      id: 'planner-proposed-icon',
      type: 'symbol',
      source: SRC.changes,
      filter: kind('proposed'),
      layout: { 'icon-image': ['concat', iconId(''), ['get', 'category']], 'icon-allow-overlap': true, 'icon-size': 0.9 },
    },
  },
  {
    group: 'compliance',
    layer: {
      id: 'planner-gate',
      type: 'circle',
      source: SRC.changes,
      filter: kind('gate'),
      paint: { 'circle-radius': 6, 'circle-color': dotColour(COLORS.gate), 'circle-stroke-color': COLORS.proposed, 'circle-stroke-width': 3 },
    },
  },
  {
    group: 'sites',
    layer: {
      id: 'planner-site',
      type: 'circle',
      source: SRC.sites,
      paint: { 'circle-radius': 12, 'circle-color': dotColour(COLORS.site), 'circle-stroke-color': theme.white, 'circle-stroke-width': 2 },
    },
  },
  {
    group: 'sites',
    layer: {
      id: 'planner-site-rank',
      type: 'symbol',
      source: SRC.sites,
      layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-font': [...theme.fonts], 'text-size': 13, 'text-allow-overlap': true },
      paint: { 'text-color': theme.white },
    },
  },
];

/** A bake again when more compounds than this change look at once (another standard): cutting the tiles again is cheaper than their feature states. */
export const BAKE_FROM_CHANGED = 500;

const sameLook = (a: CompoundLook | undefined, b: CompoundLook | undefined) => a?.unmetStep === b?.unmetStep && a?.underServed === b?.underServed;

/** Per compound id, the looks `next` holds that differ from the baked ones. */
function unbaked(baked: ReadonlyMap<string, CompoundLook>, next: ReadonlyMap<string, CompoundLook>): Map<string, CompoundLook> {
  const differ = new Map<string, CompoundLook>();
  for (const [id, look] of next) if (!sameLook(baked.get(id), look)) differ.set(id, look);
  return differ;
}

/** Sets the feature states that differ from what they hold (`stated`) to `next`, removing the others; returns what they hold now. */
function restate(map: MapLibreMap, stated: ReadonlyMap<string, CompoundLook>, next: ReadonlyMap<string, CompoundLook>): ReadonlyMap<string, CompoundLook> {
  const states = featureStates(map, SOURCES.compounds, COMPOUND_LAYER);
  for (const id of stated.keys()) {
    if (next.has(id)) continue;
    // The map's own compounds source: only the planner's keys (the hall keeps its own there).
    states.remove(id, 'unmetStep');
    states.remove(id, 'underServed');
  }
  for (const [id, look] of next) if (!sameLook(stated.get(id), look)) states.set(id, { ...look });
  states.flush();
  return next;
}

const setData = (map: MapLibreMap, id: string, data: FeatureCollection) => map.getSource<GeoJSONSource>(id)?.setData(data);

/**
 * Sets a small source's data only when it differs from what is drawn (`drawnKey`, its JSON);
 * returns what is drawn now. Every answer brings a new result and a new list of sites even
 * when the proposals and the sites are the same ones, and each setData makes MapLibre
 * re-tile and draw the map again.
 */
function setDataIfNew(map: MapLibreMap, id: string, data: FeatureCollection, drawnKey: string | undefined): string {
  const key = JSON.stringify(data);
  if (key !== drawnKey) setData(map, id, data);
  return key;
}

/** Per map, the latest state (its click handler, registered once, reads it). */
const latest = new WeakMap<MapLibreMap, AppState>();

function hook(map: MapLibreMap, state: AppState): void {
  if (!latest.has(map)) map.on('click', (event) => latest.get(map)?.plannerClick([event.lngLat.lng, event.lngLat.lat]));
  latest.set(map, state);
}

/**
 * A picture of the map for the printed report: fitted to the report's area (west, south,
 * east, north) when given, once the map has drawn it.
 */
export async function plannerMapImage(bounds: [number, number, number, number] | null): Promise<string | null> {
  const map = currentMap();
  if (!map) return null;
  if (bounds) {
    map.fitBounds(bounds, { padding: 24, animate: false });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
      map.triggerRepaint();
    });
  }
  return mapSnapshot();
}

interface Drawn {
  active: boolean;
  dataset: Dataset | null;
  /** The looks last asked for. */
  looks: ReadonlyMap<string, CompoundLook>;
  /** The looks baked into the compounds' tiles (none: the dataset's plain tiles). */
  baked: ReadonlyMap<string, CompoundLook>;
  /** The looks held in feature state, which win over the baked ones. */
  stated: ReadonlyMap<string, CompoundLook>;
  /** What the changes and the sites on the map were made from, and their JSON. */
  changesFor: readonly unknown[];
  changesData: string | undefined;
  sites: unknown;
  sitesData: string | undefined;
}
const drawn = new WeakMap<MapLibreMap, Drawn>();

/**
 * Gives the map the compounds' tiles with `looks` baked in, in a task of its own (packing a
 * city's compounds for the tile worker takes tens of milliseconds, and the answer that brings
 * the looks has its render to do), unless the map has moved on to another dataset or bake.
 */
function bakeSoon(map: MapLibreMap, dataset: Dataset, looks: ReadonlyMap<string, CompoundLook>): void {
  setTimeout(() => {
    const now = drawn.get(map);
    if (now?.dataset === dataset && now.baked === looks) showTiles(map, SOURCES.compounds, datasetTiles.compoundsUrl(dataset.compounds, looks));
  }, 0);
}

/** The compounds' looks on the map: baked into the tiles, in feature state where they differ. */
function colour(
  map: MapLibreMap,
  dataset: Dataset | null,
  before: Drawn | undefined,
  looks: ReadonlyMap<string, CompoundLook>,
): Pick<Drawn, 'baked' | 'stated'> {
  // The map controller gives a new dataset its plain tiles; feature states stay on the source.
  let baked = before && before.dataset === dataset ? before.baked : NO_LOOKS;
  let differ = unbaked(baked, looks);
  let missing = false;
  for (const id of baked.keys())
    if (!looks.has(id)) {
      missing = true;
      break;
    }
  if (dataset && looks.size > 0 && (baked.size === 0 || missing || differ.size > BAKE_FROM_CHANGED)) {
    baked = looks;
    differ = new Map();
    bakeSoon(map, dataset, looks);
  }
  // Without looks (outside the planner, where its layers are hidden), the baked ones stay: going
  // back to the planner does not cut the tiles again.
  return { baked, stated: restate(map, before?.stated ?? NO_LOOKS, looks.size > 0 ? differ : NO_LOOKS) };
}

export const plannerOverlay: Overlay = {
  sources: [SRC.changes, SRC.sites],
  layers,
  apply(map, state) {
    hook(map, state);
    const before = drawn.get(map);
    const active = state.mode === 'planner';
    const looks = plannerLooks(state);
    const anew = !before || before.active !== active || before.dataset !== state.dataset;
    const changesFor = [state.scenarios, state.activeScenarioId, state.plannerResult, active];
    const next: Drawn = {
      active,
      dataset: state.dataset,
      looks,
      ...(anew || before.looks !== looks ? colour(map, state.dataset, before, looks) : { baked: before.baked, stated: before.stated }),
      changesFor,
      // A closed facility is drawn at its place in the result, so a new result may move the changes.
      changesData:
        anew || changesFor.some((input, i) => input !== before.changesFor[i])
          ? setDataIfNew(map, SRC.changes, plannerChanges(state), before?.changesData)
          : before.changesData,
      sites: state.sites,
      sitesData: anew || before.sites !== state.sites ? setDataIfNew(map, SRC.sites, plannerSites(state), before?.sitesData) : before.sitesData,
    };
    drawn.set(map, next);
  },
};
