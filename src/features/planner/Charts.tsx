import { useState } from 'react';
import { useT } from '../../components/useT';
import type { PlannerResultView } from '../../domain/planner/view';
import type { Rule, Ruleset } from '../../domain/planner/ruleset';
import { coverageShare } from '../../domain/planner/summaries';
import type { Lang } from '../../i18n';
import { useStore } from '../../store';
import { BarChart } from './BarChart';
import { localText, percent, useAreaName } from './usePlanner';
import './messages';

/** Colours of the two coverage series (all residents, residents aged 60+). */
const COLORS = { residents: '#1971c2', elderly: '#c2255c', score: '#2b8a3e' };

/** "▲* 初中": the mark, a star when unverified, the item. */
export function ruleShortLabel(lang: Lang, rule: Rule): string {
  return `${rule.mark}${rule.verified ? '' : '*'} ${localText(lang, rule.item)}`;
}

interface ChartProps {
  result: PlannerResultView;
  ruleset: Ruleset;
  /** Printed: every level, tables shown. */
  print?: boolean;
}

/** Share of residents and of residents aged 60+ whose compound meets each rule, one level at a time. */
export function CoverageChart({ result, ruleset, print = false }: ChartProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [levelId, setLevelId] = useState(ruleset.levels[0]!.id);
  const level = ruleset.levels.find((l) => l.id === levelId) ?? ruleset.levels[0]!;
  const levels = print ? ruleset.levels : [level];
  return (
    <div className="coverage-chart">
      {!print && ruleset.levels.length > 1 && (
        <div className="segmented" role="group" aria-label={t('planner.chart.level')}>
          {ruleset.levels.map((l) => (
            <button
              key={l.id}
              type="button"
              className={l.id === level.id ? 'btn btn-small active' : 'btn btn-small'}
              aria-pressed={l.id === level.id}
              onClick={() => setLevelId(l.id)}
            >
              {localText(lang, l.name)}
            </button>
          ))}
        </div>
      )}
      {levels.map((l) => {
        const rows = result.compliance.rules
          .filter((s) => s.rule.level === l.id && s.state !== 'not-checked')
          .map((s) => {
            const share = coverageShare(s);
            const label = `${ruleShortLabel(lang, s.rule)}${s.state === 'no-data' ? ` (${t('planner.status.no-data')})` : ''}`;
            return { key: s.rule.id, label, values: [share?.residents ?? null, share?.elderly60 ?? null] };
          });
        return (
          <BarChart
            key={l.id}
            title={t('planner.chart.coverageTitle', { level: localText(lang, l.name) })}
            series={[
              { key: 'residents', label: t('planner.chart.residents'), color: COLORS.residents },
              { key: 'elderly60', label: t('planner.chart.elderly60'), color: COLORS.elderly },
            ]}
            rows={rows}
            max={1}
            format={(v) => percent(lang, v)}
            rowHeader={t('planner.rule.item')}
            alwaysShowTable={print}
          />
        );
      })}
      <p className="hint">{t('planner.chart.coverageNote')}</p>
    </div>
  );
}

/** The residents-weighted score of each community. */
export function CommunityChart({ result, print = false }: Omit<ChartProps, 'ruleset'>) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const areaName = useAreaName();
  const rows = result.communities.map((a) => ({ key: a.id ?? '-', label: a.id ? areaName(a.id) : t('planner.area.none'), values: [a.score] }));
  return (
    <BarChart
      title={t('planner.chart.communityTitle')}
      series={[{ key: 'score', label: t('planner.summary.score'), color: COLORS.score }]}
      rows={rows}
      max={1}
      format={(v) => percent(lang, v)}
      rowHeader={t('planner.table.community')}
      alwaysShowTable={print}
    />
  );
}
