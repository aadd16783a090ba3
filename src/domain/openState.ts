import type { HolidayOverrides } from './holidays';

/**
 * What "open now" answers, shared by the opening_hours library's evaluation (openingHours.ts)
 * and the fast path for common values (openingHoursQuick.ts). Free of that library, so a view
 * can name these types without loading it.
 */

export type OpenStateKind = 'open' | 'closed' | 'unknown';

export interface OpenState {
  state: OpenStateKind;
  /** Open now and closing within `soonMinutes` (30 by default). */
  closesSoon: boolean;
  /** The next change of state (an instant), or null when there is none (24/7) or on error. */
  changesAt: Date | null;
  /** The parser's message when the value is not valid `opening_hours` syntax. */
  error?: string;
}

export interface OpenStateOptions {
  /** ISO 3166-1 alpha-2, lower case, for public and school holidays. Default `cn`. */
  countryCode?: string;
  /** Region name as Nominatim gives it (e.g. 西藏自治区), when holidays differ by region. */
  state?: string;
  /** WGS84 degrees; needed for `sunrise`/`sunset` rules. */
  lat?: number;
  lon?: number;
  /** "Closes soon" threshold in minutes. Default 30. */
  soonMinutes?: number;
  /** Days off and make-up working days the dataset adds to China's calendar (manifest `holidays`). */
  holidays?: HolidayOverrides;
}

export const DEFAULT_SOON_MINUTES = 30;
