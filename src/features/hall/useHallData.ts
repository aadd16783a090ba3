import { useEffect, useRef } from 'react';
import type { Dataset } from '../../domain/dataset';
import { showsOnly } from '../../data/packedNetwork';
import { publicDataset } from '../../domain/hall/privacy';
import type { PlaylistConfig } from '../../domain/hall/playlist';
import { useStore } from '../../store';
import { parseUrlState } from '../../store/url';
import { readDataset, readPlaylist } from './readDataset';
import { watchDataset } from '../../data/watchDataset';
import { cacheDataFiles } from './serviceWorker';
import { walkingSession } from '../../workers/sessionClient';
import { computeHallStats } from './statsClient';

/** Retry sooner while there is no data at all, seconds at normal speed. */
const RETRY_EMPTY_S = 30;

/** The categories the aggregates cover and those whose walksheds are drawn, from the playlist. */
export function statsOptions(config: PlaylistConfig) {
  const spotlights = config.entries.flatMap((e) => (e.kind === 'spotlight' ? [e.category] : []));
  return { categories: [...new Set([...config.essentials, ...spotlights])], bandCategories: [...new Set([...spotlights, 'community_service'])] };
}

/**
 * Feeds the hall screen: its playlist, the public version of the dataset (personal data
 * dropped before anything is drawn), the aggregates from the full one (in a worker), and a
 * re-read on an interval that keeps the last good data when a read fails.
 */
export function useHallData(): void {
  const fingerprint = useRef<string | null>(null);
  /** The last full dataset, kept only to recompute aggregates when the playlist changes. */
  const raw = useRef<Dataset | null>(null);
  const config = useStore((s) => s.hallConfig);
  const refreshMinutes = useStore((s) => s.hallConfig.refreshMinutes);
  const speed = useStore((s) => s.hallSpeed);
  const hasData = useStore((s) => s.hallPublic !== null);

  useEffect(() => {
    const { data } = parseUrlState(window.location.search);
    const params = new URLSearchParams(window.location.search);
    const speedParam = Number(params.get('hallSpeed') ?? '1');
    let live = true;
    void readPlaylist(data, params.get('playlist')).then((parsed) => live && useStore.getState().setHallPlaylist(parsed, speedParam));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (raw.current) aggregate(raw.current, useStore.getState().hallPublic, config);
  }, [config]);

  // Takes a dataset the app loaded (the first load) and replaces it with its public version.
  useEffect(() => {
    const take = (dataset: Dataset | null) => {
      const state = useStore.getState();
      if (!dataset || dataset === state.hallPublic) return;
      raw.current = dataset;
      accept(dataset, Date.now());
    };
    take(useStore.getState().dataset);
    return useStore.subscribe((s, p) => s.dataset !== p.dataset && take(s.dataset));
  }, []);

  useEffect(() => {
    const { data } = parseUrlState(window.location.search);
    return watchDataset({
      read: async () => {
        const read = await readDataset(data);
        return read.ok ? { ok: true, value: read, fingerprint: read.fingerprint } : read;
      },
      everyMs: ((hasData ? refreshMinutes * 60 : RETRY_EMPTY_S) * 1000) / speed,
      fingerprint: fingerprint.current,
      changed: (read, readFingerprint, now) => {
        fingerprint.current = readFingerprint;
        raw.current = read.dataset;
        void cacheDataFiles(data, read.files);
        accept(read.dataset, now);
      },
      unchanged: (read, now) => {
        if (useStore.getState().hallPublic) useStore.getState().hallReadSucceeded(now);
        else accept(read.dataset, now);
      },
      failed: (_reason, now) => useStore.getState().hallReadFailed(now),
    });
  }, [refreshMinutes, speed, hasData]);
}

/** Public dataset into the store at once; aggregates of the full one when the worker answers. */
function accept(full: Dataset, nowMs: number): void {
  const shown = publicDataset(full, { networkShownOnly: full.network !== null && showsOnly(full.network) });
  // The screen's walks (on the public dataset) and its aggregates (on the full one) share one session generation.
  walkingSession().alias(shown, full);
  useStore.getState().setHallDataset(shown, nowMs);
  aggregate(full, shown, useStore.getState().hallConfig);
}

function aggregate(full: Dataset, shown: Dataset | null, config: PlaylistConfig): void {
  void computeHallStats(full, statsOptions(config), Date.now()).then((result) => {
    if (result && useStore.getState().hallPublic === shown) useStore.getState().setHallStats(result.stats, result.community);
  });
}
