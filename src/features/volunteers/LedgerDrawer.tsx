import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { filterLedger, ledgerCsv, NO_FILTER } from '../../domain/volunteers/ledger';
import { formatNumber } from '../../i18n';
import { theme } from '../../map/theme';
import { useStore } from '../../store';
import { ledgerOf, timeZoneOf } from '../../store/volunteersSlice';
import { downloadText } from './download';
import { LedgerFilters } from './LedgerFilters';
import { codeLabel, compoundName, formatDateTime, stageLabel } from './format';
import './messages';

/** The ledger (一问题一建档): every request in a wide table over the map, with filters and CSV export. */
export function LedgerDrawer() {
  const s = useStore(
    useShallow((st) => ({
      open: st.ledgerOpen,
      setOpen: st.setLedgerOpen,
      rows: ledgerOf(st),
      filter: st.ledgerFilter,
      setFilter: st.setLedgerFilter,
      compounds: st.dataset?.compounds.features,
      lang: st.lang,
      timeZone: timeZoneOf(st),
      selected: st.selectedRequestId,
      selectRequest: st.selectRequest,
      datasetId: st.dataset?.manifest.id ?? 'requests',
    })),
  );
  const t = useT();
  const id = useId();
  const names = useMemo(() => new Map((s.compounds ?? []).map((c) => [c.properties.id, c.properties])), [s.compounds]);
  const shown = useMemo(() => filterLedger(s.rows, s.filter), [s.rows, s.filter]);
  if (!s.open) return null;
  const exportCsv = () => {
    const csv = ledgerCsv(
      shown,
      {
        header: [
          t('volunteers.ledger.id'),
          t('volunteers.ledger.compound'),
          t('volunteers.ledger.category'),
          t('volunteers.ledger.stage'),
          t('volunteers.ledger.status'),
          t('volunteers.ledger.requested'),
          t('volunteers.ledger.updated'),
          t('volunteers.ledger.expected'),
          t('volunteers.ledger.deadline'),
          t('volunteers.ledger.overdue'),
          t('volunteers.ledger.gap'),
          t('volunteers.ledger.rating'),
        ],
        compoundName: (cid) => compoundName(s.lang, names, cid),
        codeName: (code) => codeLabel(t, s.lang, code),
        stageName: (stage) => stageLabel(t, stage),
        statusName: (status) => t(status === 'open' ? 'volunteers.status.open' : 'volunteers.status.closed'),
        yes: t('volunteers.yes'),
        no: t('volunteers.no'),
      },
      s.timeZone,
    );
    downloadText(`${s.datasetId}-ledger.csv`, csv, 'text/csv;charset=utf-8');
  };
  return (
    <section className="ledger-drawer" role="dialog" aria-modal="false" aria-labelledby={`${id}-title`}>
      <header className="dialog-header">
        <h2 id={`${id}-title`}>{t('volunteers.ledger.title')}</h2>
        <div className="app-actions">
          <button type="button" className="btn" onClick={exportCsv} disabled={shown.length === 0}>
            {t('volunteers.ledger.csv')}
          </button>
          <button type="button" className="btn" onClick={() => s.setFilter(NO_FILTER)}>
            {t('volunteers.ledger.reset')}
          </button>
          <button type="button" className="btn" onClick={() => s.setOpen(false)}>
            {t('common.close')}
          </button>
        </div>
      </header>
      <LedgerFilters rows={s.rows} />
      <p className="hint" role="status" data-testid="ledger-count">
        {t('volunteers.ledger.count', { shown: shown.length, total: s.rows.length })}
      </p>
      <div className="table-scroll">
        <table className="ledger">
          <thead>
            <tr>
              <th scope="col">{t('volunteers.ledger.id')}</th>
              <th scope="col">{t('volunteers.ledger.compound')}</th>
              <th scope="col">{t('volunteers.ledger.category')}</th>
              <th scope="col">{t('volunteers.ledger.stage')}</th>
              <th scope="col">{t('volunteers.ledger.requested')}</th>
              <th scope="col">{t('volunteers.ledger.updated')}</th>
              <th scope="col">{t('volunteers.ledger.deadline')}</th>
              <th scope="col">{t('volunteers.ledger.rating')}</th>
              <th scope="col">{t('volunteers.ledger.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} className={r.id === s.selected ? 'selected' : undefined}>
                <td>
                  <button type="button" className="link" onClick={() => s.selectRequest(r.id)}>
                    {r.requestId}
                  </button>
                </td>
                <td>{compoundName(s.lang, names, r.compoundId)}</td>
                <td>{codeLabel(t, s.lang, r.code)}</td>
                <td>
                  <span className="stage-swatch" style={{ background: theme.volunteers.stages[r.stage] }} aria-hidden="true" /> {stageLabel(t, r.stage)}
                </td>
                <td>{formatDateTime(s.lang, r.requested, s.timeZone)}</td>
                <td>{formatDateTime(s.lang, r.updated, s.timeZone)}</td>
                <td>{formatDateTime(s.lang, r.deadline, s.timeZone)}</td>
                <td>{r.rating === null ? '' : formatNumber(s.lang, r.rating)}</td>
                <td>
                  {r.overdue && <span className="flag flag-overdue">{t('volunteers.ledger.overdue')}</span>}
                  {r.gap && <span className="flag flag-gap">{t('volunteers.ledger.gap')}</span>}
                  {r.closedLate && <span className="flag">{t('volunteers.detail.closedLate')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
