import { useT } from '../../components/useT';
import type { PlannerResultView } from '../../domain/planner/view';
import type { AreaSummary } from '../../domain/planner/summaries';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import { ruleShortLabel } from './Charts';
import { STATUS_KEY } from './CompoundDetail';
import { localText, percent, useAreaName, useRuleset } from './usePlanner';
import './messages';

/** Per community and per grid: people, score, compounds and residents with ▲ gaps. */
export function AreaTable({ areas, level }: { areas: AreaSummary[]; level: 'community' | 'grid' }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const areaName = useAreaName();
  return (
    <table className="planner-table">
      <caption>{t(level === 'community' ? 'planner.area.byCommunity' : 'planner.area.byGrid')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(level === 'community' ? 'planner.table.community' : 'planner.table.grid')}</th>
          <th scope="col" className="num">
            {t('planner.area.compounds')}
          </th>
          <th scope="col" className="num">
            {t('planner.table.population')}
          </th>
          <th scope="col" className="num">
            {t('planner.table.elderly60')}
          </th>
          <th scope="col" className="num">
            {t('planner.table.score')}
          </th>
          <th scope="col" className="num">
            {t('planner.area.withGaps')}
          </th>
          <th scope="col" className="num">
            {t('planner.area.elderlyWithGaps')}
          </th>
          <th scope="col" className="num">
            {t('planner.table.unmetRequired')}
          </th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => (
          <tr key={a.id ?? '-'}>
            <th scope="row">{a.id ? areaName(a.id) : t('planner.area.none')}</th>
            <td className="num">{formatNumber(lang, a.people.compounds)}</td>
            <td className="num">{formatNumber(lang, a.people.residents)}</td>
            <td className="num">{formatNumber(lang, a.people.elderly60)}</td>
            <td className="num">{percent(lang, a.score)}</td>
            <td className="num">{formatNumber(lang, a.withGaps.compounds)}</td>
            <td className="num">{formatNumber(lang, a.withGaps.elderly60)}</td>
            <td className="num">{formatNumber(lang, a.unmetRequired)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per rule: its level, ▲/△, distance, clause, verified, and the compounds and residents (60+, 80+) it leaves out. */
export function RuleTable({ result }: { result: PlannerResultView }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const ruleset = useRuleset();
  return (
    <table className="planner-table rule-table">
      <caption>{t('planner.rules.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('planner.csv.level')}</th>
          <th scope="col">{t('planner.rule.item')}</th>
          <th scope="col" className="num">
            {t('planner.csv.distanceM')}
          </th>
          <th scope="col">{t('planner.csv.clause')}</th>
          <th scope="col" className="num">
            {t('planner.rules.unmet')}
          </th>
          <th scope="col" className="num">
            {t('planner.rules.residents')}
          </th>
          <th scope="col" className="num">
            {t('planner.table.elderly60')}
          </th>
          <th scope="col" className="num">
            {t('planner.table.elderly80')}
          </th>
        </tr>
      </thead>
      <tbody>
        {result.compliance.rules.map((s) => {
          const level = ruleset.levels.find((l) => l.id === s.rule.level)!;
          const checked = s.state === 'checked';
          return (
            <tr key={s.rule.id} className={`rule-state-${s.state}`}>
              <td>{localText(lang, level.name)}</td>
              <th scope="row">{ruleShortLabel(lang, s.rule)}</th>
              <td className="num">{s.rule.distanceM ?? '–'}</td>
              <td>{s.rule.clause}</td>
              {checked ? (
                <>
                  <td className="num">{formatNumber(lang, s.unmet.compounds)}</td>
                  <td className="num">{formatNumber(lang, s.unmet.residents)}</td>
                  <td className="num">{formatNumber(lang, s.unmet.elderly60)}</td>
                  <td className="num">{formatNumber(lang, s.unmet.elderly80)}</td>
                </>
              ) : (
                <td colSpan={4}>{t(STATUS_KEY[s.state === 'no-data' ? 'no-data' : 'not-checked'])}</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
