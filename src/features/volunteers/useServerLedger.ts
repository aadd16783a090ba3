import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';

/** Seconds between reads of the server ledger, so a colleague's change appears (live events follow later). */
export const SERVER_REFRESH_S = 5;

/**
 * Asks once whether the app runs on the requests service; while someone is logged in there,
 * re-reads their ledger every few seconds.
 */
export function useServerLedger(): void {
  const { detectServer, refresh, loggedIn, dataset } = useStore(
    useShallow((s) => ({ detectServer: s.detectServer, refresh: s.refreshServerLedger, loggedIn: s.staff !== null, dataset: s.dataset })),
  );
  useEffect(() => {
    void detectServer();
  }, [detectServer]);
  useEffect(() => {
    // Logging in (and finding a session) reads the ledger at once; this keeps it fresh.
    if (!loggedIn || !dataset) return;
    const timer = setInterval(() => void refresh(), SERVER_REFRESH_S * 1000);
    return () => clearInterval(timer);
  }, [loggedIn, dataset, refresh]);
}
