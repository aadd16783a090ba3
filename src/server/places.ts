import { booleanPointInPolygon } from '@turf/turf';
import type { CompoundFeature, Dataset, GridProps } from '../domain/dataset';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** Where a request sits in the four-level grid: its compound, grid and community (each may be unknown). */
export interface Place {
  compoundId: string | null;
  gridId: string | null;
  communityId: string | null;
}

/**
 * The dataset's compounds and grids as the server needs them: which compound, grid and
 * community a point or a compound id belongs to, so that every request carries its scope.
 */
export class Places {
  private readonly compounds = new Map<string, CompoundFeature>();
  private readonly gridParent = new Map<string, string | null>();
  private readonly gridPolygons: Feature<Polygon | MultiPolygon, GridProps>[];

  constructor(readonly dataset: Dataset) {
    for (const c of dataset.compounds.features) this.compounds.set(c.properties.id, c);
    for (const g of dataset.grids.features) this.gridParent.set(g.properties.id, g.properties.parent_id ?? null);
    this.gridPolygons = dataset.grids.features.filter((g) => g.properties.level === 'grid');
  }

  hasCompound(id: string): boolean {
    return this.compounds.has(id);
  }

  compound(id: string): CompoundFeature | undefined {
    return this.compounds.get(id);
  }

  hasGrid(id: string): boolean {
    return this.gridParent.has(id);
  }

  /** Community of a grid id (its parent), or the id itself when it is a community. */
  communityOfGrid(gridId: string): string | null {
    const grid = this.dataset.grids.features.find((g) => g.properties.id === gridId);
    if (!grid) return null;
    return grid.properties.level === 'community' ? grid.properties.id : (grid.properties.parent_id ?? null);
  }

  /** The scope of a compound id. */
  ofCompound(compoundId: string): Place {
    const c = this.compounds.get(compoundId);
    if (!c) return { compoundId: null, gridId: null, communityId: null };
    const gridId = c.properties.grid_id ?? null;
    const communityId = c.properties.community_id ?? (gridId ? this.communityOfGrid(gridId) : null);
    return { compoundId, gridId, communityId };
  }

  /** The compound containing a point, else the grid containing it; `[lon, lat]` WGS84. */
  ofPoint(lon: number, lat: number): Place {
    const point = [lon, lat];
    for (const c of this.compounds.values()) if (booleanPointInPolygon(point, c)) return this.ofCompound(c.properties.id);
    for (const g of this.gridPolygons) {
      if (booleanPointInPolygon(point, g)) return { compoundId: null, gridId: g.properties.id, communityId: this.communityOfGrid(g.properties.id) };
    }
    return { compoundId: null, gridId: null, communityId: null };
  }
}
