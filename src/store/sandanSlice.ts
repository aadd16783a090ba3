import type { StateCreator } from 'zustand';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import type { SandanAnswer } from '../server/routes/sandan';
import type { AppState } from './index';
import { serverActive } from './serverSlice';
import { call, json, type ApiResult } from './staffApi';

export type SandanList = 'needs' | 'resources' | 'projects';

/** State and actions of the 三单制 lists in the volunteers view (kept on the requests service). */
export interface SandanSlice {
  /** The lists of the logged-in staff member's scope, or null before the first read (or for a volunteer). */
  sandan: SandanAnswer | null;
  sandanError: string | null;
  /** Which lists are drawn on the map. */
  sandanLayers: Record<SandanList, boolean>;
  refreshSandan(): Promise<void>;
  /** A write (unit or project); the lists are read again whatever the answer. */
  sandanWrite<T>(path: string, body: unknown): Promise<ApiResult<T>>;
  setSandanLayer(list: SandanList, on: boolean): void;
  clearSandan(): void;
}

/** Reads in flight overlap (a live event during a read): only the newest one's answer is kept. */
let reads = 0;
/**
 * A burst of live events (an Open311 import of hundreds of requests) asks for many reads: while
 * one is in flight, the others become one more read after it, not one each.
 */
let inFlight: Promise<void> | null = null;
let again = false;

export const createSandanSlice: StateCreator<AppState, [], [], SandanSlice> = (set, get) => ({
  sandan: null,
  sandanError: null,
  sandanLayers: { needs: true, resources: false, projects: true },
  async refreshSandan() {
    const { staff } = get();
    if (!staff || staff.user.role === 'volunteer' || !serverActive(get())) return;
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const readOnce = async () => {
      const read = ++reads;
      const result = await call<SandanAnswer>('api/sandan');
      if (read !== reads || !get().staff) return;
      if (result.ok) set({ sandan: result.data, sandanError: null });
      else set({ sandanError: result.message });
    };
    inFlight = (async () => {
      try {
        do {
          again = false;
          await readOnce();
        } while (again);
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  },
  async sandanWrite<T>(path: string, body: unknown) {
    const staff = get().staff;
    if (!staff) return { ok: false, status: 401, message: 'not logged in' } as ApiResult<T>;
    const result = await call<T>(path, json(body, staff.csrfToken));
    await get().refreshSandan();
    return result;
  },
  setSandanLayer: (list, on) => set((s) => ({ sandanLayers: { ...s.sandanLayers, [list]: on } })),
  clearSandan: () => {
    reads++;
    set({ sandan: null, sandanError: null });
  },
});

/** The three lists on the map: needs at their compounds, resources where they are, projects as a line from need to each resource. */
export interface SandanMap {
  needs: FeatureCollection<Point>;
  resources: FeatureCollection<Point>;
  projects: FeatureCollection<Point | LineString>;
}

const EMPTY: SandanMap = {
  needs: { type: 'FeatureCollection', features: [] },
  resources: { type: 'FeatureCollection', features: [] },
  projects: { type: 'FeatureCollection', features: [] },
};

let memo: { key: unknown[]; value: SandanMap } | null = null;

/**
 * Ready map data of the 三单 lists (memoised on the answer, the dataset and the live volunteers):
 * a need is a point inside its compound sized by how many are unmatched; a volunteer is at
 * their point, a unit at its place; a project is a marker at its need with a line to each resource.
 */
export function sandanMapOf(s: Pick<AppState, 'sandan' | 'dataset' | 'mode'>): SandanMap {
  if (!s.sandan || !s.dataset || s.mode !== 'volunteers') return EMPTY;
  const key = [s.sandan, s.dataset];
  if (memo && memo.key.every((k, i) => k === key[i])) return memo.value;
  const compoundPoint = new Map<string, [number, number]>();
  const at = (id: string | null) => {
    if (!id) return null;
    if (!compoundPoint.has(id)) {
      const c = s.dataset!.compounds.features.find((f) => f.properties.id === id);
      if (c) compoundPoint.set(id, pointOnFeature(c).geometry.coordinates as [number, number]);
    }
    return compoundPoint.get(id) ?? null;
  };
  const point = (coordinates: [number, number], properties: Record<string, unknown>): Feature<Point> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties,
  });
  const volunteers = new Map(s.dataset.volunteers.features.map((v) => [v.properties.id, v.geometry.coordinates as [number, number]]));
  const units = new Map(s.sandan.units.map((u) => [u.id, [u.lon, u.lat] as [number, number]]));

  const needs: Feature<Point>[] = [];
  for (const line of s.sandan.needs) {
    const where = at(line.compoundId);
    if (where) needs.push(point(where, { key: line.key, total: line.total, unmatched: line.unmatched, need: line.need }));
  }
  const resources: Feature<Point>[] = [];
  const seen = new Set<string>();
  for (const line of s.sandan.resources) {
    for (const m of line.members) {
      const id = `${m.kind}:${m.id}`;
      const where = m.kind === 'unit' ? units.get(m.id) : volunteers.get(m.id);
      if (!where || seen.has(id)) continue;
      seen.add(id);
      resources.push(point(where, { id, kind: m.kind, name: m.name }));
    }
  }
  const projects: Feature<Point | LineString>[] = [];
  for (const p of s.sandan.projects) {
    const from = at(p.compoundId);
    if (!from || p.state === 'cancelled') continue;
    projects.push(point(from, { id: p.id, state: p.state, overdue: p.overdue ? 1 : 0 }));
    for (const r of p.resources) {
      const to = r.kind === 'unit' ? units.get(r.id) : volunteers.get(r.id);
      if (to)
        projects.push({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: [from, to] },
          properties: { id: p.id, state: p.state, overdue: p.overdue ? 1 : 0 },
        });
    }
  }
  const value: SandanMap = {
    needs: { type: 'FeatureCollection', features: needs },
    resources: { type: 'FeatureCollection', features: resources },
    projects: { type: 'FeatureCollection', features: projects },
  };
  memo = { key, value };
  return value;
}
