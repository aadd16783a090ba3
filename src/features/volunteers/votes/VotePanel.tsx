import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { VOTE_CODES_PER_CALL } from '../../../domain/votes';
import { useT } from '../../../components/useT';
import { useStore } from '../../../store';
import type { StaffRequest } from '../../../store/staffApi';
import { timeZoneOf } from '../../../store/volunteersSlice';
import { codeLabel, formatDateTime } from '../format';
import { defaultDeadline, voteApi, type IssuedCodes, type StaffVote } from './voteApi';
import { VoteSlips } from './VoteSlips';
import './votes.css';
import '../messages';

/**
 * 民主协商议事 online: the votes on one request, and for a worker in scope the form that opens
 * one (question, 2–6 options, deadline next day by default, how many household codes), closing
 * it early, more codes, and the printable slips. The server checks scope and every rule again.
 */
export function VotePanel({ request }: { request: StaffRequest }) {
  const t = useT();
  const id = useId();
  const { lang, timeZone, csrf } = useStore(useShallow((s) => ({ lang: s.lang, timeZone: timeZoneOf(s), csrf: s.staff?.csrfToken ?? '' })));
  const [votes, setVotes] = useState<StaffVote[] | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [question, setQuestion] = useState(() => t('votes.defaultQuestion', { category: codeLabel(t, lang, request.serviceCode) }));
  const [options, setOptions] = useState('');
  const [deadline, setDeadline] = useState(() => defaultDeadline(new Date()));
  const [codes, setCodes] = useState(20);
  const [more, setMore] = useState(10);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [slips, setSlips] = useState<IssuedCodes | null>(null);

  const load = useCallback(async () => {
    const result = await voteApi.list(request.id);
    if (result.ok) setVotes(result.data.votes);
  }, [request.id]);
  useEffect(() => {
    void load();
  }, [load, request.updatedAt]);

  const run = async <T,>(action: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>, done: (data: T) => string) => {
    setBusy(true);
    setMessage(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: t('votes.failed', { reason: result.message }) });
    setMessage({ ok: true, text: done(result.data) });
    await load();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    const at = new Date(deadline);
    void run(
      () => voteApi.open(request.id, { question, options: list, deadline: Number.isNaN(at.getTime()) ? deadline : at.toISOString(), codes }, csrf),
      (issued) => {
        setFormOpen(false);
        setSlips(issued);
        return t('votes.opened', { id: issued.vote.id });
      },
    );
  };

  const running = votes?.find((v) => v.state === 'open');
  return (
    <section className="vote-panel" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('votes.title')}</h4>
      {votes && !votes.length && <p className="hint">{t('votes.none')}</p>}
      {votes?.map((v) => (
        <article key={v.id} className="vote-card" aria-label={v.question}>
          <p className="vote-card-question">
            {v.id} · {v.question}
          </p>
          <p className="hint">
            {v.state === 'open'
              ? t('votes.stateOpen', { date: formatDateTime(lang, v.deadline, timeZone) })
              : t('votes.stateClosed', { date: formatDateTime(lang, v.closedAt, timeZone) })}
            {' · '}
            {t('votes.progress', { ballots: v.ballots, used: v.codesUsed, issued: v.codesIssued })}
          </p>
          {v.result && (
            <ul className="vote-card-result">
              {v.result.map((r) => (
                <li key={r.option}>{t('votes.count', { option: r.option, n: r.count })}</li>
              ))}
            </ul>
          )}
          {v.state === 'open' && (
            <div className="app-actions">
              <label className="vote-more">
                {t('votes.moreCount')}
                <input type="number" min={1} max={VOTE_CODES_PER_CALL} value={more} onChange={(e) => setMore(Number(e.target.value))} />
              </label>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => voteApi.codes(v.id, more, csrf),
                    (issued) => (setSlips(issued), t('votes.opened', { id: v.id })),
                  )
                }
              >
                {t('votes.more')}
              </button>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => voteApi.close(v.id, csrf),
                    () => t('votes.closed'),
                  )
                }
              >
                {t('votes.close')}
              </button>
            </div>
          )}
        </article>
      ))}
      {!running && request.status === 'open' && !formOpen && (
        <button type="button" className="btn btn-small" onClick={() => setFormOpen(true)}>
          {t('votes.open')}
        </button>
      )}
      {formOpen && (
        <form className="vote-form" onSubmit={submit}>
          <p className="hint">{t('votes.publicHint')}</p>
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('votes.question')}</label>
            <input id={`${id}-q`} value={question} maxLength={200} required onChange={(e) => setQuestion(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-o`}>{t('votes.options')}</label>
            <textarea id={`${id}-o`} rows={4} value={options} required onChange={(e) => setOptions(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-d`}>{t('votes.deadline')}</label>
            <input id={`${id}-d`} type="datetime-local" value={deadline} required onChange={(e) => setDeadline(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-n`}>{t('votes.codes')}</label>
            <input id={`${id}-n`} type="number" min={1} max={VOTE_CODES_PER_CALL} value={codes} required onChange={(e) => setCodes(Number(e.target.value))} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('votes.submit')}
          </button>
        </form>
      )}
      <p className={message && !message.ok ? 'notice-inline' : 'hint'} role="status">
        {busy ? t('votes.busy') : (message?.text ?? '')}
      </p>
      {slips && <VoteSlips issued={slips} onClose={() => setSlips(null)} />}
    </section>
  );
}
