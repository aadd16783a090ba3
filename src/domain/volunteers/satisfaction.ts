import type { RequestProps } from '../dataset';

/** Ratings of 4 or 5 stars count as satisfied (居民满意). */
export const SATISFIED_MIN_RATING = 4;

export interface Satisfaction {
  /** Requests with a rating. */
  rated: number;
  /** Closed requests (rated or not). */
  closed: number;
  /** Mean rating, 1–5; null with no ratings. */
  mean: number | null;
  /** Share of ratings ≥ 4, 0–1; null with no ratings. */
  satisfiedShare: number | null;
  /** Count of ratings 1, 2, 3, 4, 5 (index 0 = one star). */
  distribution: [number, number, number, number, number];
}

/** Satisfaction figures from the residents' `rating` (居民满意评事). */
export function satisfaction(requests: readonly Pick<RequestProps, 'rating' | 'status'>[]): Satisfaction {
  const distribution: Satisfaction['distribution'] = [0, 0, 0, 0, 0];
  let sum = 0;
  let rated = 0;
  let satisfied = 0;
  let closed = 0;
  for (const r of requests) {
    if (r.status === 'closed') closed++;
    const rating = r.rating;
    if (rating === undefined || !Number.isInteger(rating) || rating < 1 || rating > 5) continue;
    distribution[rating - 1]!++;
    sum += rating;
    rated++;
    if (rating >= SATISFIED_MIN_RATING) satisfied++;
  }
  return { rated, closed, mean: rated ? sum / rated : null, satisfiedShare: rated ? satisfied / rated : null, distribution };
}
