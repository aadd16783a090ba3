import type { Feature, Point } from 'geojson';
import type { Dataset, VolunteerProps } from '../dataset';
import type { LonLat } from '../geo';
import { compoundOrigins, gatesByCompound } from '../origins';
// Not from availability.ts: coverage (in the walking session's worker) needs no opening hours.
import { serviceRadiusM } from './serviceRadius';
import type { CompoundSite, VolunteerSite } from './volunteerReach';

/** Every compound as coverage sees it: its walking origins (gates or point on surface) and residents. */
export function compoundSites(dataset: Pick<Dataset, 'compounds' | 'gates'>): CompoundSite[] {
  const gates = gatesByCompound(dataset);
  return dataset.compounds.features.map((c) => ({
    id: c.properties.id,
    origins: compoundOrigins(c, gates).points,
    population: c.properties.population,
    elderly60: c.properties.elderly60,
    elderly80: c.properties.elderly80,
  }));
}

/** Where each volunteer serves from and how far they go (a 15-minute walk when not given). */
export function volunteerSites(volunteers: readonly Feature<Point, VolunteerProps>[]): VolunteerSite[] {
  return volunteers.map((v) => ({ id: v.properties.id, point: v.geometry.coordinates as LonLat, radiusM: serviceRadiusM(v.properties) }));
}
