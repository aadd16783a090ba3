import { useEffect } from 'react';
import { nextChangeAt } from '../../domain/hall/clock';
import { useStore } from '../../store';
import { slideDurationsMs } from '../../store/hallSlice';

/** Keys that move through the playlist while it is paused (a remote or a keyboard in the hall). */
const NEXT_KEYS = ['ArrowRight', 'ArrowDown', 'PageDown', ' '];
const PREVIOUS_KEYS = ['ArrowLeft', 'ArrowUp', 'PageUp'];

/**
 * Runs the playlist: one timer to the next change (the end of the screen or of a pause),
 * never a polling loop. A touch, click, wheel or key press pauses it; it resumes after the
 * playlist's idle time.
 */
export function usePlaylistClock(): void {
  const clock = useStore((s) => s.hallClock);
  const slides = useStore((s) => s.hallSlides);
  const speed = useStore((s) => s.hallSpeed);

  useEffect(() => {
    if (slides.length === 0) return;
    const at = nextChangeAt(clock, slideDurationsMs({ hallSlides: slides, hallSpeed: speed }));
    const timer = setTimeout(() => useStore.getState().hallTick(Date.now()), Math.max(0, at - Date.now()) + 1);
    return () => clearTimeout(timer);
  }, [clock, slides, speed]);

  useEffect(() => {
    const pause = () => useStore.getState().hallInteract(Date.now());
    const key = (event: KeyboardEvent) => {
      const store = useStore.getState();
      store.hallInteract(Date.now());
      if (NEXT_KEYS.includes(event.key)) store.hallStep(1, Date.now());
      else if (PREVIOUS_KEYS.includes(event.key)) store.hallStep(-1, Date.now());
      else return;
      event.preventDefault();
    };
    const events = ['pointerdown', 'wheel', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, pause, { passive: true });
    window.addEventListener('keydown', key);
    return () => {
      for (const name of events) window.removeEventListener(name, pause);
      window.removeEventListener('keydown', key);
    };
  }, []);
}
