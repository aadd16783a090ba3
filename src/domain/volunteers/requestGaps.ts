import type { AnalysisReport } from '../analysis';
import type { RequestProps } from '../dataset';
import { isCategoryId } from '../taxonomy';

/** The service circle a request is checked against, minutes. */
export const GAP_MINUTES = 15;

export type GapReport = Pick<AnalysisReport, 'compounds' | 'speed_m_per_min'>;

/** Per compound id, per category: metres to the nearest facility (null: none reachable). */
export type NearestMetres = Map<string, Map<string, number | null>>;

export function nearestMetres(report: GapReport): NearestMetres {
  return new Map(report.compounds.map((c) => [c.id, new Map(Object.entries(c.nearest).map(([cat, n]) => [cat, n ? n.walk_m : null]))]));
}

/**
 * "Requests meet gaps": a request asking for a facility category (its `service_code`) that
 * its compound cannot reach within `minutes` on foot: none of that category in the data,
 * none reachable, or the nearest farther than minutes × the report's speed. Requests for a
 * volunteer skill, or without a compound in the report, are never gaps.
 */
export function isServiceGap(
  request: Pick<RequestProps, 'service_code' | 'compound_id'>,
  nearest: NearestMetres,
  speedMPerMin: number,
  minutes = GAP_MINUTES,
): boolean {
  if (!isCategoryId(request.service_code) || !request.compound_id) return false;
  const byCategory = nearest.get(request.compound_id);
  if (!byCategory) return false;
  const walkM = byCategory.get(request.service_code);
  return walkM === undefined || walkM === null || walkM > minutes * speedMPerMin;
}

/**
 * The ids of the requests that meet a service gap (see isServiceGap), from the analysis
 * report (analyzeDataset). The planner view counts them with `.size`.
 */
export function serviceGapRequests(
  requests: readonly Pick<RequestProps, 'id' | 'service_code' | 'compound_id'>[],
  report: GapReport,
  minutes = GAP_MINUTES,
): Set<string> {
  const nearest = nearestMetres(report);
  const gaps = new Set<string>();
  for (const r of requests) if (isServiceGap(r, nearest, report.speed_m_per_min, minutes)) gaps.add(r.id);
  return gaps;
}
