/// <reference lib="webworker" />
/**
 * Thin worker shell for the hall screen's aggregates (a few hundred milliseconds of walking
 * searches per dataset): routes one message to the domain functions and posts the answer.
 */
import { communityStats } from '../../domain/hall/community';
import { hallStats } from '../../domain/hall/stats';
import type { StatsAnswer, StatsRequest } from './statsProtocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<StatsRequest>) => {
  const { id, dataset, options, nowMs } = event.data;
  try {
    const answer: StatsAnswer = { id, stats: hallStats(dataset, options), community: communityStats(dataset, new Date(nowMs)), error: null };
    self.postMessage(answer);
  } catch (error) {
    self.postMessage({ id, stats: null, community: null, error: (error as Error).message } satisfies StatsAnswer);
  }
};
