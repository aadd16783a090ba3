import type { MapController } from './controller';

let current: MapController | null = null;
/** The still map of a shared link (LiteMap), while the interactive one is not open. */
let still: (() => string | null) | null = null;

/** Registers the live map (MapView does, on mount and unmount). */
export function setCurrentMap(controller: MapController | null): void {
  current = controller;
}

/** The live MapLibre map, or null while none is open. */
export function currentMap(): MapController['map'] | null {
  return current?.map ?? null;
}

/** Registers the still map's picture (LiteMap does, on mount and unmount): an image URL. */
export function setStillMap(picture: (() => string | null) | null): void {
  still = picture;
}

/**
 * A PNG data URL of what the map shows now (an SVG one for the still map). The WebGL canvas is readable only right after
 * a frame is drawn (no preserveDrawingBuffer, which would slow every frame), so it asks for
 * one repaint and reads the canvas in that frame's render event.
 */
export function mapSnapshot(): Promise<string | null> {
  const map = current?.map;
  if (!map) return Promise.resolve(still?.() ?? null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 3000);
    map.once('render', () => {
      clearTimeout(timer);
      try {
        resolve(map.getCanvas().toDataURL('image/png'));
      } catch {
        resolve(null);
      }
    });
    map.triggerRepaint();
  });
}
