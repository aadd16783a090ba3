import type { WalkContext } from '../engine/context';
import { nearestByStraightLine } from '../engine/nearest';
import { reachOf } from '../engine/distanceAt';
import { searchFrom, type Search, type Source } from '../engine/dijkstra';
import type { Snap } from '../engine/snap';
import { straightLineM, type LonLat } from '../geo';
import { addSourceToField } from './fieldUpdate';
import type { PlannerCompound, PlannerFacility } from './inputs';

/**
 * Every compound × category walking distance, kept so that a what-if change is cheap:
 * one distance field per category (one multi-source search from all its open facilities);
 * a compound's distance is a lookup from its snapped origins. Adding a facility merges one
 * small search into its category's field, closing one rebuilds that category's field, and a
 * new gate re-reads one compound's row. Without a network every distance is straight-line.
 * States are immutable: each change returns a new one and shares what it did not touch.
 */

export { walkContext, type WalkContext } from '../engine/context';

export interface FacilityEntry {
  facility: PlannerFacility;
  snap: Snap | null;
  open: boolean;
  /** Added by a what-if change, not in the dataset. */
  proposed: boolean;
}

/** One category's distances: metres per compound and the facility (index into `facilities`), -1 when none. */
export interface Column {
  walkM: Float64Array;
  facility: Int32Array;
}

export interface DistanceState {
  facilities: readonly FacilityEntry[];
  compounds: readonly PlannerCompound[];
  originSnaps: readonly (readonly (Snap | null)[])[];
  /** Network only: per category, the field from its open facilities (labels index `facilities`). */
  fields: ReadonlyMap<string, Search>;
  columns: ReadonlyMap<string, Column>;
}

function emptyColumn(n: number): Column {
  return { walkM: new Float64Array(n).fill(Infinity), facility: new Int32Array(n).fill(-1) };
}

/** The nearest open facility of the field (or, straight-line, of the category) from any origin. */
function lookup(
  ctx: WalkContext | null,
  state: Pick<DistanceState, 'facilities' | 'fields'>,
  category: string,
  origins: readonly LonLat[],
  snaps: readonly (Snap | null)[],
): { walkM: number; facility: number } {
  let best = { walkM: Infinity, facility: -1 };
  if (ctx) {
    const field = state.fields.get(category);
    if (!field) return best;
    for (const snap of snaps) {
      const reach = snap && reachOf(field, snap);
      if (reach && reach.walkM < best.walkM) best = { walkM: reach.walkM, facility: reach.label };
    }
    return best;
  }
  const nearest = nearestByStraightLine(origins, openOfCategory(state.facilities, category), (index) => state.facilities[index]!.facility.point);
  return nearest ? { walkM: nearest.walkM, facility: nearest.index } : best;
}

function* openOfCategory(facilities: readonly FacilityEntry[], category: string): Generator<number> {
  for (let i = 0; i < facilities.length; i++) if (facilities[i]!.open && facilities[i]!.facility.category === category) yield i;
}

function fillColumn(ctx: WalkContext | null, state: Omit<DistanceState, 'columns'>, category: string): Column {
  const column = emptyColumn(state.compounds.length);
  state.compounds.forEach((compound, i) => {
    const found = lookup(ctx, state, category, compound.origins, state.originSnaps[i]!);
    column.walkM[i] = found.walkM;
    column.facility[i] = found.facility;
  });
  return column;
}

function fieldOf(ctx: WalkContext, facilities: readonly FacilityEntry[], category: string): Search | undefined {
  const sources: Source[] = [];
  facilities.forEach((entry, label) => {
    if (entry.open && entry.snap && entry.facility.category === category) sources.push({ snap: entry.snap, label });
  });
  return sources.length > 0 ? searchFrom(ctx.graph, sources) : undefined;
}

const snapAll = (ctx: WalkContext | null, points: readonly LonLat[]) => points.map((p) => (ctx ? ctx.snapper.snap(p) : null));

/** Distances for every compound and every category that has a facility or is asked for. */
export function baseDistances(
  ctx: WalkContext | null,
  compounds: readonly PlannerCompound[],
  facilities: readonly PlannerFacility[],
  extraCategories: readonly string[] = [],
): DistanceState {
  const entries = facilities.map((facility): FacilityEntry => ({ facility, snap: ctx ? ctx.snapper.snap(facility.point) : null, open: true, proposed: false }));
  const categories = [...new Set([...facilities.map((f) => f.category), ...extraCategories])];
  const fields = new Map<string, Search>();
  if (ctx) {
    for (const category of categories) {
      const field = fieldOf(ctx, entries, category);
      if (field) fields.set(category, field);
    }
  }
  const partial = { facilities: entries, compounds, originSnaps: compounds.map((c) => snapAll(ctx, c.origins)), fields };
  return { ...partial, columns: new Map(categories.map((c) => [c, fillColumn(ctx, partial, c)])) };
}

