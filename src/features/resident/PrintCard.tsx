import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { DEFAULT_TIMEZONE } from '../../data/manifestFiles';
import { presentCategories } from '../../domain/analysis';
import type { DataSource, Dataset } from '../../domain/dataset';
import { haversineM } from '../../domain/engine/graph';
import type { LonLat } from '../../domain/geo';
import { wallClockIn } from '../../domain/wallClock';
import { categoryOf } from '../../domain/taxonomy';
import { formatDate, formatNumber, type Lang } from '../../i18n';
import { useStore, type AppState } from '../../store';
import './print.css';

/**
 * The taxonomy lists the everyday services first (canteen, clinic, health centre, pharmacy,
 * shops, market, elder care, kindergarten, primary school): the first ten present get full
 * rows in large type, the rest a compact list, so the card fits one A4 page for the fridge door.
 */
const EVERYDAY_ROWS = 10;

/** Set on <html> while the card is open: print.css then prints the card instead of the app. */
const PRINTING_CLASS = 'print-card-open';

interface NearestRow {
  category: string;
  facilityId: string | null;
  /** Network metres, or straight-line metres when `straight`. */
  metres: number | null;
}

/** The nearest facility per category present: by walking, or straight-line without a network. */
function nearestRows(dataset: Dataset, walk: AppState['walk'], origins: readonly LonLat[], straight: boolean): NearestRow[] {
  return presentCategories(dataset).map((category): NearestRow => {
    if (!straight) {
      const n = walk?.nearest.find((r) => r.category === category);
      return { category, facilityId: n?.facilityId ?? null, metres: n?.walkM ?? null };
    }
    let best: NearestRow = { category, facilityId: null, metres: null };
    for (const f of dataset.facilities.features) {
      if (f.properties.category !== category) continue;
      const [lon, lat] = f.geometry.coordinates as LonLat;
      const metres = Math.min(...origins.map((o) => haversineM(o[0], o[1], lon, lat)));
      if (best.metres === null || metres < best.metres) best = { category, facilityId: f.properties.id, metres };
    }
    return best;
  });
}

const named = (lang: Lang, p: { id: string; name?: string; name_en?: string } | undefined, fallback: string) =>
  p ? ((lang === 'en' ? (p.name_en ?? p.name) : p.name) ?? p.id) : fallback;

/** As the on-screen attribution writes it: attribution (or name), then the licence if not already said. */
const sourceText = (s: DataSource) => {
  const text = s.attribution ?? s.name;
  return s.licence && !text.includes(s.licence) ? `${text} (${s.licence})` : text;
};

/** Calls the browser's print dialog; jsdom and some embedded browsers have none. */
function printPage() {
  try {
    if (typeof window.print === 'function') window.print();
  } catch {
    /* printing is not available here */
  }
}

export interface PrintCardProps {
  /** A data URL of the map around home, or null when the map could not give one. */
  mapImage: string | null;
  /** When the card is printed (its date, in the dataset's time zone). */
  now: Date;
  onClose(): void;
  /** Open the print dialog once the card (and its map image) is ready. */
  autoPrint?: boolean;
}

