/// <reference lib="webworker" />
/**
 * Draws the map's category icons on a canvas of its own and answers them (map/iconDrawing.ts, map/icons.ts), so the
 * page never pays for the first text drawn in a CJK font.
 */
import { drawCategoryIcons, ICON_SIZE } from '../map/iconDrawing';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = () => {
  try {
    const ctx = new OffscreenCanvas(ICON_SIZE, ICON_SIZE).getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d context on an OffscreenCanvas');
    const icons = drawCategoryIcons(ctx);
    self.postMessage(
      { icons },
      icons.map((icon) => icon.data.buffer),
    );
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
