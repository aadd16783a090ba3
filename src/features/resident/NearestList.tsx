import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { facilityPoints, presentCategories } from '../../domain/analysis';
import { haversineM } from '../../domain/engine/graph';
import { categoryOf } from '../../domain/taxonomy';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import type { FirstAnswer } from '../../data/firstAnswer';
import type { AppState } from '../../store';
import { FacilityRow, type FacilityRowData } from './FacilityRow';
import { useNow } from './useNow';

/** How many facilities a category shows before "N more". */
const PER_CATEGORY = 3;

interface Group {
  category: string;
  rows: FacilityRowData[];
  more: number;
  /** Nearest by walking when none is within the band. */
  beyond: { facilityId: string; walkM: number } | null;
}

/** performance.mark set when walking minutes are first on screen (what `npm run bench:web` times). */
export const ANSWER_MARK = 'first-walk-answer';

/**
 * The shipped report's answer, when it is for what is on screen: the shared compound from
 * all its gates at the standard pace (before the dataset has loaded, the URL's compound).
 */
function reportFor(s: Pick<AppState, 'firstAnswer' | 'circles' | 'gateId' | 'status'>): FirstAnswer | null {
  const answer = s.firstAnswer;
  if (!answer) return null;
  if (s.status === 'loading') return answer;
  const c = s.circles;
  return c && c.compoundId === answer.compoundId && s.gateId === null && c.speedMPerMin === answer.speedMPerMin && !c.avoidSteps ? answer : null;
}

/** Groups from the report: the nearest facility of each category, within the band or beyond it. */
function reportGroups(answer: FirstAnswer, maxM: number): Group[] {
  return answer.rows.map((r) => {
    const within = r.facilityId !== null && r.walkM !== null && r.walkM <= maxM;
    return {
      category: r.category,
      rows: within ? [{ facilityId: r.facilityId as string, walkM: r.walkM, straightM: r.straightM ?? 0 }] : [],
      more: 0,
      beyond: !within && r.facilityId !== null && r.walkM !== null ? { facilityId: r.facilityId, walkM: r.walkM } : null,
    };
  });
}

/**
 * What is near, per category: the facilities reached within the outer band with walking
 * minutes and metres (straight-line only without a network), nearest first; a category
 * with nothing within reach says so plainly. Until the first walk arrives, the nearest of
 * each category from the dataset's precomputed report (so a shared link answers at once).
 */
