import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { listenLive } from '../../store/liveEvents';
import { serverActive } from '../../store/serverSlice';
import type { StaffRequest } from '../../store/staffApi';
import { useWishes } from './wishes/wishStore';

/** Seconds between reads of the server ledger while its live events cannot be heard (the fallback). */
export const SERVER_REFRESH_S = 5;

/** Events of a staff stream (src/server/live/hub.ts). */
const STAFF_EVENTS = ['ready', 'request', 'gone', 'reset', 'ended', 'wish', 'wishes', 'sandan'] as const;

/**
 * Asks once whether the app runs on the requests service; while someone is logged in there,
 * listens to the server's events for their scope (a colleague's change appears within a
 * second) and, while those cannot be heard, re-reads the ledger every few seconds instead.
 */
export function useServerLedger(): void {
  const { detectServer, refresh, loggedIn, active, connected } = useStore(
    useShallow((s) => ({
      detectServer: s.detectServer,
      refresh: s.refreshServerLedger,
      loggedIn: s.staff !== null,
      active: serverActive(s),
      connected: s.serverLive.connected,
    })),
  );
  useEffect(() => {
    void detectServer();
  }, [detectServer]);

  useEffect(() => {
    if (!loggedIn || !active) return;
    const store = () => useStore.getState();
    const stop = listenLive('api/events?scope=staff', STAFF_EVENTS, {
      open(first) {
        store().setServerLive({ connected: true, lostAt: null });
        // Changes between the first read and the stream opening would be missed otherwise.
        if (first) {
          void store().refreshServerLedger();
          void useWishes.getState().refresh();
          void store().refreshSandan();
        }
      },
      lost(at) {
        store().setServerLive({ connected: false, lostAt: at });
      },
      event(name, data) {
        // The 需求单 is made of requests and wishes: any of their changes, or a unit's or project's, reads the lists again.
        if (name !== 'ready' && name !== 'ended') void store().refreshSandan();
        if (name === 'request') store().applyServerChange((data as { request: StaffRequest }).request);
        else if (name === 'gone') store().dropServerRequest((data as { id: string }).id);
        // reset: events were missed (a restart, a long gap); ended: the session is over (the read says so).
        else if (name === 'wish' || name === 'wishes') void useWishes.getState().refresh();
        else if (name === 'reset' || name === 'ended') {
          void store().refreshServerLedger();
          void useWishes.getState().refresh();
        }
      },
    });
    return () => {
      stop();
      store().setServerLive({ connected: false, lostAt: null });
      useWishes.getState().clear();
      store().clearSandan();
    };
  }, [loggedIn, active]);

  useEffect(() => {
    // Logging in (and finding a session) reads the ledger at once; this keeps it fresh while events are not heard.
    if (!loggedIn || !active || connected) return;
    const timer = setInterval(() => {
      void refresh();
      void useWishes.getState().refresh();
      void useStore.getState().refreshSandan();
    }, SERVER_REFRESH_S * 1000);
    return () => clearInterval(timer);
  }, [loggedIn, active, connected, refresh]);
}
