import { bbox as turfBBox, pointOnFeature } from '@turf/turf';
import type { Dataset } from '../dataset';
import type { LonLat } from '../geo';
import type { BBoxLonLat } from '../gridSpec';
import { pointsInPolygons } from '../pointsInPolygons';
import type { AreaLevel } from './playlist';

/** A community (社区) or grid (网格) as the hall shows it: no staff, only what it contains. */
export interface HallArea {
  id: string;
  level: AreaLevel;
  name: string;
  name_en?: string;
  bbox: BBoxLonLat;
  /** Where its 15-minute circle is drawn from: its service centre (党群服务中心), else a point inside it. */
  centre: LonLat;
  /** The community-service facility at `centre`, when there is one. */
  centreFacilityId: string | null;
  compoundIds: string[];
}

/**
 * The dataset's communities and grids with the compounds each contains: a compound's own
 * `community_id` / `grid_id` when it names an area of that level, else the area its point on
 * surface lies in. The centre is the area's community-service facility (the one whose name
 * starts with the area's name when there are several), else the area's point on surface.
 */
export function hallAreas(dataset: Pick<Dataset, 'grids' | 'compounds' | 'facilities'>): HallArea[] {
  const compoundPoints = dataset.compounds.features.map((c) => pointOnFeature(c).geometry.coordinates as LonLat);
  const services = dataset.facilities.features.filter((f) => f.properties.category === 'community_service');
  const servicePoints = services.map((f) => f.geometry.coordinates as LonLat);
  const result = new Map<string, HallArea>();
  for (const level of ['community', 'grid'] as const) {
    const areas = dataset.grids.features.filter((a) => a.properties.level === level);
    const ids = new Set(areas.map((a) => a.properties.id));
    const compoundIn = pointsInPolygons(
      compoundPoints,
      areas.map((a) => a.geometry),
    );
    const serviceIn = pointsInPolygons(
      servicePoints,
      areas.map((a) => a.geometry),
    );
    const areaOfCompound = dataset.compounds.features.map((c, i) => {
      const own = level === 'community' ? c.properties.community_id : c.properties.grid_id;
      return own && ids.has(own) ? own : areas[compoundIn[i] ?? -1]?.properties.id;
    });
    areas.forEach((area, j) => {
      const { id, name, name_en } = area.properties;
      const inside = services.filter((_, k) => serviceIn[k] === j);
      const centreFacility = (name ? inside.find((f) => f.properties.name?.startsWith(name)) : undefined) ?? inside[0];
      const centre = (centreFacility?.geometry.coordinates ?? pointOnFeature(area).geometry.coordinates) as LonLat;
      result.set(id, {
        id,
        level,
        name: name ?? id,
        ...(name_en ? { name_en } : {}),
        bbox: turfBBox(area) as BBoxLonLat,
        centre: [centre[0], centre[1]],
        centreFacilityId: centreFacility?.properties.id ?? null,
        compoundIds: dataset.compounds.features.filter((_, i) => areaOfCompound[i] === id).map((c) => c.properties.id),
      });
    });
  }
  // Dataset order, communities and grids as they come.
  return dataset.grids.features.flatMap((a) => result.get(a.properties.id) ?? []);
}
