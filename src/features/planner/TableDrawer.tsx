import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { useStore } from '../../store';
import { AreaTable, RuleTable } from './AreaTables';
import { CompoundTable } from './CompoundTable';
import { useAreaName } from './usePlanner';
import './messages';

type Tab = 'compounds' | 'areas' | 'rules';

/** Community and grid filters, a name search and "only with ▲ gaps", for the compound table. */
function Filters() {
  const s = useStore(useShallow((x) => ({ filter: x.plannerFilter, setFilter: x.setPlannerFilter, grids: x.dataset?.grids })));
  const areaName = useAreaName();
  const t = useT();
  const communityId = useId();
  const gridId = useId();
  const queryId = useId();
  const communities = (s.grids?.features ?? []).filter((g) => g.properties.level === 'community');
  const grids = (s.grids?.features ?? []).filter(
    (g) => g.properties.level === 'grid' && (!s.filter.communityId || g.properties.parent_id === s.filter.communityId),
  );
  return (
    <div className="table-filters">
      <label htmlFor={communityId}>{t('planner.table.community')}</label>
      <select id={communityId} value={s.filter.communityId ?? ''} onChange={(e) => s.setFilter({ communityId: e.target.value || null, gridId: null })}>
        <option value="">{t('planner.filter.all')}</option>
        {communities.map((g) => (
          <option key={g.properties.id} value={g.properties.id}>
            {areaName(g.properties.id)}
          </option>
        ))}
      </select>
      <label htmlFor={gridId}>{t('planner.table.grid')}</label>
      <select id={gridId} value={s.filter.gridId ?? ''} onChange={(e) => s.setFilter({ gridId: e.target.value || null })}>
        <option value="">{t('planner.filter.all')}</option>
        {grids.map((g) => (
          <option key={g.properties.id} value={g.properties.id}>
            {areaName(g.properties.id)}
          </option>
        ))}
      </select>
      <label htmlFor={queryId}>{t('planner.filter.search')}</label>
      <input id={queryId} type="search" value={s.filter.query} onChange={(e) => s.setFilter({ query: e.target.value })} />
      <label className="check">
        <input type="checkbox" checked={s.filter.onlyGaps} onChange={(e) => s.setFilter({ onlyGaps: e.target.checked })} />
        {t('planner.filter.onlyGaps')}
      </label>
    </div>
  );
}

/** The wide tables, in a drawer over the map: compounds, communities and grids, rules. */
export function TableDrawer() {
  const { open, setOpen, result } = useStore(useShallow((x) => ({ open: x.plannerTableOpen, setOpen: x.setPlannerTableOpen, result: x.plannerResult })));
  const t = useT();
  const [tab, setTab] = useState<Tab>('compounds');
  const titleId = useId();
  if (!open || !result) return null;
  const tabs: [Tab, string][] = [
    ['compounds', t('planner.table.tabCompounds')],
    ['areas', t('planner.table.tabAreas')],
    ['rules', t('planner.table.tabRules')],
  ];
  return (
    <section className="table-drawer" aria-labelledby={titleId} data-testid="planner-table-drawer">
      <div className="drawer-header">
        <h2 id={titleId}>{t('planner.table.title')}</h2>
        <div role="tablist" aria-label={t('planner.table.title')} className="segmented">
          {tabs.map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'btn btn-small active' : 'btn btn-small'}
              onClick={() => setTab(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          {t('common.close')}
        </button>
      </div>
      {tab === 'compounds' && <Filters />}
      <div className="drawer-body" role="tabpanel">
        {tab === 'compounds' && <CompoundTable />}
        {tab === 'areas' && (
          <>
            <AreaTable areas={result.communities} level="community" />
            <AreaTable areas={result.grids} level="grid" />
          </>
        )}
        {tab === 'rules' && <RuleTable result={result} />}
      </div>
    </section>
  );
}
