import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { localName, translate } from '../i18n';
import { useStore, type AppState } from '../store';
import { liteScene, markOnce, WALKSHED_MARK, type LiteScene, type LiteShape } from './liteScene';
import { setStillMap } from './snapshot';
import { walkingSession } from '../workers/sessionClient';
import { theme } from './theme';
import { mapViewOf } from './view';

/** Width of the straight-line circles' dashed edge, in CSS pixels (as the interactive map's). */
const CIRCLE_STROKE = 2.5;

/** The size drawn for when the page cannot tell (a test DOM without layout): a phone's map area. */
const FALLBACK_SIZE = { width: 390, height: 480 };

function useBoxSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState(FALLBACK_SIZE);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      if (width > 0 && height > 0)
        setSize((s) => (s.width === Math.round(width) && s.height === Math.round(height) ? s : { width: Math.round(width), height: Math.round(height) }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

const GLYPH_FONT = theme.fonts.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ');

/** Paints shapes in order (each one path, filled and/or stroked). */
function drawShapes(ctx: CanvasRenderingContext2D, shapes: readonly LiteShape[]): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const shape of shapes) {
    const path = new Path2D(shape.d);
    const opacity = shape.opacity ?? 1;
    if (shape.fill) {
      ctx.globalAlpha = opacity * (shape.fillOpacity ?? 1);
      ctx.fillStyle = shape.fill;
      ctx.fill(path, 'evenodd');
    }
    if (shape.stroke) {
      ctx.globalAlpha = opacity;
      ctx.strokeStyle = shape.stroke;
      ctx.lineWidth = shape.strokeWidth ?? 1;
      ctx.setLineDash(shape.dash ? shape.dash.split(' ').map(Number) : []);
      ctx.stroke(path);
    }
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

/** A canvas of the same size, painted on the CPU like the picture itself. */
function layerLike(canvas: HTMLCanvasElement, ratio: number): { layer: HTMLCanvasElement; lc: CanvasRenderingContext2D | null } {
  const layer = document.createElement('canvas');
  layer.width = canvas.width;
  layer.height = canvas.height;
  const lc = layer.getContext('2d', { willReadFrequently: true });
  lc?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { layer, lc };
}

/**
 * The base (background, context, streets, compounds) as painted last: a walk arriving or a
 * category switched off repaints only what lies above it.
 */
let paintedBase: { shapes: readonly LiteShape[]; width: number; height: number; layer: HTMLCanvasElement } | null = null;

function base(canvas: HTMLCanvasElement, scene: LiteScene, ratio: number): HTMLCanvasElement | null {
  if (paintedBase?.shapes === scene.base && paintedBase.width === canvas.width && paintedBase.height === canvas.height) return paintedBase.layer;
  const { layer, lc } = layerLike(canvas, ratio);
  if (!lc) return null;
  lc.fillStyle = theme.background;
  lc.fillRect(0, 0, scene.width, scene.height);
  drawShapes(lc, scene.base);
  paintedBase = { shapes: scene.base, width: canvas.width, height: canvas.height, layer };
  return layer;
}

/**
 * Paints the scene. The canvas is a software one (`willReadFrequently`): a few thousand path
 * segments are drawn on the CPU in milliseconds, where a phone without a fast GPU path (or
 * SwiftShader) took seconds to rasterise the same picture as SVG.
 */
function paint(canvas: HTMLCanvasElement, scene: LiteScene): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  const ratio = Math.min(window.devicePixelRatio || 1, 3);
  canvas.width = Math.round(scene.width * ratio);
  canvas.height = Math.round(scene.height * ratio);
  const under = base(canvas, scene, ratio);
  if (under) ctx.drawImage(under, 0, 0);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  drawShapes(ctx, scene.shapes);
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  for (const band of scene.circleBands) {
    // The union's outline: every circle's dashed edge, then the inside of all the band's
    // circles cleared, on a layer of its own.
    const { layer, lc } = layerLike(canvas, ratio);
    if (!lc) continue;
    lc.strokeStyle = band.colour;
    lc.lineWidth = CIRCLE_STROKE;
    lc.setLineDash([7, 5]);
    for (const [x, y] of band.centres) {
      lc.beginPath();
      lc.arc(x, y, band.r, 0, 2 * Math.PI);
      lc.stroke();
    }
    lc.globalCompositeOperation = 'destination-out';
    for (const [x, y] of band.centres) {
      lc.beginPath();
      lc.arc(x, y, Math.max(0, band.r - CIRCLE_STROKE), 0, 2 * Math.PI);
      lc.fill();
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const dot of scene.dots) {
    ctx.beginPath();
    ctx.arc(dot.x, dot.y, dot.r, 0, 2 * Math.PI);
    ctx.fillStyle = dot.fill;
    ctx.fill();
    if (dot.stroke) {
      ctx.strokeStyle = dot.stroke;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
    if (dot.glyph) {
      ctx.fillStyle = '#ffffff';
      ctx.font = `700 ${Math.round(dot.r * 1.2)}px ${GLYPH_FONT}`;
      ctx.fillText(dot.glyph, dot.x, dot.y + dot.r * 0.05);
    }
  }
}

/**
 * The map of a shared link on a phone, as a still picture (as Google Maps' "lite mode"): the
 * streets, the compound, its walking areas, the route and the facilities, painted from the
 * store on a canvas. MapLibre is most of the page's bytes and seconds of start-up on a phone, and a
 * resident who scanned a QR code mostly reads the list; a tap (or the button) opens the
 * interactive map in its place.
 */
export function LiteMap({ onOpen, opening }: { onOpen: () => void; opening: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useBoxSize(box);
  const { dataset, layers, hiddenCategories, compoundId, circles, walk, walkStale, route, lang } = useStore(useShallow(mapViewOf));
  const compoundName = useStore(compoundNameOf);
  const scene = useMemo(
    () => liteScene({ dataset, layers, hiddenCategories, compoundId, circles, walk, walkStale, route }, size.width, size.height),
    [dataset, layers, hiddenCategories, compoundId, circles, walk, walkStale, route, size.width, size.height],
  );

  useEffect(() => {
    if (!scene || !canvas.current) return;
    paint(canvas.current, scene);
    if (!scene.hasWalkshed) return;
    // On screen at the next frame.
    const frame = requestAnimationFrame(() => markOnce(WALKSHED_MARK));
    return () => cancelAnimationFrame(frame);
  }, [scene]);

  useEffect(() => {
    // The walking session's worker starts with the still map, as the interactive map's loader
    // starts it: after a shared link's first answer, which gets the link to itself.
    if (typeof Worker !== 'undefined') walkingSession();
    setStillMap(() => {
      try {
        return canvas.current?.toDataURL('image/png') ?? null;
      } catch {
        return null;
      }
    });
    return () => setStillMap(null);
  }, []);

  const label = compoundName ? translate(lang, 'map.still', { name: compoundName }) : translate(lang, 'map.stillDefault');
  return (
    <div ref={box} className="map lite-map" data-testid="lite-map" onClick={onOpen}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        style={{ width: size.width, height: size.height }}
        data-walkshed={scene?.hasWalkshed ? 'true' : undefined}
      />
      <button type="button" className="btn lite-map-open" disabled={opening} onClick={onOpen}>
        {translate(lang, opening ? 'map.opening' : 'map.open')}
      </button>
    </div>
  );
}

function compoundNameOf(s: AppState): string | null {
  const p = s.dataset?.compounds.features.find((f) => f.properties.id === s.compoundId)?.properties;
  return p ? localName(p, s.lang) : null;
}
