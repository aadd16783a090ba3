import type { StateCreator } from 'zustand';
import type { Lang } from '../i18n';
import type { Mode, Notice } from './url';
import type { AppState } from './index';

/** Map layer groups the user can switch on and off. */
export const LAYER_GROUPS = [
  'context',
  'communities',
  'grids',
  'network',
  'compounds',
  'buildings',
  'gates',
  'facilities',
  'circles',
  'compliance',
  'sites',
  'coverage',
  'requests',
] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

// Buildings (楼栋) are public like compounds (buildings.geojson carries no personal data).
const BASE_GROUPS: LayerGroup[] = ['context', 'communities', 'grids', 'network', 'compounds', 'buildings', 'gates', 'facilities', 'circles'];

/** The layer groups each view draws and offers switches for (public views never get personal data layers). */
export const MODE_LAYER_GROUPS: Record<Mode, readonly LayerGroup[]> = {
  resident: BASE_GROUPS,
  planner: [...BASE_GROUPS, 'compliance', 'sites'],
  volunteers: [...BASE_GROUPS, 'coverage', 'requests'],
  hall: BASE_GROUPS,
};

export interface UiSlice {
  /** Which view: resident (public), planner, volunteers (personal data), hall (public screen). */
  mode: Mode;
  lang: Lang;
  layers: Record<LayerGroup, boolean>;
  /** Facility categories hidden through the legend. */
  hiddenCategories: string[];
  problemsOpen: boolean;
  notices: Notice[];
  setMode(mode: Mode): void;
  setLang(lang: Lang): void;
  toggleLayer(layer: LayerGroup): void;
  toggleCategory(category: string): void;
  setHiddenCategories(categories: string[]): void;
  setProblemsOpen(open: boolean): void;
  addNotices(notices: Notice[]): void;
  dismissNotice(index: number): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  mode: 'resident',
  lang: 'zh',
  layers: {
    context: true,
    communities: true,
    grids: true,
    network: true,
    compounds: true,
    buildings: true,
    gates: true,
    facilities: true,
    circles: true,
    compliance: true,
    sites: true,
    coverage: true,
    requests: true,
  },
  // 其他 / other is off until asked for: in a real city's import it is most of the icons.
  hiddenCategories: ['other'],
  problemsOpen: false,
  notices: [],
  setMode: (mode) => set({ mode }),
  setLang: (lang) => set({ lang }),
  toggleLayer: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  toggleCategory: (category) =>
    set((s) => ({
      hiddenCategories: s.hiddenCategories.includes(category) ? s.hiddenCategories.filter((c) => c !== category) : [...s.hiddenCategories, category],
    })),
  setHiddenCategories: (hiddenCategories) => set({ hiddenCategories }),
  setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
  addNotices: (notices) => set((s) => ({ notices: [...s.notices, ...notices] })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
});
