import { create } from 'zustand';
import type { LonLat } from '../domain/geo';
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createHallSlice, type HallSlice } from './hallSlice';
import { createPlannerSlice, type PlannerSlice } from './plannerSlice';
import { createServerSlice, type ServerSlice } from './serverSlice';
import { createVolunteersSlice, type VolunteersSlice } from './volunteersSlice';

interface Lifecycle {
  /** Compound id from the URL, applied once the dataset has loaded. */
  pendingCompound: string | null;
  /** Origin point from the URL (`?at=`), applied once the dataset has loaded. */
  pendingAt: LonLat | null;
  pendingGate: string | null;
  onDatasetLoaded(): void;
}

export type AppState = DatasetSlice & SelectionSlice & AnalysisSlice & UiSlice & PlannerSlice & VolunteersSlice & ServerSlice & HallSlice & Lifecycle;

export const useStore = create<AppState>()((...a) => {
  const [set, get] = a;
  return {
    ...createDatasetSlice(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    ...createAnalysisSlice(...a),
    ...createPlannerSlice(...a),
    ...createVolunteersSlice(...a),
    ...createServerSlice(...a),
    ...createHallSlice(...a),
    pendingCompound: null,
    pendingAt: null,
    pendingGate: null,
    onDatasetLoaded() {
      const { dataset, pendingCompound, pendingAt, pendingGate, compoundId, at } = get();
      set({ picked: null, pendingCompound: null, pendingAt: null, pendingGate: null, route: null });
      get().startEngine();
      const wanted = pendingCompound ?? compoundId;
      if (dataset && wanted && dataset.compounds.features.some((c) => c.properties.id === wanted)) return get().selectCompound(wanted, pendingGate);
      if (wanted && pendingCompound) get().addNotices([{ key: 'notice.unknownCompound', vars: { id: wanted } }]);
      const point = pendingAt ?? at;
      if (dataset && point) return get().setAt(point);
      get().selectCompound(null);
    },
  };
});
