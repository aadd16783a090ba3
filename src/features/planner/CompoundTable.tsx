import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import type { CompoundCompliance } from '../../domain/planner/compliance';
import { gapTally, tallyOf, type EvidenceCounts, type StageTally } from '../../domain/planner/evidence';
import type { PlannerResultView } from '../../domain/planner/view';
import { formatNumber, type MessageKey } from '../../i18n';
import { useStore } from '../../store';
import type { PlannerFilter, SortKey } from '../../store/plannerSlice';
import { stagesText, useEvidenceCounts } from './Evidence';
import { localText, percent, useAreaName, useRuleset } from './usePlanner';
import './messages';

interface Row {
  c: CompoundCompliance;
  canteen: number;
  underServed: boolean;
  community: string;
  grid: string;
  /** Residents' requests for the services of its gaps (▲ and △: an "as needed" item is where demand argues most); null while there are no counts. */
  evidence: StageTally | null;
}

const COLUMNS: { key: SortKey; label: MessageKey; numeric: boolean }[] = [
  { key: 'name', label: 'planner.table.compound', numeric: false },
  { key: 'community', label: 'planner.table.community', numeric: false },
  { key: 'grid', label: 'planner.table.grid', numeric: false },
  { key: 'population', label: 'planner.table.population', numeric: true },
  { key: 'elderly60', label: 'planner.table.elderly60', numeric: true },
  { key: 'elderly80', label: 'planner.table.elderly80', numeric: true },
  { key: 'score', label: 'planner.table.score', numeric: true },
  { key: 'unmetRequired', label: 'planner.table.unmetRequired', numeric: true },
  { key: 'unmetOptional', label: 'planner.table.unmetOptional', numeric: true },
  { key: 'canteen', label: 'planner.table.canteen', numeric: true },
  { key: 'evidence', label: 'planner.evidence.column', numeric: true },
];

function sortValue(row: Row, key: SortKey): number | string {
  const p = row.c.compound;
  switch (key) {
    case 'name':
      return p.name;
    case 'community':
      return row.community;
    case 'grid':
      return row.grid;
    case 'population':
      return p.population;
    case 'elderly60':
      return p.elderly60;
    case 'elderly80':
      return p.elderly80;
    case 'score':
      return row.c.score ?? -1;
    case 'unmetRequired':
      return row.c.unmetRequired;
    case 'unmetOptional':
      return row.c.unmetOptional;
    case 'canteen':
      return row.canteen;
    case 'evidence':
      return row.evidence?.total ?? -1;
  }
}

export function filterRows(result: PlannerResultView, filter: PlannerFilter, areaName: (id?: string) => string, counts: EvidenceCounts | null = null): Row[] {
  const query = filter.query.trim().toLowerCase();
  const { rules } = result.compliance.ruleset;
  return result.compliance.compounds
    .map((c, i) => ({
      c,
      canteen: result.canteens.compounds[i]!.seatsPer100,
      underServed: result.canteens.compounds[i]!.underServed,
      community: areaName(c.compound.communityId),
      grid: areaName(c.compound.gridId),
      evidence: counts && gapTally(counts, c.compound.id, rules, c.results, true),
    }))
    .filter(({ c }) => !filter.communityId || c.compound.communityId === filter.communityId)
    .filter(({ c }) => !filter.gridId || c.compound.gridId === filter.gridId)
    .filter(({ c }) => !filter.onlyGaps || c.unmetRequired > 0)
    .filter(
      ({ c }) =>
        !query ||
        c.compound.name.toLowerCase().includes(query) ||
        (c.compound.nameEn ?? '').toLowerCase().includes(query) ||
        c.compound.id.toLowerCase() === query,
    );
}

/** Every compound with its figures: sortable by any column, filtered by community, grid and name. */
export function CompoundTable() {
  const s = useStore(
    useShallow((x) => ({
      result: x.plannerResult,
      filter: x.plannerFilter,
      sort: x.plannerSort,
      setSort: x.setPlannerSort,
      select: x.selectCompound,
      selected: x.compoundId,
      lang: x.lang,
    })),
  );
  const ruleset = useRuleset();
  const areaName = useAreaName();
  const t = useT();
  const captionId = useId();
  const counts = useEvidenceCounts();
  const rows = useMemo(() => {
    if (!s.result) return [];
    const list = filterRows(s.result, s.filter, areaName, counts);
    const dir = s.sort.descending ? -1 : 1;
    return list.sort((a, b) => {
      const x = sortValue(a, s.sort.key);
      const y = sortValue(b, s.sort.key);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), s.lang === 'zh' ? 'zh-CN' : 'en');
      return order * dir || a.c.compound.id.localeCompare(b.c.compound.id);
    });
  }, [s.result, s.filter, s.sort, s.lang, areaName, counts]);
  if (!s.result) return null;
  // A gap residents asked about carries its count: 社区卫生服务站（3）.
  const gapsOf = (c: CompoundCompliance) =>
    c.results
      .flatMap((r, k) => (r.status === 'unmet' && ruleset.rules[k]!.mark === '▲' ? [ruleset.rules[k]!] : []))
      .map((rule) => {
        const asked = counts ? tallyOf(counts, c.compound.id, rule.categories).total : 0;
        return `${localText(s.lang, rule.item)}${rule.verified ? '' : '*'}${asked > 0 ? t('planner.evidence.gapCount', { count: formatNumber(s.lang, asked) }) : ''}`;
      });
  return (
    <table className="planner-table compound-table" aria-describedby={captionId}>
      <caption id={captionId}>{t('planner.table.caption', { shown: rows.length, total: s.result.compliance.compounds.length })}</caption>
      <thead>
        <tr>
          {COLUMNS.map((col) => {
            const active = s.sort.key === col.key;
            return (
              <th
                key={col.key}
                scope="col"
                className={col.numeric ? 'num' : undefined}
                aria-sort={active ? (s.sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  className="sort"
                  onClick={() => s.setSort(col.key)}
                  title={col.key === 'evidence' ? t('planner.evidence.columnHint') : undefined}
                >
                  {t(col.label)}
                  <span aria-hidden="true">{active ? (s.sort.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            );
          })}
          <th scope="col">{t('planner.table.gaps')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const p = row.c.compound;
          const gaps = gapsOf(row.c);
          return (
            <tr key={p.id} className={p.id === s.selected ? 'selected' : undefined}>
              <th scope="row">
                <button type="button" className="link" onClick={() => s.select(p.id)}>
                  {s.lang === 'en' ? (p.nameEn ?? p.name) : p.name}
                </button>
              </th>
              <td>{row.community}</td>
              <td>{row.grid}</td>
              <td className="num">{formatNumber(s.lang, p.population)}</td>
              <td className="num">{formatNumber(s.lang, p.elderly60)}</td>
              <td className="num">{formatNumber(s.lang, p.elderly80)}</td>
              <td className="num">{percent(s.lang, row.c.score)}</td>
              <td className="num">{row.c.unmetRequired}</td>
              <td className="num">{row.c.unmetOptional}</td>
              <td className={row.underServed ? 'num warn' : 'num'}>{formatNumber(s.lang, row.canteen, 2)}</td>
              <td className="num evidence-cell">
                {row.evidence ? formatNumber(s.lang, row.evidence.total) : '–'}
                {row.evidence && row.evidence.total > 0 && <span className="evidence-stages">{stagesText(t, s.lang, row.evidence)}</span>}
              </td>
              <td className="gaps-cell">
                {gaps.slice(0, 4).join('、')}
                {gaps.length > 4 ? t('planner.table.more', { count: gaps.length - 4 }) : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
