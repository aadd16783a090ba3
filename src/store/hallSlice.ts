import { bbox as turfBBox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { StateCreator } from 'zustand';
import { circlesBBox } from '../domain/coverage';
import { WALK_SPEED_M_PER_MIN } from '../domain/geo';
import type { Dataset } from '../domain/dataset';
import type { BBoxLonLat } from '../domain/gridSpec';
import { hallAreas, type HallArea } from '../domain/hall/areas';
import { interact, startClock, step, tick, type ClockState } from '../domain/hall/clock';
import type { CommunityStats } from '../domain/hall/community';
import type { Tone } from '../domain/hall/gapSummary';
import { slideBandCategory, slideTones } from '../domain/hall/tones';
import { lastValue } from '../domain/lastValue';
import { DEFAULT_CONFIG, type ParsedPlaylist, type PlaylistConfig, type PlaylistProblem } from '../domain/hall/playlist';
import { expandSlides, type Slide } from '../domain/hall/slides';
import type { HallStats } from '../domain/hall/stats';
import { CATEGORIES } from '../domain/taxonomy';
import type { AppState } from './index';

/** Where the hall camera goes: a box and how long the move takes. */
export interface HallCamera {
  key: string;
  bbox: BBoxLonLat;
  durationMs: number;
}

/** State and actions of the unattended service-hall screen (`?mode=hall`). */
export interface HallSlice {
  hallConfig: PlaylistConfig;
  hallProblems: PlaylistProblem[];
  hallSlides: Slide[];
  hallClock: ClockState;
  /** Communities and grids of the public dataset, with their centres and compounds. */
  hallAreas: HallArea[];
  hallStats: HallStats | null;
  /** Volunteer and request aggregates (counts only); null while computing or when not available. */
  hallCommunity: CommunityStats | null;
  /** The dataset with personal data removed; the store's dataset is this one on the hall screen. */
  hallPublic: Dataset | null;
  /** Time runs this many times faster (`?hallSpeed=`, for demos and soak tests). */
  hallSpeed: number;
  /** Last successful read of the dataset (ms since epoch), and the last failed one since. */
  hallUpdatedAt: number | null;
  hallReadFailedAt: number | null;
  hallCamera: HallCamera | null;
  /** All compounds of the public dataset, [west, south, east, north]. */
  hallBBox: BBoxLonLat | null;
  setHallPlaylist(parsed: ParsedPlaylist, speed?: number): void;
  /** A newly read public dataset (its aggregates follow through setHallStats). */
  setHallDataset(dataset: Dataset, nowMs: number): void;
  setHallStats(stats: HallStats | null, community: CommunityStats | null): void;
  hallReadSucceeded(nowMs: number): void;
  hallReadFailed(nowMs: number): void;
  hallTick(nowMs: number): void;
  hallInteract(nowMs: number): void;
  hallStep(delta: 1 | -1, nowMs: number): void;
}

/** Facility icons each kind of screen shows (null: all; a spotlight shows its category). */
const SHOWN_FACILITIES: Partial<Record<Slide['kind'], string[] | null>> = {
  overview: ['community_service'],
  area: null,
  gaps: [],
  volunteers: [],
  requests: [],
};
const CIRCLE_MINUTES = 15;

const unionBBox = (a: BBoxLonLat, b: BBoxLonLat): BBoxLonLat => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** Camera move between screens, milliseconds at normal speed. */
export const CAMERA_MS = 2500;

export const slideDurationsMs = (s: Pick<AppState, 'hallSlides' | 'hallSpeed'>): number[] => s.hallSlides.map((slide) => (slide.seconds * 1000) / s.hallSpeed);

export const currentSlide = (s: Pick<AppState, 'hallSlides' | 'hallClock'>): Slide | null => s.hallSlides[s.hallClock.index] ?? s.hallSlides[0] ?? null;

/** The walkshed bands the current screen draws (around a category's facilities), or null. */
export function hallBands(s: Pick<AppState, 'hallSlides' | 'hallClock' | 'hallStats'>): FeatureCollection | null {
  const slide = currentSlide(s);
  const category = slide && slideBandCategory(slide);
  return (category && s.hallStats?.bands[category]) || null;
}

/** The area the current screen outlines (its id), or ''. */
export function hallArea(s: Pick<AppState, 'hallSlides' | 'hallClock'>): string {
  const slide = currentSlide(s);
  return slide?.kind === 'area' ? slide.areaId : '';
}

const tonesOf = lastValue<Record<string, Tone> | null>();

/**
 * The current screen's compound tones by compound id, or null: the same object until the
 * screen or what it is worked out from changes (the map sets a feature state per compound
 * when it gets a new one).
 */
export function hallTones(
  s: Pick<AppState, 'hallSlides' | 'hallClock' | 'hallStats' | 'hallCommunity' | 'dataset' | 'hallConfig'>,
): Record<string, Tone> | null {
  const slide = currentSlide(s);
  return tonesOf([slide?.key, s.hallStats, s.hallCommunity, s.dataset, s.hallConfig.essentials], () =>
    slide ? slideTones(slide, s.hallStats, s.hallCommunity, s.hallConfig.essentials) : null,
  );
}

export const createHallSlice: StateCreator<AppState, [], [], HallSlice> = (set, get) => {
  /** Re-expands the playlist for the dataset, keeping the screen shown when it still exists. */
  const expand = () => {
    const { hallConfig, hallAreas: areas, hallSlides, hallClock, hallCommunity } = get();
    const ids = (level: HallArea['level']) => areas.filter((a) => a.level === level).map((a) => a.id);
    const { slides } = expandSlides(hallConfig, {
      areas: { community: ids('community'), grid: ids('grid') },
      knownCategories: CATEGORIES.map((c) => c.id),
      volunteers: hallCommunity?.volunteers != null,
      requests: hallCommunity?.requests != null,
    });
    const shown = hallSlides[hallClock.index]?.key;
    const index = Math.max(
      0,
      slides.findIndex((s) => s.key === shown),
    );
    set({ hallSlides: slides, hallClock: index === hallClock.index ? hallClock : { ...hallClock, index } });
  };

  /** Makes the map and the selection show the current screen (idempotent per screen). */
  const show = () => {
    const state = get();
    const slide = currentSlide(state);
    if (!slide || !state.hallPublic) return;
    const durationMs = Math.min(CAMERA_MS, CAMERA_MS / state.hallSpeed);
    const area = slide.kind === 'area' ? state.hallAreas.find((a) => a.id === slide.areaId) : undefined;
    const bbox = area ? unionBBox(area.bbox, circlesBBox([{ centre: area.centre, radiusM: CIRCLE_MINUTES * WALK_SPEED_M_PER_MIN.standard }])) : state.hallBBox;
    if (bbox && state.hallCamera?.key !== slide.key) set({ hallCamera: { key: slide.key, bbox, durationMs } });
    const at = area?.centre ?? null;
    if (at ? state.at?.[0] !== at[0] || state.at?.[1] !== at[1] : state.at !== null || state.compoundId !== null) {
      if (at) state.setAt(at);
      else state.selectCompound(null);
    }
    const shown = SHOWN_FACILITIES[slide.kind] ?? (slide.kind === 'spotlight' ? [slide.category] : null);
    const hidden = shown ? CATEGORIES.map((c) => c.id).filter((id) => !shown.includes(id)) : [];
    if (hidden.join() !== state.hiddenCategories.join()) state.setHiddenCategories(hidden);
  };

  return {
    hallConfig: DEFAULT_CONFIG,
    hallProblems: [],
    hallSlides: [],
    hallClock: startClock(0),
    hallAreas: [],
    hallStats: null,
    hallCommunity: null,
    hallPublic: null,
    hallSpeed: 1,
    hallUpdatedAt: null,
    hallReadFailedAt: null,
    hallCamera: null,
    hallBBox: null,
    setHallPlaylist(parsed, speed = get().hallSpeed) {
      set({ hallConfig: parsed.config, hallProblems: parsed.problems, hallSpeed: speed > 0 && Number.isFinite(speed) ? speed : 1 });
      expand();
      show();
    },
    setHallDataset(dataset, nowMs) {
      const first = get().hallPublic === null;
      const hallBBox = dataset.compounds.features.length ? (turfBBox(dataset.compounds) as BBoxLonLat) : null;
      set({ hallPublic: dataset, hallAreas: hallAreas(dataset), hallBBox, hallUpdatedAt: nowMs, hallReadFailedAt: null });
      if (get().dataset !== dataset) {
        set({ dataset, status: 'ready', fatal: null, hallCamera: null });
        get().startEngine();
      } else set({ hallCamera: null });
      if (first) set({ hallClock: startClock(nowMs) });
      expand();
      show();
    },
    setHallStats(hallStats, hallCommunity) {
      set({ hallStats, hallCommunity });
      expand();
      show();
    },
    hallReadSucceeded: (nowMs) => set({ hallUpdatedAt: nowMs, hallReadFailedAt: null }),
    hallReadFailed: (nowMs) => set({ hallReadFailedAt: nowMs }),
    hallTick(nowMs) {
      const before = get().hallClock;
      const next = tick(before, slideDurationsMs(get()), nowMs);
      if (next === before) return;
      set({ hallClock: next });
      if (next.index !== before.index) show();
    },
    hallInteract(nowMs) {
      const { hallClock, hallConfig, hallSpeed } = get();
      set({ hallClock: interact(hallClock, nowMs, (hallConfig.idleSeconds * 1000) / hallSpeed) });
    },
    hallStep(delta, nowMs) {
      set({ hallClock: step(get().hallClock, get().hallSlides.length, delta, nowMs) });
      show();
    },
  };
};
