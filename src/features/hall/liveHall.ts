import { useEffect } from 'react';
import { create } from 'zustand';
import type { CommunityStats } from '../../domain/hall/community';
import type { LiveAggregates } from '../../domain/hall/liveAggregates';
import { useStore } from '../../store';
import { LIVE_IDLE, listenLive, type LiveLink } from '../../store/liveEvents';
import { fetchServerInfo } from '../../store/staffApi';

/** The hall's live figures from the requests service: counts only (the public stream carries nothing else). */
interface LiveHallState {
  aggregates: LiveAggregates | null;
  /** When the last figures arrived (ms). */
  receivedAt: number | null;
  link: LiveLink;
}

export const useLiveHall = create<LiveHallState>(() => ({ aggregates: null, receivedAt: null, link: LIVE_IDLE }));

/**
 * On the requests service, the hall listens to the public event stream (`scope=public`:
 * aggregates only, even in a browser where a worker is logged in) and shows the ledger's
 * counts as they change; elsewhere (a static build) nothing changes. A lost stream keeps
 * the last figures and reconnects by itself.
 */
export function useLiveHallAggregates(): void {
  const datasetId = useStore((s) => s.dataset?.manifest.id ?? null);
  useEffect(() => {
    if (!datasetId) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void fetchServerInfo().then((info) => {
      if (cancelled || !info || info.dataset !== datasetId) return;
      stop = listenLive('api/events?scope=public', ['aggregates'], {
        open: () => useLiveHall.setState({ link: { connected: true, lostAt: null } }),
        lost: (at) => useLiveHall.setState({ link: { connected: false, lostAt: at } }),
        event: (_name, data) => useLiveHall.setState({ aggregates: data as LiveAggregates, receivedAt: Date.now() }),
      });
    });
    return () => {
      cancelled = true;
      stop?.();
      useLiveHall.setState({ aggregates: null, receivedAt: null, link: LIVE_IDLE });
    };
  }, [datasetId]);
}

/** The hall's community figures, with the requests counted live by the server when it sends them. */
export function useHallCommunity(): CommunityStats | null {
  const community = useStore((s) => s.hallCommunity);
  const live = useLiveHall((s) => s.aggregates?.requests ?? null);
  if (!community || !live) return community;
  return { ...community, requests: live };
}