/** A new facility (a what-if): one small search merged into its category's field. */
export function withFacility(ctx: WalkContext | null, state: DistanceState, facility: PlannerFacility): DistanceState {
  const label = state.facilities.length;
  const snap = ctx ? ctx.snapper.snap(facility.point) : null;
  const facilities = [...state.facilities, { facility, snap, open: true, proposed: true }];
  const fields = new Map(state.fields);
  if (ctx && snap) fields.set(facility.category, addSourceToField(ctx.graph, state.fields.get(facility.category), { snap, label }));
  const next = { ...state, facilities, fields };
  const previous = state.columns.get(facility.category) ?? emptyColumn(state.compounds.length);
  const column: Column = { walkM: previous.walkM.slice(), facility: previous.facility.slice() };
  state.compounds.forEach((compound, i) => {
    // The merged field already is the min of the old one and the new facility's walks.
    const walkM = ctx ? lookup(ctx, next, facility.category, compound.origins, state.originSnaps[i]!).walkM : straightLineM(facility.point, compound.origins);
    if (walkM < column.walkM[i]!) {
      column.walkM[i] = walkM;
      column.facility[i] = label;
    }
  });
  return { ...next, columns: new Map(state.columns).set(facility.category, column) };
}

/** An existing (or proposed) facility closed: its category's field is rebuilt without it. */
export function withoutFacility(ctx: WalkContext | null, state: DistanceState, facilityId: string): DistanceState {
  const index = state.facilities.findIndex((e) => e.facility.id === facilityId && e.open);
  if (index < 0) return state;
  const facilities = state.facilities.map((e, i) => (i === index ? { ...e, open: false } : e));
  return rebuildCategory(ctx, { ...state, facilities }, state.facilities[index]!.facility.category);
}

/** One category's field searched again from all its open facilities, and its column re-read. */
export function rebuildCategory(ctx: WalkContext | null, state: DistanceState, category: string): DistanceState {
  const fields = new Map(state.fields);
  if (ctx) {
    const field = fieldOf(ctx, state.facilities, category);
    if (field) fields.set(category, field);
    else fields.delete(category);
  }
  const next = { ...state, fields };
  return { ...next, columns: new Map(state.columns).set(category, fillColumn(ctx, next, category)) };
}

/**
 * A new gate in a compound: its origins change, so its row is read again from every field.
 * A compound that had no gate walked from a point inside it; with a gate, it walks from its gates.
 */
export function withGate(ctx: WalkContext | null, state: DistanceState, compoundId: string, point: LonLat): DistanceState {
  const i = state.compounds.findIndex((c) => c.id === compoundId);
  if (i < 0) return state;
  const old = state.compounds[i]!;
  const origins = old.originKind === 'gates' ? [...old.origins, point] : [point];
  const compounds = state.compounds.map((c, k) => (k === i ? { ...c, origins, originKind: 'gates' as const } : c));
  const originSnaps = state.originSnaps.map((s, k) => (k === i ? snapAll(ctx, origins) : s));
  const next = { ...state, compounds, originSnaps };
  const columns = new Map<string, Column>();
  for (const [category, column] of state.columns) {
    const found = lookup(ctx, next, category, origins, originSnaps[i]!);
    const copy = { walkM: column.walkM.slice(), facility: column.facility.slice() };
    copy.walkM[i] = found.walkM;
    copy.facility[i] = found.facility;
    columns.set(category, copy);
  }
  return { ...next, columns };
}

/** The nearest open facility over any of `categories`, or null when none can be reached. */
export function nearestOver(state: DistanceState, categories: readonly string[], compoundIndex: number): { walkM: number; facility: FacilityEntry } | null {
  let best: { walkM: number; facility: FacilityEntry } | null = null;
  for (const category of categories) {
    const column = state.columns.get(category);
    const walkM = column?.walkM[compoundIndex] ?? Infinity;
    const facility = column ? state.facilities[column.facility[compoundIndex]!] : undefined;
    if (facility && walkM < (best?.walkM ?? Infinity)) best = { walkM, facility };
  }
  return best;
}
