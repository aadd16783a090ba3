import type { StateCreator } from 'zustand';
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
  /** Elder profile: routes avoid steps where another way exists. */
  avoidSteps: boolean;
  /** Bands of the straight-line circles (speed × minutes), always drawn, labelled as such: their shapes are circleShapes(origin). */
}

export interface SelectionSlice {
  /** The compound whose service circles are drawn. */
  compoundId: string | null;
  /** An arbitrary origin (click on the map, `?at=`, dragging the marker). */
  at: LonLat | null;
  /** Start from this one gate of the compound instead of all of them (`?gate=`). */
  gateId: string | null;
  profile: WalkProfile;
  /** The outer band in minutes (`?minutes=`). */
  maxMinutes: number;
  circles: WalkOrigin | null;
  /** The feature whose info card is open. */
  picked: Picked | null;
  selectCompound(id: string | null, gateId?: string | null): void;
  setGate(gateId: string | null): void;
  setAt(at: LonLat | null): void;
  setProfile(profile: WalkProfile): void;
  pick(picked: Picked | null): void;
}

/** Recomputes the origin and its straight-line circles from the selection, then asks for walks. */
function derive(state: AppState): Pick<AppState, 'circles'> {
  const { dataset, compoundId, at, profile, maxMinutes, gateId } = state;
  const speedMPerMin = WALK_SPEED_M_PER_MIN[profile];
  const bandMinutes = BAND_MINUTES.filter((m) => m <= maxMinutes);
  let origins: CompoundOrigins | null = null;
  if (dataset && compoundId) {
    const compound = dataset.compounds.features.find((c) => c.properties.id === compoundId);
    const gate = gateId ? dataset.gates.features.find((g) => g.properties.id === gateId && g.properties.compound_id === compoundId) : undefined;
    if (gate) origins = { points: [gate.geometry.coordinates as LonLat], kind: 'gates' };
    else if (compound) origins = compoundOrigins(compound, gatesByCompound(dataset));
  } else if (at) origins = { points: [at], kind: 'point' };
  if (!origins) return { circles: null };
  return {
    circles: {
      compoundId,
      origins,
      speedMPerMin,
      bandMinutes,
      avoidSteps: profile === 'elder',
    },
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
    gateId: null,
    profile: 'standard',
    maxMinutes: 15,
    circles: null,
    picked: null,
    selectCompound(id, gateId = null) {
      const exists = id !== null && get().dataset?.compounds.features.some((c) => c.properties.id === id);
      if (exists) update({ compoundId: id, at: null, gateId });
      else if (id === null) update({ compoundId: null, at: null, gateId: null });
    },
    setGate: (gateId) => update({ gateId }),
    setAt: (at) => update({ at, compoundId: at ? null : get().compoundId, gateId: null }),
    setProfile: (profile) => update({ profile }),
    pick: (picked) => set({ picked }),
  };
};
