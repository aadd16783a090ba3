import { useEffect, useState } from 'react';
import type { openState } from '../../domain/openingHours';
import { quickOpenState } from '../../domain/openingHoursQuick';
import type { OpenState, OpenStateOptions } from '../../domain/openState';

interface Library {
  openState: typeof openState;
}

let library: Promise<Library> | undefined;
let loaded: Library | undefined;

/** The opening_hours library (about 97 kB brotli), fetched once, for the first value the fast path does not read. */
function loadLibrary(): Promise<Library> {
  library ??= import('../../domain/openingHours').then(
    (module) => (loaded = module),
    (error: unknown) => {
      library = undefined; // try again on the next value that needs it
      throw error;
    },
  );
  return library;
}

/**
 * "Open now" for a facility's `opening_hours`: from the fast path when it reads the value
 * (the common ones), otherwise from the library, which loads on first need; null while it
 * loads (or if it cannot) and when there are no hours.
 */
export function useOpenState(hours: string | undefined, now: Date, timeZone: string, options: OpenStateOptions): OpenState | null {
  const quick = hours ? quickOpenState(hours, now, timeZone, options) : undefined;
  const needsLibrary = Boolean(hours) && quick === undefined;
  const [library, setLibrary] = useState(() => loaded);
  useEffect(() => {
    if (!needsLibrary || library) return;
    let live = true;
    loadLibrary().then(
      (module) => {
        if (live) setLibrary(module);
      },
      () => {}, // offline: the badge keeps saying the time is unknown
    );
    return () => {
      live = false;
    };
  }, [needsLibrary, library]);
  if (!hours) return null;
  return quick ?? library?.openState(hours, now, timeZone, options) ?? null;
}
