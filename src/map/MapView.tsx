import { useEffect, useRef } from 'react';
import { useStore } from '../store';
import { plannerToolArmed } from '../store/plannerMapView';
import { translate } from '../i18n';
import { MapController } from './controller';
import { followStore } from './follow';
import { setCurrentMap } from './snapshot';
import { mapViewOf } from './view';

declare global {
  interface Window {
    /** Debug and test handle on the live map (e2e tests project coordinates through it). */
    __serviceCircles?: { controller: MapController; store: typeof useStore };
  }
}

/**
 * The handle is there in development and in the e2e build (`vite build --mode e2e`), never in
 * the production build: a page script (or an extension) could otherwise drive the store.
 */
const EXPOSE_HANDLE = import.meta.env.MODE !== 'production';

/** Mounts the map and keeps it in step with the store (subscribed outside React renders). */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const lang = useStore((s) => s.lang);

  useEffect(() => {
    if (!container.current) return;
    const controller = new MapController(container.current, {
      onClick(picked, at) {
        const store = useStore.getState();
        store.pick(picked);
        if (picked?.kind === 'compound') store.selectCompound(picked.id);
        // In the volunteers view a click on the map is about requests, not a walking origin.
        else if (picked?.kind !== 'facility' && picked?.kind !== 'gate' && store.mode !== 'volunteers') store.setAt(at);
      },
      onDragOrigin: (at) => useStore.getState().setAt(at),
      // A planner placing a facility or gate: the click belongs to the what-if tool.
      toolArmed: () => plannerToolArmed(useStore.getState()),
      onLoad: () => controller.applyOverlays(useStore.getState(), null),
    });
    if (EXPOSE_HANDLE) window.__serviceCircles = { controller, store: useStore };
    setCurrentMap(controller);
    controller.map.once('idle', () => container.current?.setAttribute('data-map-ready', 'true'));
    controller.apply(mapViewOf(useStore.getState()));
    // A task after each change (see followStore): React renders it first.
    const unfollow = followStore(useStore, (state, previous) => {
      controller.apply(mapViewOf(state));
      controller.applyOverlays(state, previous);
    });
    return () => {
      unfollow();
      setCurrentMap(null);
      controller.destroy();
      if (EXPOSE_HANDLE) delete window.__serviceCircles;
    };
  }, []);

  return <div ref={container} className="map" role="region" aria-label={translate(lang, 'map.label')} data-testid="map" />;
}
