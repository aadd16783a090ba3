import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { PlannerResultView } from '../../domain/planner/view';
import type { AppState } from '../../store';
import { dotColour, iconId } from '../layers/points';
import { mapSnapshot } from '../snapshot';
import { COMPOUND_LAYER } from '../datasetTilesProtocol';
import { SOURCES, type GroupedLayer } from '../layers/types';
import { theme } from '../theme';
import type { Overlay } from './types';
import { featureStates } from '../featureStates';

/**
 * The planner view on the map: compounds coloured by how many ▲ rules they miss (an orange
 * dashed outline where the elder canteens are under-served), the what-if changes (proposed
 * facilities and gates, closed facilities ringed in red) and the suggested sites, numbered.
 * Drawn only in planner mode. A map click while a what-if tool is armed goes to the planner.
 */

const STEP_COLORS = ['#2b8a3e', '#94d82d', '#fcc419', '#f76707', '#c92a2a'] as const;

/**
 * Colour steps by unmet ▲ rules, shared with the panel's legend: none, one, then a quarter,
 * a half and three quarters of the ruleset's checked ▲ rules, so that every ruleset (5 rules
 * or 50) spreads over the same colours.
 */
export function unmetSteps(requiredRules: number): { from: number; color: string; step: number }[] {
  const froms = [0, 1, ...[0.25, 0.5, 0.75].map((f) => Math.max(2, Math.round(requiredRules * f)))];
  return froms.map((from, k) => ({ from, color: STEP_COLORS[k]!, step: k })).filter((step, k, all) => k === 0 || step.from > all[k - 1]!.from);
}

/** The ▲ rules a result checks (the denominator of the steps). */
export function requiredRulesOf(result: { compliance: { rules: { rule: { mark: string }; state: string }[] } } | null): number {
  return result?.compliance.rules.filter((s) => s.rule.mark === '▲' && s.state === 'checked').length ?? 0;
}

const COLORS = { underServed: '#e8590c', proposed: '#e8590c', closed: '#c92a2a', gate: '#111', site: '#1d3b8f' };
const SRC = { changes: 'planner-changes', sites: 'planner-sites' } as const;

/**
 * The compliance layers draw the map's own compounds source (sent to MapLibre once per
 * dataset, in every view); each result colours them through feature state (the colour step
 * of their unmet ▲ rules, canteen under-served), set only for the compounds whose look
 * changed, so neither opening the planner nor a what-if at city scale sends 5,000 outlines to
 * MapLibre's worker. The state is the step, not the count, so the paint never changes: a new
 * paint expression on a feature-state layer makes MapLibre reload every tile of the source,
 * each applying all 5,000 states again (another standard took tasks of 100-300 ms per tile).
 */
const UNMET: ExpressionSpecification = ['feature-state', 'unmetStep'];
const BY_STEP = [
  'step',
  ['coalesce', UNMET, 0],
  STEP_COLORS[0],
  ...STEP_COLORS.slice(1).flatMap((color, k) => [k + 1, color]),
] as unknown as ExpressionSpecification;

/** The colour step (index in STEP_COLORS) of a compound that misses `unmet` ▲ rules: the last of `steps` it reaches. */
export function stepOf(steps: readonly { from: number; step: number }[], unmet: number): number {
  let reached = steps[0]!.step;
  for (const { from, step } of steps) if (unmet >= from) reached = step;
  return reached;
}
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
      paint: { 'line-color': '#495057', 'line-width': 0.6, 'line-opacity': ifScored(1) },
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
        'line-opacity': ['case', ['boolean', ['feature-state', 'underServed'], false], 1, 0],
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
      paint: { 'circle-radius': 15, 'circle-color': dotColour('#fff'), 'circle-stroke-color': COLORS.proposed, 'circle-stroke-width': 3 },
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
      paint: { 'circle-radius': 12, 'circle-color': dotColour(COLORS.site), 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    },
  },
  {
    group: 'sites',
    layer: {
      id: 'planner-site-rank',
      type: 'symbol',
      source: SRC.sites,
      layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-font': [...theme.fonts], 'text-size': 13, 'text-allow-overlap': true },
      paint: { 'text-color': '#fff' },
    },
  },
];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const point = (coordinates: [number, number], properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});

interface CompoundLook {
  unmetStep: number;
  underServed: boolean;
}

/** Per compound id, what the map shows of a result. */
function compoundLooks(result: PlannerResultView): Map<string, CompoundLook> {
  const steps = unmetSteps(requiredRulesOf(result));
  const looks = new Map<string, CompoundLook>();
  result.compliance.compounds.forEach((c, i) =>
    looks.set(c.compound.id, { unmetStep: stepOf(steps, c.unmetRequired), underServed: result.canteens.compounds[i]!.underServed }),
  );
  return looks;
}

