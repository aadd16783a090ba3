import type { StateCreator } from 'zustand';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { straightLineCircles, type CircleBandProps } from '../domain/circles';
import { compoundOrigins, gatesByCompound, type CompoundOrigins } from '../domain/origins';
import { BAND_MINUTES, WALK_SPEED_M_PER_MIN, type LonLat, type WalkProfile } from '../domain/geo';
import type { AppState } from './index';

/** A feature the user clicked, by its layer kind and id. */
export interface Picked {
  kind: 'compound' | 'facility' | 'gate' | 'grid';
  id: string;
}

/** Where the walks start: a compound's origins, or any point on the map. */
export interface WalkOrigin {
  compoundId: string | null;
  origins: CompoundOrigins;
  speedMPerMin: number;
  bandMinutes: number[];
  /** Straight-line circles (Turf), always drawn, labelled as such. */
  circles: FeatureCollection<Polygon | MultiPolygon, CircleBandProps>;
}

export interface SelectionSlice {
  /** The compound whose service circles are drawn. */
  compoundId: string | null;
  /** An arbitrary origin (click on the map, `?at=`, dragging the marker). */
  at: LonLat | null;
  profile: WalkProfile;
  /** The outer band in minutes (`?minutes=`). */
  maxMinutes: number;
  circles: WalkOrigin | null;
  /** The feature whose info card is open. */
  picked: Picked | null;
  selectCompound(id: string | null): void;
  setAt(at: LonLat | null): void;
  setProfile(profile: WalkProfile): void;
  pick(picked: Picked | null): void;
}

/** Recomputes the origin and its straight-line circles from the selection, then asks for walks. */
function derive(state: AppState): Pick<AppState, 'circles'> {
  const { dataset, compoundId, at, profile, maxMinutes } = state;
  const speedMPerMin = WALK_SPEED_M_PER_MIN[profile];
  const bandMinutes = BAND_MINUTES.filter((m) => m <= maxMinutes);
  let origins: CompoundOrigins | null = null;
  if (dataset && compoundId) {
    const compound = dataset.compounds.features.find((c) => c.properties.id === compoundId);
    if (compound) origins = compoundOrigins(compound, gatesByCompound(dataset));
  } else if (at) origins = { points: [at], kind: 'point' };
  if (!origins) return { circles: null };
  return {
    circles: { compoundId, origins, speedMPerMin, bandMinutes, circles: straightLineCircles(origins.points, speedMPerMin, bandMinutes) },
  };
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => {
  const update = (patch: Partial<AppState>) => {
    set(patch);
    set(derive(get()));
    get().requestWalk();
  };
  return {
    compoundId: null,
    at: null,
    profile: 'standard',
    maxMinutes: 15,
    circles: null,
    picked: null,
    selectCompound(id) {
      const exists = id !== null && get().dataset?.compounds.features.some((c) => c.properties.id === id);
      update({ compoundId: exists ? id : null, at: exists ? null : get().at });
      if (id === null) update({ at: null });
    },
    setAt: (at) => update({ at, compoundId: at ? null : get().compoundId }),
    setProfile: (profile) => update({ profile }),
    pick: (picked) => set({ picked }),
  };
};
