import { useT } from '../../components/useT';
import type { AreaSummary } from '../../domain/planner/summaries';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import { percent } from './usePlanner';
import './messages';

/** The headline figures of an area (or the whole dataset): who lives there and how much is met. */
export function SummaryFigures({ summary, baseline }: { summary: AreaSummary; baseline?: AreaSummary | null }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const delta = (now: number | null, before: number | null | undefined) => {
    if (baseline === undefined || baseline === null || now === null || before === null || before === undefined || Math.abs(now - before) < 1e-9) return null;
    return <span className={now > before ? 'delta up' : 'delta down'}>{` (${now > before ? '+' : '−'}${percent(lang, Math.abs(now - before), 1)})`}</span>;
  };
  const count = (n: number, before: number | undefined) =>
    baseline && before !== undefined && before !== n ? (
      <span className={n < before ? 'delta up' : 'delta down'}>{` (${n < before ? '−' : '+'}${formatNumber(lang, Math.abs(n - before))})`}</span>
    ) : null;
  return (
    <dl className="summary-figures" data-testid="planner-summary">
      <div>
        <dt>{t('planner.summary.score')}</dt>
        <dd className="big">
          {percent(lang, summary.score, 1)}
          {delta(summary.score, baseline?.score)}
        </dd>
      </div>
      <div>
        <dt>{t('planner.summary.compounds')}</dt>
        <dd>{formatNumber(lang, summary.people.compounds)}</dd>
      </div>
      <div>
        <dt>{t('planner.summary.residents')}</dt>
        <dd>
          {t('planner.summary.people', { residents: summary.people.residents, elderly60: summary.people.elderly60, elderly80: summary.people.elderly80 })}
        </dd>
      </div>
      <div>
        <dt>{t('planner.summary.unmetRequired')}</dt>
        <dd>
          {formatNumber(lang, summary.unmetRequired)}
          {count(summary.unmetRequired, baseline?.unmetRequired)}
        </dd>
      </div>
    </dl>
  );
}
