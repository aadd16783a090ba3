import type { Dataset } from '../../domain/dataset';
import type { CommunityStats } from '../../domain/hall/community';
import type { HallStats, HallStatsOptions } from '../../domain/hall/stats';
import { walkingSession } from '../../workers/sessionClient';

export interface StatsResult {
  stats: HallStats | null;
  community: CommunityStats | null;
}

/**
 * The hall's aggregates from the walking session: a re-read dataset becomes the session's
 * new generation (its graph is kept while network.geojson is unchanged); latest request
 * wins (an older one resolves with null).
 */
export async function computeHallStats(dataset: Dataset, options: HallStatsOptions, nowMs: number): Promise<StatsResult | null> {
  const session = walkingSession();
  if (!(await session.load(dataset))) return null;
  const answered = await session.ask('hall', { options, nowMs });
  return answered && { stats: answered.answer.stats, community: answered.answer.community };
}
