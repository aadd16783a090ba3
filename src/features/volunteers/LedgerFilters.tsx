import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import type { RequestStage } from '../../domain/dataset';
import type { LedgerRow } from '../../domain/volunteers/ledger';
import { STAGES } from '../../domain/volunteers/workflow';
import { useStore } from '../../store';
import { Field } from './Field';
import { codeLabel, compoundName, stageLabel } from './format';
import './messages';

/** Filters of the ledger: stage, status, category, compound, overdue only, gaps only, request number. */
export function LedgerFilters({ rows }: { rows: readonly LedgerRow[] }) {
  const { filter, setFilter, compounds, lang } = useStore(
    useShallow((s) => ({ filter: s.ledgerFilter, setFilter: s.setLedgerFilter, compounds: s.dataset?.compounds.features, lang: s.lang })),
  );
  const t = useT();
  const names = useMemo(() => new Map((compounds ?? []).map((c) => [c.properties.id, c.properties])), [compounds]);
  const codes = useMemo(
    () => [...new Set(rows.map((r) => r.code))].sort((a, b) => codeLabel(t, lang, a).localeCompare(codeLabel(t, lang, b), lang)),
    [rows, t, lang],
  );
  const compoundIds = useMemo(
    () =>
      [...new Set(rows.flatMap((r) => (r.compoundId ? [r.compoundId] : [])))].sort((a, b) =>
        compoundName(lang, names, a).localeCompare(compoundName(lang, names, b), lang),
      ),
    [rows, names, lang],
  );
  return (
    <div className="ledger-filters" role="group" aria-label={t('volunteers.ledger.filters')}>
      <Field label={t('volunteers.ledger.stage')}>
        {(id) => (
          <select id={id} value={filter.stage} onChange={(e) => setFilter({ stage: e.target.value as RequestStage | 'all' })}>
            <option value="all">{t('volunteers.ledger.all')}</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {stageLabel(t, stage)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('volunteers.ledger.status')}>
        {(id) => (
          <select id={id} value={filter.status} onChange={(e) => setFilter({ status: e.target.value as 'open' | 'closed' | 'all' })}>
            <option value="all">{t('volunteers.ledger.all')}</option>
            <option value="open">{t('volunteers.status.open')}</option>
            <option value="closed">{t('volunteers.status.closed')}</option>
          </select>
        )}
      </Field>
      <Field label={t('volunteers.ledger.category')}>
        {(id) => (
          <select id={id} value={filter.code} onChange={(e) => setFilter({ code: e.target.value })}>
            <option value="all">{t('volunteers.ledger.all')}</option>
            {codes.map((code) => (
              <option key={code} value={code}>
                {codeLabel(t, lang, code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('volunteers.ledger.compound')}>
        {(id) => (
          <select id={id} value={filter.compoundId} onChange={(e) => setFilter({ compoundId: e.target.value })}>
            <option value="all">{t('volunteers.ledger.all')}</option>
            {compoundIds.map((id) => (
              <option key={id} value={id}>
                {compoundName(lang, names, id)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={filter.overdueOnly} onChange={(e) => setFilter({ overdueOnly: e.target.checked })} />
        {t('volunteers.ledger.overdueOnly')}
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.gapOnly} onChange={(e) => setFilter({ gapOnly: e.target.checked })} />
        {t('volunteers.ledger.gapOnly')}
      </label>
      <Field label={t('volunteers.ledger.search')}>
        {(id) => <input id={id} type="search" value={filter.query} onChange={(e) => setFilter({ query: e.target.value })} />}
      </Field>
    </div>
  );
}
