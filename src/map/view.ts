import type { AppState } from '../store';
import { originKey } from '../store/analysisSlice';
import type { MapView } from './controller';

/** What either map (the interactive one, the still one) shows of the store. */
export const mapViewOf = (s: AppState): MapView => ({
  dataset: s.dataset,
  layers: s.layers,
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