/** The personal 15-minute card: on screen a preview with 打印 and 关闭, on paper the only thing printed. */
export function PrintCard({ mapImage, now, onClose, autoPrint = false }: PrintCardProps) {
  const { dataset, circles, walk, walkStatus, profile, lang } = useStore(
    useShallow((s) => ({ dataset: s.dataset, circles: s.circles, walk: s.walk, walkStatus: s.walkStatus, profile: s.profile, lang: s.lang })),
  );
  const t = useT();
  const titleId = useId();
  const printButton = useRef<HTMLButtonElement>(null);
  const [imageSettled, setImageSettled] = useState(mapImage === null);
  const printed = useRef(false);

  useEffect(() => {
    document.documentElement.classList.add(PRINTING_CLASS);
    printButton.current?.focus();
    return () => document.documentElement.classList.remove(PRINTING_CLASS);
  }, []);
  useEffect(() => {
    if (!autoPrint || !imageSettled || printed.current) return;
    printed.current = true;
    printPage();
  }, [autoPrint, imageSettled]);

  if (!dataset) return null;
  const { manifest } = dataset;
  const straight = walkStatus === 'no-network';
  const compound = circles?.compoundId ? dataset.compounds.features.find((c) => c.properties.id === circles.compoundId)?.properties : undefined;
  const place = named(lang, compound, t('print.place'));
  const rows = circles ? nearestRows(dataset, walk, circles.origins.points, straight) : [];
  const speed = circles?.speedMPerMin;
  const today = wallClockIn(now, manifest.timezone ?? DEFAULT_TIMEZONE);
  const printedOn = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  const facility = (id: string) => dataset.facilities.features.find((f) => f.properties.id === id)?.properties;
  const categoryName = (id: string) => {
    const category = categoryOf(id);
    return category ? (lang === 'en' ? category.en : category.zh) : id;
  };
  const facilityName = (row: NearestRow) => (row.facilityId ? named(lang, facility(row.facilityId), row.facilityId) : '—');
  /** Minutes and metres in the full rows; minutes alone in the compact list (straight-line metres without a network). */
  const distance = (row: NearestRow, compact: boolean) => {
    if (row.metres === null || !speed) return t(compact ? 'print.unreachableShort' : 'print.unreachable');
    if (straight) return t('nearest.straight', { metres: Math.round(row.metres) });
    const minutes = formatNumber(lang, Math.max(1, Math.ceil(row.metres / speed)));
    return compact ? t('print.minutes', { minutes }) : t('print.walkFigures', { minutes, metres: Math.round(row.metres) });
  };
  const everyday = rows.slice(0, EVERYDAY_ROWS);
  const more = rows.slice(EVERYDAY_ROWS);

  return createPortal(
    <div className="print-layer">
      <article className="print-card" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
        <div className="print-actions" aria-label={t('print.preview')} role="group">
          <button ref={printButton} type="button" className="btn" onClick={printPage}>
            {t('print.print')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
        <header className="print-head">
          <h1 id={titleId}>{t('print.title', { place })}</h1>
          {manifest.synthetic && <p className="print-synthetic">{t('data.syntheticLong')}</p>}
        </header>
        {mapImage ? (
          <img
            className="print-map"
            src={mapImage}
            alt={t('print.mapAlt', { place })}
            onLoad={() => setImageSettled(true)}
            onError={() => setImageSettled(true)}
          />
        ) : (
          <p className="print-no-map">{t('print.noMap')}</p>
        )}
        <h2>{t('print.everyday')}</h2>
        {straight && <p className="print-note">{t('walk.noNetwork')}</p>}
        {!straight && !walk && <p className="print-note">{t('walk.computing')}</p>}
        <table className="print-nearest">
          <thead>
            <tr>
              <th scope="col">{t('nearest.category')}</th>
              <th scope="col">{t('print.facility')}</th>
              <th scope="col">{t(straight ? 'print.straightLine' : 'print.onFoot')}</th>
            </tr>
          </thead>
          <tbody>
            {everyday.map((row) => (
              <tr key={row.category}>
                <th scope="row">{categoryName(row.category)}</th>
                <td>{facilityName(row)}</td>
                <td>{distance(row, false)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {more.length > 0 && (
          <>
            <h2>{t('print.more')}</h2>
            <ul className="print-more">
              {more.map((row) => (
                <li key={row.category}>
                  <strong>{categoryName(row.category)}</strong>
                  <span className="print-more-line">
                    <span className="print-more-name">{facilityName(row)}</span>
                    <span className="print-more-walk">{distance(row, true)}</span>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        {speed && <p className="print-speed">{t('print.speed', { speed: t(profile === 'elder' ? 'walk.elder' : 'walk.standard', { speed }) })}</p>}
        <footer className="print-footer">
          <p>
            {t('print.printedOn', { date: formatDate(lang, printedOn) })} ·{' '}
            {manifest.dataAsOf ? t('data.asOf', { date: formatDate(lang, manifest.dataAsOf) }) : null}
          </p>
          <p>
            {t('print.sources', { sources: manifest.sources.map(sourceText).join(' · ') })} · {t('map.attribution')}
          </p>
        </footer>
      </article>
    </div>,
    document.body,
  );
}

export interface PrintButtonProps {
  /** A snapshot of the map as a data URL (the lead wires MapLibre's canvas); null when none. */
  getMapImage: () => Promise<string | null>;
  /** The clock, for tests; the current time otherwise. */
  now?: () => Date;
}

/** Snapshots the map, shows the card as a preview and opens the print dialog. */
export function PrintButton({ getMapImage, now = () => new Date() }: PrintButtonProps) {
  const t = useT();
  const ready = useStore((s) => s.circles !== null && s.dataset !== null);
  const [busy, setBusy] = useState(false);
  const [card, setCard] = useState<{ image: string | null; at: Date } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = async () => {
    setBusy(true);
    const image = await getMapImage().catch(() => null);
    setBusy(false);
    setCard({ image, at: now() });
  };
  const close = () => {
    setCard(null);
    button.current?.focus();
  };
  return (
    <>
      <button ref={button} type="button" className="btn" disabled={!ready || busy} aria-haspopup="dialog" onClick={() => void open()}>
        {busy ? t('print.preparing') : t('print.button')}
      </button>
      {card && <PrintCard mapImage={card.image} now={card.at} onClose={close} autoPrint />}
    </>
  );
}
