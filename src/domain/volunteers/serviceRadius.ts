import type { VolunteerProps } from '../dataset';

/** Metres a volunteer goes when `service_radius_m` is not given: a 15-minute walk at 60 m/min. */
export const DEFAULT_SERVICE_RADIUS_M = 900;

export function serviceRadiusM(v: Pick<VolunteerProps, 'service_radius_m'>): number {
  return v.service_radius_m ?? DEFAULT_SERVICE_RADIUS_M;
}
