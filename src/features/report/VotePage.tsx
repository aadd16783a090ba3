import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, intakeApi, type PublicVote } from './api';
import { useReportText, type ReportKey } from './i18n';
import { trackHref } from './links';
import { VoteResult } from './VoteResult';

/** The message for a refused ballot, by the server's status (src/server/routes/votes.ts). */
const REFUSALS: Record<number, ReportKey> = { 403: 'vote.wrong', 409: 'vote.used', 410: 'vote.closed', 429: 'vote.tooMany' };

/**
 * `/vote?id=V-…#code=…`: a household votes with the one-time code of its slip (typed, or
 * carried by the slip's QR in the URL fragment) and picks one option. Phone first; no login,
 * nothing about the person is sent or kept.
 */
export function VotePage({ id, code: fromSlip }: { id: string | null; code: string | null }) {
  const { lang, t } = useReportText();
  const uid = useId();
  const [vote, setVote] = useState<PublicVote | null>(null);
  const [missing, setMissing] = useState(false);
  const [code, setCode] = useState(fromSlip ?? '');
  const [option, setOption] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [voted, setVoted] = useState(false);

  useEffect(() => {
    if (!id) return;
    let live = true;
    intakeApi.vote(id).then(
      (v) => live && setVote(v),
      () => live && setMissing(true),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (!id || missing) {
    return (
      <p className="report-error" role="alert">
        {t('vote.notFound')}
      </p>
    );
  }
  if (!vote) return <p role="status">{t('report.loading')}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (option === null) return setMessage({ ok: false, text: t('vote.pickOne') });
    setBusy(true);
    setMessage(null);
    try {
      setVote(await intakeApi.castBallot(vote.id, code.trim(), option));
      setVoted(true);
      setMessage({ ok: true, text: t('vote.thanks') });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      const key = REFUSALS[status];
      setMessage({ ok: false, text: key ? t(key) : t('vote.failed', { message: error instanceof Error ? error.message : String(error) }) });
      // A vote that closed meanwhile: show its result instead of the form.
      if (status === 410) intakeApi.vote(vote.id).then(setVote, () => undefined);
    } finally {
      setBusy(false);
    }
  };

  const open = vote.state === 'open' && !voted;
  return (
    <section className="vote-page">
      {vote.compound && <p className="report-hint">{t('vote.for', { name: vote.compound.name[lang] })}</p>}
      <VoteResult vote={vote} heading="h2" />
      {open && (
        <form className="vote-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="vote-code">
            <label htmlFor={`${uid}-code`}>{t('vote.code')}</label>
            <input
              id={`${uid}-code`}
              className="vote-code-input"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              required
              aria-describedby={`${uid}-hint`}
            />
            <p id={`${uid}-hint`} className="report-hint">
              {t('vote.codeHint')}
            </p>
          </div>
          <fieldset className="vote-options">
            <legend>{t('vote.choose')}</legend>
            {vote.options.map((label, i) => (
              <label key={label} className="vote-choice">
                <input type="radio" name={`${uid}-option`} value={i} checked={option === i} onChange={() => setOption(i)} />
                <span>{label}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="report-primary" disabled={busy}>
            {busy ? t('vote.sending') : t('vote.send')}
          </button>
        </form>
      )}
      <p className={message && !message.ok ? 'report-error' : 'vote-done'} role={message && !message.ok ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
      <p>
        <a href={trackHref({ id: vote.request_id }, lang)}>{t('vote.follow')}</a>
      </p>
    </section>
  );
}
