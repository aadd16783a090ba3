import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { translate } from '../i18n';
import { useStore } from '../store';
import { originKey } from '../store/analysisSlice';
import { liteScene, markOnce, WALKSHED_MARK, type LiteInput } from './liteScene';
import { setStillMap } from './snapshot';
import { theme } from './theme';

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

/**
 * The map of a shared link on a phone, as a still picture (as Google Maps' "lite mode"): the
 * streets, the compound, its walking areas, the route and the facilities, drawn as SVG from
 * the store. MapLibre is most of the page's bytes and seconds of start-up on a phone, and a
 * resident who scanned a QR code mostly reads the list; a tap (or the button) opens the
 * interactive map in its place.
 */
export function LiteMap({ onOpen, opening }: { onOpen: () => void; opening: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const size = useBoxSize(box);
  const maskId = useId();
  const { lang, compoundName, ...input } = useStore(
    useShallow((s): LiteInput & { lang: typeof s.lang; compoundName: string | null } => ({
      dataset: s.dataset,
      layers: s.layers,
      hiddenCategories: s.hiddenCategories,
      compoundId: s.compoundId,
      circles: s.circles,
      walk: s.walk,
      walkStale: s.walkFor !== null && s.walkFor !== originKey(s),
      route: s.route,
      lang: s.lang,
      compoundName: compoundNameOf(s),
    })),
  );
  const { dataset, layers, hiddenCategories, compoundId, circles, walk, walkStale, route } = input;
  const scene = useMemo(
    () => liteScene({ dataset, layers, hiddenCategories, compoundId, circles, walk, walkStale, route }, size.width, size.height),
    [dataset, layers, hiddenCategories, compoundId, circles, walk, walkStale, route, size.width, size.height],
  );

  useEffect(() => {
    if (!scene?.hasWalkshed) return;
    // On screen at the next frame.
    const frame = requestAnimationFrame(() => markOnce(WALKSHED_MARK));
    return () => cancelAnimationFrame(frame);
  }, [scene]);

  useEffect(() => {
    setStillMap(() => (svg.current ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg.current))}` : null));
    return () => setStillMap(null);
  }, []);

  const label = compoundName ? translate(lang, 'map.still', { name: compoundName }) : translate(lang, 'map.stillDefault');
  return (
    <div ref={box} className="map lite-map" data-testid="lite-map" onClick={onOpen}>
      <svg
        ref={svg}
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        aria-label={label}
        width={size.width}
        height={size.height}
        viewBox={`0 0 ${size.width} ${size.height}`}
        data-walkshed={scene?.hasWalkshed ? 'true' : undefined}
      >
        <rect width={size.width} height={size.height} fill={theme.background} />
        {scene?.shapes.map((shape, i) => (
          <path
            key={i}
            d={shape.d}
            fill={shape.fill ?? 'none'}
            fillOpacity={shape.fillOpacity}
            fillRule="evenodd"
            stroke={shape.stroke}
            strokeWidth={shape.strokeWidth}
            strokeDasharray={shape.dash}
            strokeLinecap="round"
            strokeLinejoin="round"
            opacity={shape.opacity}
          />
        ))}
        {scene?.circleBands.map((band) => (
          <g key={band.minutes}>
            {band.centres.length > 1 && (
              // The union's outline: each circle's edge is hidden inside the band's other circles.
              <mask id={`${maskId}-${band.minutes}`} maskUnits="userSpaceOnUse">
                <rect width={size.width} height={size.height} fill="white" />
                {band.centres.map(([cx, cy], i) => (
                  <circle key={i} cx={cx} cy={cy} r={Math.max(0, band.r - CIRCLE_STROKE)} fill="black" />
                ))}
              </mask>
            )}
            <g mask={band.centres.length > 1 ? `url(#${maskId}-${band.minutes})` : undefined}>
              {band.centres.map(([cx, cy], i) => (
                <circle key={i} cx={cx} cy={cy} r={band.r} fill="none" stroke={band.colour} strokeWidth={CIRCLE_STROKE} strokeDasharray="7 5" />
              ))}
            </g>
          </g>
        ))}
        {scene?.dots.map((dot, i) => (
          <g key={i}>
            <circle cx={dot.x} cy={dot.y} r={dot.r} fill={dot.fill} stroke={dot.stroke} strokeWidth={dot.stroke ? 1.5 : undefined} />
            {dot.glyph && (
              <text x={dot.x} y={dot.y} dy="0.35em" textAnchor="middle" fontSize={dot.r * 1.2} fontWeight={700} fill="#ffffff">
                {dot.glyph}
              </text>
            )}
          </g>
        ))}
      </svg>
      <button type="button" className="btn lite-map-open" disabled={opening} onClick={onOpen}>
        {translate(lang, opening ? 'map.opening' : 'map.open')}
      </button>
    </div>
  );
}

function compoundNameOf(s: ReturnType<typeof useStore.getState>): string | null {
  const p = s.dataset?.compounds.features.find((f) => f.properties.id === s.compoundId)?.properties;
  if (!p) return null;
  return (s.lang === 'en' ? (p.name_en ?? p.name) : p.name) ?? p.id;
}
