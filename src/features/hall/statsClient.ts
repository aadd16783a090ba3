import type { Dataset } from '../../domain/dataset';
import { communityStats, type CommunityStats } from '../../domain/hall/community';
import { hallStats, type HallStats, type HallStatsOptions } from '../../domain/hall/stats';
import type { StatsAnswer, StatsRequest } from './statsProtocol';

export interface StatsResult {
  stats: HallStats | null;
  community: CommunityStats | null;
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (answer: StatsResult | null) => void>();

/**
 * The hall's aggregates, computed off the main thread; latest request wins (an older one
 * resolves with null). Without workers (tests) it computes in place.
 */
export function computeHallStats(dataset: Dataset, options: HallStatsOptions, nowMs: number): Promise<StatsResult | null> {
  if (typeof Worker === 'undefined') return Promise.resolve({ stats: hallStats(dataset, options), community: communityStats(dataset, new Date(nowMs)) });
  if (!worker) {
    worker = new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module', name: 'hall-stats' });
    worker.onmessage = (event: MessageEvent<StatsAnswer>) => {
      const { id, stats, community, error } = event.data;
      if (error) console.error('hall stats:', error);
      waiting.get(id)?.(id === nextId - 1 ? { stats, community } : null);
      waiting.delete(id);
    };
  }
  for (const resolve of waiting.values()) resolve(null);
  waiting.clear();
  const id = nextId++;
  const request: StatsRequest = { id, dataset, options, nowMs };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage(request);
  });
}
