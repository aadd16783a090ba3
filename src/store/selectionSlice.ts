import type { StateCreator } from 'zustand';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { straightLineCircles, type CircleBandProps } from '../domain/circles';
import { compoundOrigins, gatesByCompound, type CompoundOrigins } from '../domain/origins';
import { BAND_MINUTES, WALK_SPEED_M_PER_MIN } from '../domain/geo';
import type { AppState } from './index';

/** A feature the user clicked, by its layer kind and id. */
export interface Picked {
  kind: 'compound' | 'facility' | 'gate' | 'grid';
  id: string;
}

export interface CompoundCircles {
  compoundId: string;
  origins: CompoundOrigins;
  speedMPerMin: number;
  circles: FeatureCollection<Polygon | MultiPolygon, CircleBandProps>;
}

export interface SelectionSlice {
  /** The compound whose service circles are drawn. */
  compoundId: string | null;
  circles: CompoundCircles | null;
  /** The feature whose info card is open. */
  picked: Picked | null;
  selectCompound(id: string | null): void;
  pick(picked: Picked | null): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  compoundId: null,
  circles: null,
  picked: null,
  selectCompound(id) {
    const dataset = get().dataset;
    const compound = id ? dataset?.compounds.features.find((c) => c.properties.id === id) : undefined;
    if (!dataset || !compound || !id) {
      set({ compoundId: null, circles: null });
      return;
    }
    const origins = compoundOrigins(compound, gatesByCompound(dataset));
    const speedMPerMin = WALK_SPEED_M_PER_MIN.standard;
    const circles = straightLineCircles(origins.points, speedMPerMin, BAND_MINUTES);
    set({ compoundId: id, circles: { compoundId: id, origins, speedMPerMin, circles } });
  },
  pick: (picked) => set({ picked }),
});
