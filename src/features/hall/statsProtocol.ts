import type { Dataset } from '../../domain/dataset';
import type { CommunityStats } from '../../domain/hall/community';
import type { HallStats, HallStatsOptions } from '../../domain/hall/stats';

/** To the hall's stats worker: the full dataset (its personal data never leaves as anything but counts). */
export interface StatsRequest {
  id: number;
  dataset: Dataset;
  options: HallStatsOptions;
  nowMs: number;
}

export interface StatsAnswer {
  id: number;
  stats: HallStats | null;
  community: CommunityStats | null;
  error: string | null;
}
