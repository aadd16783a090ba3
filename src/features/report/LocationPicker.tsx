import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { haversineM } from '../../domain/geo';
import { fromLocalM, insideRings, localFrame, toLocalM } from '../../domain/intake/projection';
import type { CompoundInfo } from './api';
import { useReportText } from './i18n';

export interface Position {
  lon: number;
  lat: number;
}

/** Metres the pin moves per arrow key (with Shift: 20 m). */
const KEY_STEP_M = 5;
/** Beyond this from the compound's point, "use my location" says the resident is elsewhere. */
const FAR_M = 300;

/**
 * Where the problem is: a drawing of the compound (outline, nearby streets, gates) with a
 * pin that a tap, a drag or the arrow keys move, and "use my location". The drawing is plain
 * SVG in metres around the compound: no map library on this page.
 */
export function LocationPicker({ compound, value, onChange }: { compound: CompoundInfo; value: Position; onChange(next: Position): void }) {
  const { lang, t } = useReportText();
  const hintId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const [locating, setLocating] = useState(false);
  const [notice, setNotice] = useState<'far' | 'denied' | null>(null);
  const { sketch } = compound;
  const frame = useMemo(() => localFrame(sketch.bbox[0], sketch.bbox[1]), [sketch]);
  const toXY = (lon: number, lat: number, heightM: number): [number, number] => {
    const [x, y] = toLocalM(frame, lon, lat);
    return [x, heightM - y];
  };
  const [boxE, boxN] = toLocalM(frame, sketch.bbox[2], sketch.bbox[3]);
  // Metres per screen pixel, about: markers and labels keep their size whatever the compound's.
  const u = Math.max(boxE, boxN) / 360;
  // The drawing grows to keep the whole marker in view, also when "my location" puts it outside.
  const [pinE, pinN] = toLocalM(frame, value.lon, value.lat);
  const minX = Math.min(0, pinE - 20 * u);
  const minY = Math.min(0, pinN - 8 * u);
  const maxX = Math.max(boxE, pinE + 20 * u);
  const maxY = Math.max(boxN, pinN + 52 * u);
  const heightM = maxY;
  const viewBox = `${minX} ${heightM - maxY} ${maxX - minX} ${maxY - minY}`;
  const path = (coords: readonly (readonly [number, number])[]) =>
    coords
      .map(
        ([lon, lat], i) =>
          `${i ? 'L' : 'M'}${toXY(lon, lat, heightM)
            .map((v) => v.toFixed(1))
            .join(' ')}`,
      )
      .join('');
  const name = compound.name[lang];
  const [pinX, pinY] = toXY(value.lon, value.lat, heightM);

  // Taps and drags stay on the drawing (a drag at its edge would otherwise grow it without end);
  // the arrow keys move by small steps and may go beyond it.
  const moveTo = (eastM: number, northM: number, clamp = true) => {
    const [lon, lat] = clamp ? fromLocalM(frame, Math.min(boxE, Math.max(0, eastM)), Math.min(boxN, Math.max(0, northM))) : fromLocalM(frame, eastM, northM);
    onChange({ lon, lat });
  };
  const moveToPointer = (event: Pick<PointerEvent<SVGSVGElement>, 'clientX' | 'clientY'>) => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    moveTo(point.x, heightM - point.y);
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = event.shiftKey ? 4 * KEY_STEP_M : KEY_STEP_M;
    const delta: Record<string, [number, number]> = { ArrowUp: [0, step], ArrowDown: [0, -step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
    const d = delta[event.key];
    if (!d) return;
    event.preventDefault();
    moveTo(pinE + d[0], pinN + d[1], false);
  };
  const locate = () => {
    if (!('geolocation' in navigator)) return setNotice('denied');
    setLocating(true);
    setNotice(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const next = { lon: position.coords.longitude, lat: position.coords.latitude };
        if (haversineM(next.lon, next.lat, compound.point.long, compound.point.lat) > FAR_M) setNotice('far');
        onChange(next);
      },
      () => {
        setLocating(false);
        setNotice('denied');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="report-location">
      <p id={hintId} className="report-hint">
        {t('report.whereHint')}
      </p>
      <svg
        ref={svgRef}
        className="report-sketch"
        viewBox={viewBox}
        role="application"
        tabIndex={0}
        aria-label={`${t('report.sketch', { name })}. ${t('report.pin')}`}
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
        // A tap anywhere puts the pin there; a drag must start on the pin, so that a finger
        // sliding over the drawing still scrolls the page (touch-action is off on the pin only).
        onClick={(event) => moveToPointer(event)}
        onPointerDown={(event) => {
          if (!(event.target instanceof Element) || !event.target.closest('.sketch-pin')) return;
          dragging.current = true;
          event.currentTarget.setPointerCapture?.(event.pointerId);
        }}
        onPointerMove={(event) => dragging.current && moveToPointer(event)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
      >
        <rect x={minX} y={heightM - maxY} width={maxX - minX} height={maxY - minY} className="sketch-ground" />
        {sketch.streets.map((street, i) => (
          <path key={i} d={path(street.coords)} className="sketch-street" vectorEffect="non-scaling-stroke" />
        ))}
        {sketch.outline.map((ring, i) => (
          <path key={i} d={`${path(ring)}Z`} className="sketch-compound" vectorEffect="non-scaling-stroke" />
        ))}
        {sketch.gates.map((gate, i) => {
          const [x, y] = toXY(gate.lon, gate.lat, heightM);
          return (
            <g key={i} className="sketch-gate" transform={`translate(${x.toFixed(1)} ${y.toFixed(1)}) scale(${u.toFixed(3)})`}>
              <rect x={-5} y={-5} width={10} height={10} />
              <text x={8} y={5}>
                {(lang === 'en' ? gate.nameEn : gate.name) ?? ''}
              </text>
            </g>
          );
        })}
        <g className="sketch-pin" transform={`translate(${pinX.toFixed(1)} ${pinY.toFixed(1)}) scale(${u.toFixed(3)})`}>
          {/* A finger-sized handle around the marker. */}
          <circle className="sketch-pin-handle" cx={0} cy={-22} r={26} />
          <path d="M0 0 C -6 -12 -14 -18 -14 -28 A 14 14 0 1 1 14 -28 C 14 -18 6 -12 0 0 Z" />
          <circle cx={0} cy={-28} r={5} />
        </g>
      </svg>
      <p className="report-place" aria-live="polite">
        {placeText(compound, value, lang, t)}
      </p>
      <button type="button" className="report-secondary" onClick={locate} disabled={locating}>
        {locating ? t('report.locating') : t('report.useLocation')}
      </button>
      {notice && (
        <p className="report-notice" role="status">
          {t(notice === 'far' ? 'report.locationFar' : 'report.locationDenied')}
        </p>
      )}
    </div>
  );
}

/** "Inside 前横小区" or "about 30 m from 南门 of 前横小区": words a resident can check. */
function placeText(compound: CompoundInfo, at: Position, lang: 'zh' | 'en', t: ReturnType<typeof useReportText>['t']): string {
  const name = compound.name[lang];
  if (insideRings(at.lon, at.lat, compound.sketch.outline)) return t('report.placeInside', { name });
  let best: { gate: string; metres: number } | null = null;
  for (const g of compound.sketch.gates) {
    const metres = haversineM(at.lon, at.lat, g.lon, g.lat);
    const gate = (lang === 'en' ? g.nameEn : g.name) ?? '';
    if (gate && (!best || metres < best.metres)) best = { gate, metres };
  }
  if (best && best.metres <= 150) return t('report.placeGate', { name, gate: best.gate, metres: Math.round(best.metres) });
  return t('report.placeOutside', { name });
}
