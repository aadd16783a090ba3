/** The planner's canteen settings, apart from the catchment engine (the page's store needs only these). */

export const CANTEEN_CATEGORY = 'canteen';

export interface CanteenSettings {
  /** Walking metres from a canteen that count as its catchment. */
  catchmentM: number;
  /** Seats per 100 residents aged 60+ below which a reached compound is under-served. */
  targetSeatsPer100: number;
}

/**
 * 500 m: the 10-minute level of GB 50180 at 60 m/min, about 11 minutes for a slow elder
 * (45 m/min). 3 seats per 100 residents aged 60+: our assumption (the seeds' 60-seat
 * canteen for a community of some 2,000 elders gives about 3), for the planner to change.
 */
export const DEFAULT_CANTEEN_SETTINGS: CanteenSettings = { catchmentM: 500, targetSeatsPer100: 3 };
