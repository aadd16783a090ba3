import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { facilityPoints, presentCategories } from '../../domain/analysis';
import { haversineM } from '../../domain/engine/graph';
import { categoryOf } from '../../domain/taxonomy';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';

interface Row {
  category: string;
  facilityId: string | null;
  walkM: number | null;
  straightM: number | null;
}

/**
 * Per category, the nearest facility with its walking minutes along the network and its
 * straight-line metres; straight-line only when the dataset has no network.
 */
export function NearestList() {
  const { dataset, circles, walk, walkStatus, lang, pick } = useStore(
    useShallow((s) => ({ dataset: s.dataset, circles: s.circles, walk: s.walk, walkStatus: s.walkStatus, lang: s.lang, pick: s.pick })),
  );
  const t = useT();
  const rows = useMemo((): Row[] => {
    if (!dataset || !circles) return [];
    const categories = presentCategories(dataset);
    if (walkStatus === 'no-network') {
      const facilities = facilityPoints(dataset);
      return categories.map((category) => {
        let best: Row = { category, facilityId: null, walkM: null, straightM: null };
        for (const f of facilities) {
          if (f.category !== category) continue;
          for (const o of circles.origins.points) {
            const d = haversineM(o[0], o[1], f.point[0], f.point[1]);
            if (d < (best.straightM ?? Infinity)) best = { category, facilityId: f.id, walkM: null, straightM: d };
          }
        }
        return best;
      });
    }
    const found = new Map(walk?.nearest.map((n) => [n.category, n]) ?? []);
    return categories.map((category) => {
      const n = found.get(category);
      return n ? { category, facilityId: n.facilityId, walkM: n.walkM, straightM: n.straightM } : { category, facilityId: null, walkM: null, straightM: null };
    });
  }, [dataset, circles, walk, walkStatus]);
  if (!circles || rows.length === 0 || (walkStatus !== 'no-network' && !walk)) return null;
  const maxMinutes = Math.max(...circles.bandMinutes);
  const nameOf = (id: string | null) => {
    const p = id ? dataset?.facilities.features.find((f) => f.properties.id === id)?.properties : undefined;
    return p ? ((lang === 'en' ? p.name_en ?? p.name : p.name) ?? p.id) : '';
  };
  return (
    <section className="panel-section nearest" aria-labelledby="nearest-title">
      <h2 id="nearest-title">{t('nearest.title')}</h2>
      <ul className="nearest-list">
        {rows.map((row) => {
          const category = categoryOf(row.category);
          const minutes = row.walkM === null ? null : row.walkM / circles.speedMPerMin;
          const beyond = minutes !== null && minutes > maxMinutes;
          return (
            <li key={row.category} className={beyond || (row.walkM === null && walkStatus !== 'no-network') ? 'nearest-far' : undefined}>
              <span className="legend-icon" style={{ background: category?.color ?? '#495057' }} aria-hidden="true">{category?.glyph ?? '?'}</span>
              <div className="nearest-body">
                <div className="nearest-head">
                  <span className="nearest-category">{category ? (lang === 'en' ? category.en : category.zh) : row.category}</span>
                  {row.facilityId && (
                    <button type="button" className="link" onClick={() => pick({ kind: 'facility', id: row.facilityId! })}>{nameOf(row.facilityId)}</button>
                  )}
                </div>
                <div className="nearest-figures">
                  {minutes !== null && <strong>{t('nearest.walk', { minutes: formatNumber(lang, minutes, 1), metres: Math.round(row.walkM!) })}</strong>}
                  {row.walkM === null && walkStatus !== 'no-network' && <strong>{t('nearest.unreachable')}</strong>}
                  {row.straightM !== null && <span>{t('nearest.straight', { metres: Math.round(row.straightM) })}</span>}
                  {beyond && <span className="nearest-beyond">{t('nearest.beyond', { minutes: maxMinutes })}</span>}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
