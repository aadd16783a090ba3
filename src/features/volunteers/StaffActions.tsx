import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { backMove, nextMove, type StageMove } from '../../domain/volunteers/transitions';
import { useStore } from '../../store';
import { RequestHistory } from './RequestHistory';
import { stageLabel } from './format';
import { VotePanel } from './votes/VotePanel';
import './messages';

/**
 * Handling one request on the server: the button to its next stage (named after it), the
 * step back with a reason, an optional note, and its whole history one click away. Which
 * moves exist comes from the domain workflow, the same rules the server checks.
 */
export function StaffActions({ requestId }: { requestId: string }) {
  const { row, move, historyOpen, openFile, closeFile, runsVotes } = useStore(
    useShallow((s) => ({
      // Volunteers work on what they are given; workers and grid leaders put solutions to a vote.
      runsVotes: s.staff !== null && s.staff.user.role !== 'volunteer',
      row: s.serverLedger.rows.find((r) => r.id === requestId),
      move: s.moveOnServer,
      historyOpen: s.requestFile?.id === requestId,
      openFile: s.openRequestFile,
      closeFile: s.closeRequestFile,
    })),
  );
  const t = useT();
  const id = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!row) return null;
  const next = nextMove(row);
  const back = backMove(row);
  const carry = async (m: StageMove) => {
    if (m.kind === 'back' && !note.trim()) return setMessage({ ok: false, text: t('staff.move.noteRequired') });
    setBusy(true);
    setMessage(null);
    const result = await move(row.id, { stage: m.stage, status: m.status, note: note.trim() || null, expectStage: row.stage });
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: t('staff.move.failed', { reason: result.message }) });
    setNote('');
    const stage = stageLabel(t, m.stage);
    setMessage({
      ok: true,
      text: m.kind === 'close' ? t('staff.move.closed') : m.kind === 'back' ? t('staff.move.backDone', { stage }) : t('staff.move.done', { stage }),
    });
  };
  const reporter = [row.reporter.name, row.reporter.phone, row.reporter.email].filter(Boolean).join(' · ');
  return (
    <section className="staff-actions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('staff.move.title')}</h3>
      {reporter && <p className="staff-reporter">{t('staff.reporter', { who: reporter })}</p>}
      {/* Staff only, and only in scope: the server checks both before sending it. */}
      {row.mediaHash && <img className="staff-photo" src={`api/photos/${row.mediaHash}`} alt={t('staff.photo')} loading="lazy" />}
      {next ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('staff.move.note')}</label>
            <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="app-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void carry(next)}>
              {next.kind === 'close' ? t('staff.move.close') : t('staff.move.next', { stage: stageLabel(t, next.stage) })}
            </button>
            {back && (
              <button type="button" className="btn" disabled={busy} onClick={() => void carry(back)}>
                {t('staff.move.back', { stage: stageLabel(t, back.stage) })}
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="hint">{t('staff.move.fileClosed')}</p>
      )}
      <p className={message && !message.ok ? 'notice-inline' : 'hint'} role="status">
        {busy ? t('staff.move.busy') : (message?.text ?? '')}
      </p>
      <button type="button" className="btn btn-small" aria-expanded={historyOpen} onClick={() => (historyOpen ? closeFile() : void openFile(row.id))}>
        {historyOpen ? t('staff.history.hide') : t('staff.history.open')}
      </button>
      <RequestHistory requestId={row.id} />
      {runsVotes && <VotePanel request={row} />}
    </section>
  );
}
