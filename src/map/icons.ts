import type { Map as MapLibreMap } from 'maplibre-gl';
import { CATEGORIES } from '../domain/taxonomy';
import { iconId } from './layers/points';
import { askOnce } from '../workers/askOnce';
import { drawCategoryIcons, ICON_SIZE, PIXEL_RATIO, type CategoryIcon } from './iconDrawing';

/** Draws the icons on the page: where workers or their canvases are missing. */
function onPage(): CategoryIcon[] {
  const canvas = document.createElement('canvas');
  canvas.width = ICON_SIZE;
  canvas.height = ICON_SIZE;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return ctx ? drawCategoryIcons(ctx) : [];
}

/** Draws the icons in a worker of their own, gone once it has answered. */
function inWorker(): Promise<CategoryIcon[]> {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return Promise.reject(new Error('no worker canvas'));
  const worker = new Worker(new URL('../workers/icons.worker.ts', import.meta.url), { type: 'module', name: 'category-icons' });
  return askOnce<{ icons: CategoryIcon[] }>(worker, null, 'icons').then((reply) => reply.icons);
}

let drawing: Promise<CategoryIcon[]> | null = null;
let drawn: CategoryIcon[] | null = null;

/**
 * Starts drawing the category icons off the page, once per page: the first text a canvas
 * draws in a CJK font costs the page 10 to 50 ms (more while the font loads), in the task
 * that adds them to a map. A map made later gets the same icons.
 */
export function drawIconsSoon(): Promise<CategoryIcon[]> {
  drawing ??= inWorker()
    .catch(() => new Promise<CategoryIcon[]>((resolve) => setTimeout(() => resolve(onPage()), 0)))
    .then((icons) => (drawn = icons));
  return drawing;
}

/**
 * Gives the map every category's icon: at once when they are drawn, else blank ones of the same
 * size now (so MapLibre never asks for a missing image) and the drawn ones once they are in.
 */
export function addCategoryIcons(map: MapLibreMap): void {
  const icons = drawn;
  if (icons) {
    for (const icon of icons) if (!map.hasImage(icon.id)) map.addImage(icon.id, icon, { pixelRatio: PIXEL_RATIO });
    return;
  }
  // One blank for all (MapLibre copies what it is given).
  const blank = { width: ICON_SIZE, height: ICON_SIZE, data: new Uint8Array(ICON_SIZE * ICON_SIZE * 4) };
  for (const category of CATEGORIES) {
    const id = iconId(category.id);
    if (!map.hasImage(id)) map.addImage(id, blank, { pixelRatio: PIXEL_RATIO });
  }
  let removed = false;
  map.once('remove', () => (removed = true));
  void drawIconsSoon().then((late) => {
    if (removed) return;
    for (const icon of late) if (map.hasImage(icon.id)) map.updateImage(icon.id, icon);
  });
}
