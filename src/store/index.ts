import { create } from 'zustand';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

interface Lifecycle {
  /** Compound id from the URL, applied once the dataset has loaded. */
  pendingCompound: string | null;
  onDatasetLoaded(): void;
}

export type AppState = DatasetSlice & SelectionSlice & UiSlice & Lifecycle;

export const useStore = create<AppState>()((...a) => {
  const [set, get] = a;
  return {
    ...createDatasetSlice(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    pendingCompound: null,
    onDatasetLoaded() {
      const { dataset, pendingCompound, compoundId } = get();
      set({ picked: null });
      const wanted = pendingCompound ?? compoundId;
      set({ pendingCompound: null });
      if (!dataset || !wanted) return get().selectCompound(null);
      if (dataset.compounds.features.some((c) => c.properties.id === wanted)) return get().selectCompound(wanted);
      get().selectCompound(null);
      get().addNotices([{ key: 'notice.unknownCompound', vars: { id: wanted } }]);
    },
  };
});
