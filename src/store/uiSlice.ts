import type { StateCreator } from 'zustand';
import type { Lang } from '../i18n';
import type { Notice } from './url';
import type { AppState } from './index';

/** Map layer groups the user can switch on and off. */
export const LAYER_GROUPS = ['context', 'communities', 'grids', 'network', 'compounds', 'gates', 'facilities', 'circles'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export interface UiSlice {
  lang: Lang;
  layers: Record<LayerGroup, boolean>;
  /** Facility categories hidden through the legend. */
  hiddenCategories: string[];
  problemsOpen: boolean;
  notices: Notice[];
  setLang(lang: Lang): void;
  toggleLayer(layer: LayerGroup): void;
  toggleCategory(category: string): void;
  setHiddenCategories(categories: string[]): void;
  setProblemsOpen(open: boolean): void;
  addNotices(notices: Notice[]): void;
  dismissNotice(index: number): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  lang: 'zh',
  layers: { context: true, communities: true, grids: true, network: true, compounds: true, gates: true, facilities: true, circles: true },
  hiddenCategories: [],
  problemsOpen: false,
  notices: [],
  setLang: (lang) => set({ lang }),
  toggleLayer: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  toggleCategory: (category) =>
    set((s) => ({
      hiddenCategories: s.hiddenCategories.includes(category)
        ? s.hiddenCategories.filter((c) => c !== category)
        : [...s.hiddenCategories, category],
    })),
  setHiddenCategories: (hiddenCategories) => set({ hiddenCategories }),
  setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
  addNotices: (notices) => set((s) => ({ notices: [...s.notices, ...notices] })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
});
