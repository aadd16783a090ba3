import type { FeatureCollection } from 'geojson';
import { stageIndex } from '../domain/volunteers/workflow';
import type { AppState } from './index';
import { ledgerOf, requestsOf, volunteersOf } from './volunteersSlice';

/** What the volunteers' map draws, ready for its overlay (map/overlays/volunteers.ts). */

/** The requests as points: their stage's index (theme.volunteers.stages is in stage order), overdue and in a service gap as 0 or 1. */
export function requestPoints(state: AppState): FeatureCollection {
  const rows = new Map(ledgerOf(state).map((r) => [r.id, r]));
  return {
    type: 'FeatureCollection',
    features: requestsOf(state).map((r) => {
      const row = rows.get(r.properties.id);
      return {
        type: 'Feature',
        geometry: r.geometry,
        properties: { id: r.properties.id, stageIndex: stageIndex(r.properties.stage), overdue: row?.overdue ? 1 : 0, gap: row?.gap ? 1 : 0 },
      };
    }),
  };
}

/** The compounds no chosen volunteer reaches. */
export function uncoveredCompounds(state: Pick<AppState, 'coverage' | 'dataset'>): FeatureCollection {
  const uncovered = new Set(state.coverage?.uncovered ?? []);
  return { type: 'FeatureCollection', features: (state.dataset?.compounds.features ?? []).filter((c) => uncovered.has(c.properties.id)) };
}

/** The volunteers the coverage on screen is of (the store keeps their ids with it). */
export function coverageVolunteers(state: AppState): FeatureCollection {
  const ids = new Set(state.coverageVolunteerIds);
  const chosen = volunteersOf(state).filter((v) => ids.has(v.properties.id));
  return { type: 'FeatureCollection', features: chosen.map((v) => ({ type: 'Feature', geometry: v.geometry, properties: { id: v.properties.id } })) };
}
