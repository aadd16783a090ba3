import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { stageIndex } from '../../domain/volunteers/workflow';
import { useStore } from '../../store';
import { ledgerOf } from '../../store/volunteersSlice';
import { codeLabel, compoundName, formatDays, levelLabel, stageLabel } from './format';
import './messages';

/** Overdue requests to escalate (吹哨), the one that has waited longest first, with who to call in. */
export function EscalationList() {
  const { rows, compounds, lang, selected, selectRequest } = useStore(
    useShallow((s) => ({
      rows: ledgerOf(s),
      compounds: s.dataset?.compounds.features,
      lang: s.lang,
      selected: s.selectedRequestId,
      selectRequest: s.selectRequest,
    })),
  );
  const t = useT();
  const id = useId();
  const names = useMemo(() => new Map((compounds ?? []).map((c) => [c.properties.id, c.properties])), [compounds]);
  const overdue = useMemo(
    () =>
      rows
        .filter((r) => r.overdue)
        .sort((a, b) => b.waitedMs - a.waitedMs || stageIndex(a.stage) - stageIndex(b.stage) || a.requestId.localeCompare(b.requestId)),
    [rows],
  );
  return (
    <section className="panel-section escalation" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('volunteers.escalation.title', { count: overdue.length })}</h2>
      {overdue.length === 0 ? (
        <p className="hint">{t('volunteers.escalation.none')}</p>
      ) : (
        <ol className="escalation-list" data-testid="escalation-list">
          {overdue.map((r) => (
            <li key={r.id} className={r.id === selected ? 'selected' : undefined}>
              <button type="button" className="escalation-item" onClick={() => selectRequest(r.id)} aria-pressed={r.id === selected}>
                <span className="escalation-head">
                  <strong>{r.requestId}</strong> {codeLabel(t, lang, r.code)} · {stageLabel(t, r.stage)}
                </span>
                <span className="escalation-meta">
                  {compoundName(lang, names, r.compoundId)} · {t('volunteers.escalation.waited', { days: formatDays(lang, r.waitedMs) })}
                  {r.escalation && <span className={`level level-${r.escalation}`}>{levelLabel(t, r.escalation)}</span>}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
