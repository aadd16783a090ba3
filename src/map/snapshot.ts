import type { MapController } from './controller';

let current: MapController | null = null;

/** Registers the live map (MapView does, on mount and unmount). */
export function setCurrentMap(controller: MapController | null): void {
  current = controller;
}

/**
 * A PNG data URL of what the map shows now. The WebGL canvas is readable only right after
 * a frame is drawn (no preserveDrawingBuffer, which would slow every frame), so it asks for
 * one repaint and reads the canvas in that frame's render event.
 */
export function mapSnapshot(): Promise<string | null> {
  const map = current?.map;
  if (!map) return Promise.resolve(null);
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
