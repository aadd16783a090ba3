import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';

/** Loaded on demand, with China's holiday calendar; the opening_hours library behind it only for unusual hours. */
const OpenBadge = lazy(() => import('./OpenBadge').then((m) => ({ default: m.OpenBadge })));

export interface FacilityRowData {
  facilityId: string;
  /** Network metres; null when the dataset has no network. */
  walkM: number | null;
  straightM: number;
}

/** One facility in the list: tap for its route, phone and address. */
export function FacilityRow({
  row,
  name,
  hours,
  now,
  speedMPerMin,
  maxMinutes,
}: {
  row: FacilityRowData;
  name: string;
  hours: string | undefined;
  now: Date;
  speedMPerMin: number;
  maxMinutes: number;
}) {
  const { lang, pick, showRoute, routeTo, timeZone, settled } = useStore(
    useShallow((s) => ({
      lang: s.lang,
      pick: s.pick,
      showRoute: s.showRoute,
      routeTo: s.route?.facilityId ?? null,
      timeZone: s.dataset?.manifest.timezone ?? 'Asia/Shanghai',
      // The badges wait for the walk (or its absence): a shared link's first seconds belong to
      // the map and the network.
      settled: s.walk !== null || s.walkStatus === 'no-network',
    })),
  );
  const t = useT();
  const minutes = row.walkM === null ? null : row.walkM / speedMPerMin;
  const selected = routeTo === row.facilityId;
  return (
    <div className={selected ? 'facility-row selected' : 'facility-row'}>
      <button
        type="button"
        className="link facility-name"
        aria-pressed={selected}
        onClick={() => {
          pick({ kind: 'facility', id: row.facilityId });
          showRoute(row.facilityId);
        }}
      >
        {name}
      </button>
      {settled && (
        <Suspense fallback={null}>
          <OpenBadge hours={hours} now={now} timeZone={timeZone} />
        </Suspense>
      )}
      <div className="nearest-figures">
        {minutes !== null && row.walkM !== null && (
          <strong>{t('nearest.walk', { minutes: formatNumber(lang, minutes, 1), metres: Math.round(row.walkM) })}</strong>
        )}
        <span>{t('nearest.straight', { metres: Math.round(row.straightM) })}</span>
        {minutes !== null && minutes > maxMinutes && <span className="nearest-beyond">{t('nearest.beyond', { minutes: maxMinutes })}</span>}
      </div>
    </div>
  );
}
