import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Attribution } from '../../components/Attribution';
import { nextChangeAt } from '../../domain/hall/clock';
import { MapView } from '../../map/MapView';
import { useStore } from '../../store';
import { currentSlide, slideDurationsMs } from '../../store/hallSlice';
import { Bilingual } from './Bilingual';
import { HallFooter } from './HallFooter';
import { HallHeader } from './HallHeader';
import { HallPanel } from './HallPanel';
import { useLiveHallAggregates } from './liveHall';
import { useHallData } from './useHallData';
import { useHallText } from './useHallText';
import { usePlaylistClock } from './usePlaylistClock';
import { startWatchdog } from './watchdog';
import './hall.css';
import './messages';

/** A stall is this long without a frame or past the playlist's due time (real milliseconds). */
const STALL_MS = 60_000;

/**
 * The unattended service-hall screen (`?mode=hall`): a playlist of views with large type, a
 * legend, the data's date and the time, and a QR code per view. It re-reads the data on an
 * interval, reloads itself when rendering stalls, and shows aggregates only.
 */
export function HallView() {
  useHallData();
  useLiveHallAggregates();
  usePlaylistClock();
  const text = useHallText();
  const { ready, status, slide } = useStore(
    useShallow((s) => ({ ready: s.hallPublic !== null && s.dataset === s.hallPublic, status: s.status, slide: currentSlide(s) })),
  );
  const mapArea = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ready || !mapArea.current) return;
    return startWatchdog({
      container: mapArea.current,
      stallMs: STALL_MS,
      checkMs: 10_000,
      dueAt: () => {
        const s = useStore.getState();
        return s.hallSlides.length ? nextChangeAt(s.hallClock, slideDurationsMs(s)) : null;
      },
      reload: (reason) => {
        console.warn('hall watchdog: reloading,', reason);
        window.location.reload();
      },
    });
  }, [ready]);

  // No browser prompt on an unattended screen (install banners).
  useEffect(() => {
    const quiet = (event: Event) => event.preventDefault();
    window.addEventListener('beforeinstallprompt', quiet);
    return () => window.removeEventListener('beforeinstallprompt', quiet);
  }, []);

  if (!ready) {
    return (
      <div className="hall hall-waiting" data-testid="hall">
        <h1 className="hall-title">
          <Bilingual text={text} k="hall.screenTitle" />
        </h1>
        <p role="status" className="hall-status">
          <Bilingual text={text} k={status === 'failed' ? 'hall.noData' : 'hall.loading'} />
        </p>
      </div>
    );
  }
  return (
    <div className="hall" data-testid="hall" data-slide={slide?.key ?? ''}>
      <HallHeader />
      <div className="hall-map" ref={mapArea}>
        <MapView />
        {/* Touches pause the playlist; they never pan the map or open anything. */}
        <div className="hall-touch" aria-hidden="true" />
        <Attribution />
      </div>
      <HallPanel />
      <HallFooter />
    </div>
  );
}
