import { CATEGORIES } from '../domain/taxonomy';
import { theme } from './theme';
import { iconId } from './layers/points';

const SIZE_PX = 24;
export const PIXEL_RATIO = 2;
/** Pixels a side of each icon as drawn. */
export const ICON_SIZE = SIZE_PX * PIXEL_RATIO;

/** One category's icon, as MapLibre's addImage takes it. */
export interface CategoryIcon {
  id: string;
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws one round icon per taxonomy category (its colour, its glyph in white) with the
 * system's own fonts, so no sprite server is needed: on the page or in the icons worker.
 */
export function drawCategoryIcons(ctx: Context2D): CategoryIcon[] {
  const size = ICON_SIZE;
  return CATEGORIES.map((category) => {
    ctx.clearRect(0, 0, size, size);
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size / 2 - 3, 0, Math.PI * 2);
    ctx.fillStyle = category.color;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = theme.white;
    ctx.stroke();
    ctx.fillStyle = theme.white;
    ctx.font = `bold ${Math.round(size * 0.5)}px ${theme.fonts.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ')}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(category.glyph, size / 2, size / 2 + size * 0.03);
    return { id: iconId(category.id), width: size, height: size, data: ctx.getImageData(0, 0, size, size).data };
  });
}
