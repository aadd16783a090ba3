import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { DEFAULT_DATA } from '../../store/url';
import { readLiveLayers, type LiveRead } from '../../data/liveLayers';
import { fromUrl } from '../../data/sources';
import { watchDataset } from '../../data/watchDataset';

/** Shortest refresh accepted, seconds: a hall of screens must not hammer a small server. */
export const MIN_REFRESH_S = 5;

/** `?refresh=<seconds>`: a number ≥ 5, or null when absent; 'bad' when given but unusable. */
export function parseRefresh(search: string): number | null | 'bad' {
  const value = new URLSearchParams(search).get('refresh');
  if (value === null) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= MIN_REFRESH_S ? seconds : 'bad';
}

/**
 * With `?refresh=<seconds>` the requests and volunteers are re-read from the dataset's URL
 * every so many seconds (not for local files, which cannot be re-read unasked).
 */
export function useLiveRefresh(): void {
  const { dataset, sourceLabel, applyLive, addNotices } = useStore(
    useShallow((s) => ({ dataset: s.dataset, sourceLabel: s.sourceLabel, applyLive: s.applyLive, addNotices: s.addNotices })),
  );
  useEffect(() => {
    const search = typeof window === 'undefined' ? '' : window.location.search;
    const refresh = parseRefresh(search);
    if (refresh === 'bad') {
      addNotices([{ key: 'notice.badParam', vars: { param: 'refresh', value: new URLSearchParams(search).get('refresh') ?? '' } }]);
      return;
    }
    const base = new URLSearchParams(search).get('data')?.trim() || DEFAULT_DATA;
    if (refresh === null || !dataset || sourceLabel !== base) return;
    const read = fromUrl(base);
    return watchDataset<LiveRead>({
      // Each layer keeps its last good data on its own, so a read is "good" when either layer came.
      read: async () => ({ ok: true, value: await readLiveLayers(read, dataset) }),
      everyMs: refresh * 1000,
      immediately: true,
      changed: (result, _fingerprint, now) => applyLive(dataset, result, refresh, now),
      failed: (reason, now) => applyLive(dataset, { requests: null, volunteers: null, error: reason }, refresh, now),
    });
  }, [dataset, sourceLabel, applyLive, addNotices]);
}
