import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { satisfaction } from '../../domain/volunteers/satisfaction';
import { STAGES, WORKFLOW_PRESETS, type WorkflowPreset } from '../../domain/volunteers/workflow';
import { formatNumber } from '../../i18n';
import { theme } from '../../map/theme';
import { useStore } from '../../store';
import { Field } from './Field';
import { ledgerClockOf, ledgerOf, requestsOf, timeZoneOf } from '../../store/volunteersSlice';
import { ByCompound } from './ByCompound';
import { formatDay, formatPercent, stageLabel } from './format';
import { Open311Buttons } from './Open311Buttons';
import './messages';

/** The requests at a glance: the clock deadlines are judged at, counts per stage, overdue, gaps, satisfaction. */
export function RequestsSummary() {
  const s = useStore(
    useShallow((st) => ({
      requests: requestsOf(st),
      rows: ledgerOf(st),
      clockAt: ledgerClockOf(st).at.getTime(),
      dataDate: ledgerClockOf(st).dataDate,
      clockMode: st.ledgerClock,
      setClock: st.setLedgerClock,
      preset: st.workflowPreset,
      setPreset: st.setWorkflowPreset,
      setLedgerOpen: st.setLedgerOpen,
      setFilter: st.setLedgerFilter,
      lang: st.lang,
      timeZone: timeZoneOf(st),
      gapsReady: st.volunteerEngine.dataset === st.dataset,
    })),
  );
  const t = useT();
  const id = useId();
  const rating = useMemo(() => satisfaction(s.requests.map((r) => r.properties)), [s.requests]);
  const counts = useMemo(() => {
    const byStage = new Map(STAGES.map((stage) => [stage, 0]));
    let overdue = 0;
    let gaps = 0;
    for (const r of s.rows) {
      byStage.set(r.stage, (byStage.get(r.stage) ?? 0) + 1);
      if (r.overdue) overdue++;
      if (r.gap) gaps++;
    }
    return { byStage, overdue, gaps, open: s.rows.filter((r) => r.status === 'open').length };
  }, [s.rows]);
  const openLedger = (patch: Parameters<typeof s.setFilter>[0]) => {
    s.setFilter(patch);
    s.setLedgerOpen(true);
  };
  if (s.requests.length === 0) {
    return (
      <section className="panel-section" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('volunteers.requests.title', { count: 0 })}</h2>
        <p className="hint">{t('volunteers.requests.none')}</p>
        <Open311Buttons />
      </section>
    );
  }
  return (
    <section className="panel-section requests-summary" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('volunteers.requests.title', { count: s.requests.length })}</h2>
      <p className="hint clock-line">
        {s.dataDate ? t('volunteers.clock.dataDate', { date: formatDay(s.lang, new Date(s.clockAt), s.timeZone) }) : t('volunteers.clock.now')}{' '}
        <button type="button" className="link" onClick={() => s.setClock(s.clockMode === 'now' ? 'dataDate' : 'now')}>
          {t(s.clockMode === 'now' ? 'volunteers.clock.useDataDate' : 'volunteers.clock.useNow')}
        </button>
      </p>
      <Field label={t('volunteers.rules.label')}>
        {(id) => (
          <select id={id} value={s.preset} onChange={(e) => s.setPreset(e.target.value as WorkflowPreset)}>
            {(Object.keys(WORKFLOW_PRESETS) as WorkflowPreset[]).map((p) => (
              <option key={p} value={p}>
                {t(p === 'cycle' ? 'volunteers.rules.cycle' : 'volunteers.rules.staged', { days: WORKFLOW_PRESETS[p].cycleDays })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ol className="stage-list" aria-label={t('volunteers.requests.byStage')}>
        {STAGES.map((stage) => (
          <li key={stage}>
            <button type="button" className="stage-item" onClick={() => openLedger({ stage })}>
              <span className="stage-swatch" style={{ background: theme.volunteers.stages[stage] }} aria-hidden="true" />
              <span className="stage-name">{stageLabel(t, stage)}</span>
              <span className="stage-count">{formatNumber(s.lang, counts.byStage.get(stage) ?? 0)}</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="request-flags">
        <button
          type="button"
          className="flag flag-overdue"
          onClick={() => openLedger({ overdueOnly: true, status: 'all', stage: 'all' })}
          data-testid="overdue-count"
        >
          {t('volunteers.requests.overdue', { count: counts.overdue, open: counts.open })}
        </button>
        <button type="button" className="flag flag-gap" onClick={() => openLedger({ gapOnly: true, stage: 'all' })} disabled={!s.gapsReady}>
          {s.gapsReady ? t('volunteers.requests.gaps', { count: counts.gaps }) : t('volunteers.requests.gapsComputing')}
        </button>
      </p>
      <div className="satisfaction" aria-label={t('volunteers.satisfaction.title')}>
        <h3>{t('volunteers.satisfaction.title')}</h3>
        {rating.rated === 0 ? (
          <p className="hint">{t('volunteers.satisfaction.none')}</p>
        ) : (
          <>
            <p>
              {t('volunteers.satisfaction.summary', {
                rated: rating.rated,
                closed: rating.closed,
                mean: formatNumber(s.lang, rating.mean ?? 0, 1),
                share: formatPercent(s.lang, rating.satisfiedShare ?? 0),
              })}
            </p>
            <ul className="stars" aria-label={t('volunteers.satisfaction.distribution')}>
              {[5, 4, 3, 2, 1].map((stars) => (
                <li key={stars}>
                  <span>{t('volunteers.satisfaction.stars', { stars })}</span>
                  <span className="star-bar" style={{ width: `${(100 * rating.distribution[stars - 1]!) / rating.rated}%` }} aria-hidden="true" />
                  <span>{formatNumber(s.lang, rating.distribution[stars - 1]!)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <ByCompound />
      <div className="app-actions">
        <button type="button" className="btn" onClick={() => s.setLedgerOpen(true)}>
          {t('volunteers.ledger.open')}
        </button>
        <Open311Buttons />
      </div>
    </section>
  );
}
