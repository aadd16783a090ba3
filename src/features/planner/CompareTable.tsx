import { useMemo } from 'react';
import { useT } from '../../components/useT';
import type { PlannerResultView } from '../../domain/planner/view';
import type { Ruleset } from '../../domain/planner/ruleset';
import { compareCompliance } from '../../domain/planner/whatIf';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import { EffectLines } from './ChangeList';
import { percent } from './usePlanner';
import './messages';

/** The scenario side by side with the baseline: headline figures, then every rule it moved. */
export function CompareTable({
  baseline,
  scenario,
  ruleset,
  name,
}: {
  baseline: PlannerResultView;
  scenario: PlannerResultView;
  ruleset: Ruleset;
  name: string;
}) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const effects = useMemo(() => compareCompliance(baseline.compliance, scenario.compliance), [baseline, scenario]);
  const under = (r: PlannerResultView) => r.canteens.compounds.filter((c) => c.underServed).length;
  const unreached = (r: PlannerResultView) => r.canteens.compounds.filter((c) => c.reachedBy === 0).length;
  const rows: [string, string, string][] = [
    [t('planner.summary.score'), percent(lang, baseline.total.score, 1), percent(lang, scenario.total.score, 1)],
    [t('planner.summary.unmetRequired'), formatNumber(lang, baseline.total.unmetRequired), formatNumber(lang, scenario.total.unmetRequired)],
    [t('planner.compare.withGaps'), formatNumber(lang, baseline.total.withGaps.compounds), formatNumber(lang, scenario.total.withGaps.compounds)],
    [t('planner.compare.canteenUnder'), formatNumber(lang, under(baseline)), formatNumber(lang, under(scenario))],
    [t('planner.compare.canteenUnreached'), formatNumber(lang, unreached(baseline)), formatNumber(lang, unreached(scenario))],
  ];
  return (
    <div className="compare">
      <table className="planner-table compact" data-testid="planner-compare">
        <caption>{t('planner.compare.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planner.compare.figure')}</th>
            <th scope="col" className="num">
              {t('planner.scenario.baseline')}
            </th>
            <th scope="col" className="num">
              {name}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, before, after]) => (
            <tr key={label} className={before !== after ? 'changed' : undefined}>
              <th scope="row">{label}</th>
              <td className="num">{before}</td>
              <td className="num">{after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('planner.compare.rules')}</h4>
      <EffectLines effects={effects} ruleset={ruleset} />
    </div>
  );
}
