import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../store';
import type { Escalation } from '../../server/store/types';
import { timeZoneOf } from '../../store/volunteersSlice';
import { formatDateTime, levelLabel, stageLabel } from './format';
import './messages';

const WEBHOOK_KEY: Record<Escalation['webhookState'], MessageKey> = {
  none: 'staff.webhook.none',
  pending: 'staff.webhook.pending',
  sent: 'staff.webhook.sent',
  failed: 'staff.webhook.failed',
};

type T = ReturnType<typeof useT>;

/** The notes and actors the ledger writes itself (in English), in the user's language; people's notes as written. */
function noteText(t: T, note: string | null, filed: boolean): string | null {
  if (!note || (filed && note === 'filed')) return null;
  if (note === 'unassigned') return t('staff.history.unassigned');
  const assigned = /^assigned to (.+)$/.exec(note);
  return assigned ? t('staff.history.assigned', { who: assigned[1]! }) : note;
}

function actorText(t: T, actor: string): string {
  return actor === 'system' ? t('staff.actor.system') : actor === 'resident' ? t('staff.actor.resident') : actor;
}

/** One request's whole file from the server: every step (who, when, from → to, note) and its escalations (吹哨). */
export function RequestHistory({ requestId }: { requestId: string }) {
  const { open, lang, timeZone } = useStore(
    useShallow((s) => ({ open: s.requestFile?.id === requestId ? s.requestFile : null, lang: s.lang, timeZone: timeZoneOf(s) })),
  );
  const t = useT();
  const id = useId();
  if (!open) return null;
  if (!open.file) {
    return (
      <p className={open.error ? 'notice-inline' : 'hint'} role="status">
        {open.error ? t('staff.history.failed', { reason: open.error }) : t('staff.history.loading')}
      </p>
    );
  }
  const { history, escalations, assignee } = open.file;
  return (
    <div className="request-history">
      <p className="staff-assignee">{t('staff.assignee', { who: assignee ? (assignee.displayName ?? assignee.username) : t('staff.unassigned') })}</p>
      <h3 id={`${id}-history`}>{t('staff.history.title', { count: history.length })}</h3>
      <ol className="history-list" aria-labelledby={`${id}-history`}>
        {history.map((h) => {
          const step =
            h.fromStage === null
              ? t('staff.history.filed', { stage: stageLabel(t, h.toStage) })
              : h.toStatus === 'closed' && h.fromStatus !== 'closed'
                ? t('staff.history.closed', { stage: stageLabel(t, h.fromStage) })
                : h.fromStage === h.toStage
                  ? t('staff.history.sameStage', { stage: stageLabel(t, h.toStage) })
                  : `${stageLabel(t, h.fromStage)} → ${stageLabel(t, h.toStage)}`;
          const note = noteText(t, h.note, h.fromStage === null);
          return (
            <li key={h.seq}>
              <span className="history-meta">
                <time dateTime={h.at}>{formatDateTime(lang, h.at, timeZone)}</time> · <span className="history-actor">{actorText(t, h.actor)}</span>
              </span>
              <span className="history-step">{step}</span>
              {note && <span className="history-note">{note}</span>}
            </li>
          );
        })}
      </ol>
      <h3 id={`${id}-esc`}>{t('staff.escalations.title', { count: escalations.length })}</h3>
      {escalations.length === 0 ? (
        <p className="hint">{t('staff.escalations.none')}</p>
      ) : (
        <ul className="history-list" aria-labelledby={`${id}-esc`}>
          {escalations.map((e) => (
            <li key={e.id}>
              <span className={`level level-${e.level}`}>{levelLabel(t, e.level)}</span> <time dateTime={e.at}>{formatDateTime(lang, e.at, timeZone)}</time> ·{' '}
              {t(WEBHOOK_KEY[e.webhookState])}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
