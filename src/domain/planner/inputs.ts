import type { Dataset } from '../dataset';
import type { LonLat } from '../geo';
import { compoundOrigins, gatesByCompound } from '../origins';

/** What the planner needs of a compound: who lives there, where walks start, where it belongs. */
export interface PlannerCompound {
  id: string;
  name: string;
  nameEn?: string;
  population: number;
  elderly60: number;
  elderly80: number;
  /** WGS84 `[lon, lat]`: its gates, or its point on surface. */
  origins: LonLat[];
  /** 'gates' when it has gates, else 'surface' (a point inside it). */
  originKind: 'gates' | 'surface';
  communityId?: string;
  gridId?: string;
  propertyManagement?: boolean;
}

export interface PlannerFacility {
  id: string;
  category: string;
  point: LonLat;
  name?: string;
  nameEn?: string;
  /** Seats of a canteen, etc. */
  capacity?: number;
}

export interface PlannerInputs {
  compounds: PlannerCompound[];
  facilities: PlannerFacility[];
}

export function plannerInputs(dataset: Pick<Dataset, 'compounds' | 'facilities' | 'gates'>): PlannerInputs {
  const gates = gatesByCompound(dataset);
  const compounds = dataset.compounds.features.map(({ properties: p, ...feature }): PlannerCompound => {
    const compound: PlannerCompound = {
      id: p.id,
      name: p.name ?? p.id,
      population: p.population,
      elderly60: p.elderly60,
      elderly80: p.elderly80,
      origins: [],
      originKind: 'surface',
    };
    const origins = compoundOrigins({ ...feature, properties: p }, gates);
    compound.origins = origins.points;
    compound.originKind = origins.kind === 'gates' ? 'gates' : 'surface';
    if (p.name_en) compound.nameEn = p.name_en;
    if (p.community_id) compound.communityId = p.community_id;
    if (p.grid_id) compound.gridId = p.grid_id;
    if (p.property_management !== undefined) compound.propertyManagement = p.property_management;
    return compound;
  });
  const facilities = dataset.facilities.features.map(({ properties: p, geometry }): PlannerFacility => {
    const facility: PlannerFacility = { id: p.id, category: p.category, point: geometry.coordinates as LonLat };
    if (p.name) facility.name = p.name;
    if (p.name_en) facility.nameEn = p.name_en;
    if (p.capacity !== undefined) facility.capacity = p.capacity;
    return facility;
  });
  return { compounds, facilities };
}