export function NearestList() {
  const { dataset, circles, walk, walkStatus, lang, storeMinutes, report } = useStore(
    useShallow((s) => ({
      dataset: s.dataset,
      circles: s.circles,
      walk: s.walk,
      walkStatus: s.walkStatus,
      lang: s.lang,
      storeMinutes: s.maxMinutes,
      report: reportFor(s),
    })),
  );
  const t = useT();
  const now = useNow();
  const noNetwork = walkStatus === 'no-network';
  const fromReport = report !== null && !walk && !noNetwork;
  const speedMPerMin = circles?.speedMPerMin ?? report?.speedMPerMin ?? 0;
  const maxMinutes = circles ? Math.max(...circles.bandMinutes) : storeMinutes;
  const groups = useMemo((): Group[] => {
    if (fromReport) return reportGroups(report, maxMinutes * speedMPerMin);
    if (!dataset || !circles) return [];
    const maxM = Math.max(...circles.bandMinutes) * circles.speedMPerMin;
    const byCategory = new Map<string, FacilityRowData[]>();
    if (noNetwork) {
      for (const f of facilityPoints(dataset)) {
        const straightM = Math.min(...circles.origins.points.map((o) => haversineM(o[0], o[1], f.point[0], f.point[1])));
        const list = byCategory.get(f.category) ?? [];
        list.push({ facilityId: f.id, walkM: null, straightM });
        byCategory.set(f.category, list);
      }
      for (const list of byCategory.values()) list.sort((a, b) => a.straightM - b.straightM);
    } else {
      for (const r of walk?.reachable ?? []) {
        const list = byCategory.get(r.category) ?? [];
        list.push({ facilityId: r.facilityId, walkM: r.walkM, straightM: r.straightM });
        byCategory.set(r.category, list);
      }
    }
    const beyond = new Map(walk?.nearest.map((n) => [n.category, n]) ?? []);
    return presentCategories(dataset).map((category) => {
      const all = byCategory.get(category) ?? [];
      const within = noNetwork ? all.filter((r) => r.straightM <= maxM) : all;
      const shown = (noNetwork && within.length === 0 ? all.slice(0, 1) : within).slice(0, PER_CATEGORY);
      const b = beyond.get(category);
      return {
        category,
        rows: shown,
        more: Math.max(0, within.length - shown.length),
        beyond: within.length === 0 && b ? { facilityId: b.facilityId, walkM: b.walkM } : null,
      };
    });
  }, [dataset, circles, walk, noNetwork, fromReport, report, maxMinutes, speedMPerMin]);
  const shown = groups.length > 0 && (fromReport || (circles !== null && (noNetwork || walk !== null)));
  useEffect(() => {
    if (shown && performance.getEntriesByName(ANSWER_MARK, 'mark').length === 0) performance.mark(ANSWER_MARK);
  }, [shown]);
  if (!shown) return null;
  const facility = (id: string) => {
    const p = dataset?.facilities.features.find((f) => f.properties.id === id)?.properties;
    if (p) return { name: p.name ?? p.id, nameEn: p.name_en, hours: p.opening_hours };
    const r = report?.facilities[id];
    return r ? { name: r.name, nameEn: r.nameEn, hours: r.openingHours } : null;
  };
  const facilityName = (id: string) => {
    const p = facility(id);
    return p ? ((lang === 'en' ? (p.nameEn ?? p.name) : p.name) ?? id) : id;
  };
  return (
    <section className="panel-section nearest" aria-labelledby="nearest-title" data-testid="walk-answer" data-source={fromReport ? 'report' : 'walk'}>
      {fromReport && !dataset && <p className="nearest-compound">{lang === 'en' ? (report.compoundNameEn ?? report.compoundName) : report.compoundName}</p>}
      <h2 id="nearest-title">{t('list.title', { minutes: maxMinutes })}</h2>
      {fromReport && <p className="hint">{t('list.fromReport')}</p>}
      <ul className="nearest-list">
        {groups.map((group) => {
          const category = categoryOf(group.category);
          const categoryName = category ? (lang === 'en' ? category.en.toLowerCase() : category.zh) : group.category;
          const none = !noNetwork && group.rows.length === 0;
          return (
            <li key={group.category} className={none ? 'nearest-group nearest-none' : 'nearest-group'}>
              <span className="legend-icon" style={{ background: category?.color ?? '#495057' }} aria-hidden="true">
                {category?.glyph ?? '?'}
              </span>
              <div className="nearest-body">
                <h3 className="nearest-category">{category ? (lang === 'en' ? category.en : category.zh) : group.category}</h3>
                {none && <p className="nearest-missing">{t('list.noneWithin', { minutes: maxMinutes, category: categoryName })}</p>}
                {none && group.beyond && (
                  <p className="hint">
                    {t('list.nearestBeyond', { walk: formatNumber(lang, group.beyond.walkM / speedMPerMin, 0), name: facilityName(group.beyond.facilityId) })}
                  </p>
                )}
                {group.rows.map((row) => (
                  <FacilityRow
                    key={row.facilityId}
                    row={row}
                    name={facilityName(row.facilityId)}
                    hours={facility(row.facilityId)?.hours}
                    now={now}
                    speedMPerMin={speedMPerMin}
                    maxMinutes={maxMinutes}
                  />
                ))}
                {group.more > 0 && <p className="hint">{t('list.more', { count: group.more })}</p>}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
