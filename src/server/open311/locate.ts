import { bbox, pointOnFeature } from '@turf/turf';
import type { CompoundFeature, Dataset } from '../../domain/dataset';

/** Margin around the dataset's compounds and grids within which a position is still ours: ~2 km. */
const AREA_MARGIN_DEG = 0.02;

/**
 * Where an Open311 POST is: the ledger needs coordinates, so an address is read as one of
 * the dataset's compounds (by id or exact name) and placed on its point on surface; a
 * position must lie in the dataset's area.
 */
export class Locator {
  private readonly byKey = new Map<string, CompoundFeature>();
  private readonly points = new Map<string, [number, number]>();
  /** [west, south, east, north] with the margin, or null for a dataset without compounds or grids. */
  readonly area: [number, number, number, number] | null;

  constructor(dataset: Dataset) {
    for (const c of dataset.compounds.features) {
      // Ids win over names: a compound named like another's id is still found by that id.
      for (const name of [c.properties.name, c.properties.name_en]) if (name?.trim()) this.byKey.set(name.trim().toLowerCase(), c);
    }
    for (const c of dataset.compounds.features) this.byKey.set(c.properties.id.toLowerCase(), c);
    const features = [...dataset.compounds.features, ...dataset.grids.features];
    if (features.length) {
      const [w, s, e, n] = bbox({ type: 'FeatureCollection', features });
      this.area = [w - AREA_MARGIN_DEG, s - AREA_MARGIN_DEG, e + AREA_MARGIN_DEG, n + AREA_MARGIN_DEG];
    } else this.area = null;
  }

  /** The compound an address names (its id, Chinese or English name; case and spaces ignored at the ends). */
  compound(address: string): CompoundFeature | undefined {
    return this.byKey.get(address.trim().toLowerCase());
  }

  /** A point inside the compound (its centroid when that is inside, else a point on its surface), `[lon, lat]`. */
  pointOf(compound: CompoundFeature): [number, number] {
    const id = compound.properties.id;
    let point = this.points.get(id);
    if (!point) {
      point = pointOnFeature(compound).geometry.coordinates as [number, number];
      this.points.set(id, point);
    }
    return point;
  }

  inArea(lon: number, lat: number): boolean {
    if (!this.area) return true;
    const [w, s, e, n] = this.area;
    return lon >= w && lon <= e && lat >= s && lat <= n;
  }
}
