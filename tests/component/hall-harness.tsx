import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { Dataset } from '../../src/domain/dataset';
import { communityStats } from '../../src/domain/hall/community';
import { parsePlaylistParam } from '../../src/domain/hall/playlist';
import { publicDataset } from '../../src/domain/hall/privacy';
import { hallStats } from '../../src/domain/hall/stats';
import { HallFooter } from '../../src/features/hall/HallFooter';
import { HallHeader } from '../../src/features/hall/HallHeader';
import { HallPanel } from '../../src/features/hall/HallPanel';
import { statsOptions } from '../../src/features/hall/useHallData';
import { usePlaylistClock } from '../../src/features/hall/usePlaylistClock';
import { useStore } from '../../src/store';

/** The hall screen without its map (jsdom has no WebGL): header, panel and footer, run by the playlist clock. */
export function HallScreen() {
  usePlaylistClock();
  return (
    <div className="hall">
      <HallHeader />
      <HallPanel />
      <HallFooter />
    </div>
  );
}

/** Puts a dataset on the hall screen as useHallData does: its public version, aggregates of the full one. */
export function showOnHall(full: Dataset, playlist: string, nowMs = Date.now()): void {
  const store = useStore.getState();
  store.setMode('hall');
  store.setHallPlaylist(parsePlaylistParam(playlist));
  store.setHallDataset(publicDataset(full), nowMs);
  const config = useStore.getState().hallConfig;
  store.setHallStats(hallStats(full, statsOptions(config)), communityStats(full, new Date(nowMs)));
}

export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}
