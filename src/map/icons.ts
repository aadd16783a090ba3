import type { Map as MapLibreMap } from 'maplibre-gl';
import { CATEGORIES } from '../domain/taxonomy';
import { theme } from './theme';
import { iconId } from './layers/points';

const SIZE_PX = 24;
const PIXEL_RATIO = 2;

/**
 * Draws one round icon per taxonomy category (its colour, its glyph in white) on a canvas
 * with the page's own fonts, so no sprite server is needed.
 */
export function addCategoryIcons(map: MapLibreMap): void {
  const size = SIZE_PX * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  for (const category of CATEGORIES) {
    const id = iconId(category.id);
    if (map.hasImage(id)) continue;
    ctx.clearRect(0, 0, size, size);
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size / 2 - 3, 0, Math.PI * 2);
    ctx.fillStyle = category.color;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.font = `bold ${Math.round(size * 0.5)}px ${theme.fonts.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ')}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(category.glyph, size / 2, size / 2 + size * 0.03);
    map.addImage(id, ctx.getImageData(0, 0, size, size), { pixelRatio: PIXEL_RATIO });
  }
}
