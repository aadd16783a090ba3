/**
 * The figures a worker reads for the four-level grid (社区 → 网格 → 小区 → 楼栋): per grid
 * and per building, how many requests are open, how many of those are overdue, how many
 * small wishes are open, and how many elders (60+) live there. Pure: the server hands in
 * the requests and wishes already cut to the worker's scope.
 */

export interface BuildingRef {
  id: string;
  name: string;
  compoundId: string;
  compoundName: string;
  gridId: string | null;
  households: number | null;
  residents: number | null;
  elderly60: number | null;
}

export interface GridRef {
  id: string;
  name: string;
  /** Residents aged 60+ of the grid's compounds (compounds.geojson). */
  elderly60: number;
}

/** An open or closed request, reduced to what the figures count. */
export interface CountedRequest {
  open: boolean;
  overdue: boolean;
  gridId: string | null;
  buildingId: string | null;
}

export interface CountedWish {
  open: boolean;
  gridId: string | null;
  buildingId: string | null;
}

export interface Counts {
  openRequests: number;
  overdue: number;
  openWishes: number;
}

export interface BuildingFigures extends BuildingRef, Counts {}

export interface GridFigures extends GridRef, Counts {
  buildings: BuildingFigures[];
  /** Open requests and wishes of the grid that name no building (filed before QR codes per building, or by phone). */
  withoutBuilding: Counts;
}

const zero = (): Counts => ({ openRequests: 0, overdue: 0, openWishes: 0 });

function add(counts: Counts | undefined, item: { kind: 'request'; overdue: boolean } | { kind: 'wish' }) {
  if (!counts) return;
  if (item.kind === 'wish') counts.openWishes++;
  else {
    counts.openRequests++;
    if (item.overdue) counts.overdue++;
  }
}

/** Per grid (in the order given), each with its buildings (in the order given); closed requests and done wishes are not counted. */
export function gridFigures(
  grids: readonly GridRef[],
  buildings: readonly BuildingRef[],
  requests: readonly CountedRequest[],
  wishes: readonly CountedWish[],
): GridFigures[] {
  const byGrid = new Map<string, GridFigures>(grids.map((g) => [g.id, { ...g, ...zero(), buildings: [], withoutBuilding: zero() }]));
  const byBuilding = new Map<string, BuildingFigures>();
  for (const b of buildings) {
    const grid = b.gridId === null ? undefined : byGrid.get(b.gridId);
    if (!grid) continue;
    const figures = { ...b, ...zero() };
    grid.buildings.push(figures);
    byBuilding.set(b.id, figures);
  }
  const items = [
    ...requests.filter((r) => r.open).map((r) => ({ ...r, kind: 'request' as const })),
    ...wishes.filter((w) => w.open).map((w) => ({ ...w, kind: 'wish' as const })),
  ];
  for (const item of items) {
    const grid = item.gridId === null ? undefined : byGrid.get(item.gridId);
    add(grid, item);
    const building = item.buildingId === null ? undefined : byBuilding.get(item.buildingId);
    if (building) add(building, item);
    else add(grid?.withoutBuilding, item);
  }
  return [...byGrid.values()];
}