/** Sets the feature state of the compounds whose look differs from what is drawn; returns what is drawn now. */
function recolour(map: MapLibreMap, drawnLooks: Map<string, CompoundLook>, next: Map<string, CompoundLook>): Map<string, CompoundLook> {
  const states = featureStates(map, SOURCES.compounds, COMPOUND_LAYER);
  for (const id of drawnLooks.keys()) {
    if (next.has(id)) continue;
    // The map's own compounds source: only the planner's keys (the hall keeps its own there).
    states.remove(id, 'unmetStep');
    states.remove(id, 'underServed');
  }
  for (const [id, look] of next) {
    const old = drawnLooks.get(id);
    if (!old || old.unmetStep !== look.unmetStep || old.underServed !== look.underServed) states.set(id, { ...look });
  }
  states.flush();
  return next;
}

function changeFeatures(state: AppState): FeatureCollection {
  const scenario = state.scenarios.find((s) => s.id === state.activeScenarioId);
  const facilities = state.plannerResult?.state.facilities ?? [];
  const features: Feature[] = [];
  for (const change of scenario?.changes ?? []) {
    if (change.kind === 'add-facility')
      features.push(point(change.facility.point, { kind: 'proposed', id: change.facility.id, category: change.facility.category }));
    if (change.kind === 'add-gate') features.push(point(change.point, { kind: 'gate', id: change.gateId }));
    if (change.kind === 'close-facility') {
      const entry = facilities.find((e) => e.facility.id === change.facilityId);
      if (entry) features.push(point(entry.facility.point, { kind: 'closed', id: change.facilityId }));
    }
  }
  return { type: 'FeatureCollection', features };
}

function siteFeatures(state: AppState): FeatureCollection {
  return { type: 'FeatureCollection', features: state.sites.map((s) => point(s.point, { id: `site-${s.rank}`, rank: s.rank })) };
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

/** The latest state, for the click and cursor handlers registered once per map. */
let latest: AppState | null = null;
const hooked = new WeakSet<MapLibreMap>();

let plannerMap: MapLibreMap | null = null;

function hook(map: MapLibreMap): void {
  plannerMap = map;
  if (hooked.has(map)) return;
  hooked.add(map);
  map.on('click', (event) => latest?.plannerClick([event.lngLat.lng, event.lngLat.lat]));
}

/**
 * A picture of the map for the printed report: fitted to the report's area (west, south,
 * east, north) when given, once the map has drawn it.
 */
export async function plannerMapImage(bounds: [number, number, number, number] | null): Promise<string | null> {
  const map = plannerMap;
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
  result: unknown;
  dataset: unknown;
  scenario: unknown;
  sites: unknown;
  /** Per compound id, the look its feature state holds. */
  looks: Map<string, CompoundLook>;
  /** The JSON of the what-if changes and of the sites on the map. */
  changesData: string | undefined;
  sitesData: string | undefined;
}
const drawn = new WeakMap<MapLibreMap, Drawn>();

export const plannerOverlay: Overlay = {
  sources: [SRC.changes, SRC.sites],
  layers,
  cursor: () => (latest?.mode === 'planner' && latest.plannerTool ? 'crosshair' : null),
  apply(map, state) {
    hook(map);
    latest = state;
    const active = state.mode === 'planner';
    const next: Drawn = {
      active,
      result: state.plannerResult,
      dataset: state.dataset,
      scenario: state.scenarios.find((s) => s.id === state.activeScenarioId),
      sites: state.sites,
      looks: drawn.get(map)?.looks ?? new Map(),
      changesData: drawn.get(map)?.changesData,
      sitesData: drawn.get(map)?.sitesData,
    };
    const before = drawn.get(map);
    const changed = (key: keyof Drawn) => !before || before[key] !== next[key] || before.active !== active;
    // Feature state outlives a source's new data: a new dataset is recoloured by difference too.
    if (changed('result') || changed('dataset'))
      next.looks = recolour(map, next.looks, active && state.plannerResult ? compoundLooks(state.plannerResult) : new Map());
    // A closed facility is drawn at its place in the result, so a new result may move the changes.
    if (changed('scenario') || changed('result')) next.changesData = setDataIfNew(map, SRC.changes, active ? changeFeatures(state) : EMPTY, next.changesData);
    if (changed('sites')) next.sitesData = setDataIfNew(map, SRC.sites, active ? siteFeatures(state) : EMPTY, next.sitesData);
    drawn.set(map, next);
  },
};
