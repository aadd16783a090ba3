import { lastValue } from '../domain/lastValue';
import type { AppState } from '../store';
import { originKey } from '../store/analysisSlice';
import { MODE_LAYER_GROUPS, type LayerGroup } from '../store/uiSlice';
import type { MapView } from './controller';

/** The last switches drawn, for one object per change (the map compares them by identity). */
const shownOf = lastValue<Record<LayerGroup, boolean>>();

/**
 * The layer switches as drawn: a group the view does not offer is off (the planner's
 * compliance colours draw the compounds every view draws, and stay hidden outside it).
 */
function shownLayers(layers: AppState['layers'], mode: AppState['mode']): Record<LayerGroup, boolean> {
  return shownOf([layers, mode], () => {
    const offered = new Set<LayerGroup>(MODE_LAYER_GROUPS[mode]);
    return Object.fromEntries(Object.entries(layers).map(([group, on]) => [group, on && offered.has(group as LayerGroup)])) as Record<LayerGroup, boolean>;
  });
}

/** What either map (the interactive one, the still one) shows of the store. */
export const mapViewOf = (s: AppState): MapView => ({
  dataset: s.dataset,
  layers: shownLayers(s.layers, s.mode),
  hiddenCategories: s.hiddenCategories,
  compoundId: s.compoundId,
  circles: s.circles,
  walk: s.walk,
  // A walk for another origin is dimmed, except while the free point is dragged: then the
  // walk one step behind the marker is the news, and dimming it would flicker.
  walkStale: s.walkFor !== null && s.walkFor !== originKey(s) && !(s.walkForPoint && s.circles?.origins.kind === 'point'),
  route: s.route,
  lang: s.lang,
  facilitiesSubdued: s.mode === 'planner',
});
