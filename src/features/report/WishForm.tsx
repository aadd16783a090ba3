import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, intakeApi, type CompoundInfo } from './api';
import { useReportText } from './i18n';
import { PhoneField, RobotTrap } from './FormParts';
import { isPhone, normalizePhone } from './phone';

/** As the server's limit (domain/volunteers/wishes.ts WISH_TEXT_MAX), counted in characters. */
const WISH_MAX = 120;
/** A mainland mobile or an 18-digit ID in the text: the server refuses it, so say so before sending. */
const PERSONAL_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<![\dXx])\d{17}[\dXx](?![\dXx])/;

/**
 * 微心愿 from the QR page: a short wish for this compound (and building), which volunteers can
 * claim. The text is seen by volunteers, so it must carry no phone number; a phone left in its
 * own field goes to the community's workers only.
 */
export function WishForm({ compound, buildingId }: { compound: CompoundInfo; buildingId: string | null }) {
  const { t } = useReportText();
  const ids = { text: useId(), count: useId(), phone: useId(), phoneHint: useId() };
  const [text, setText] = useState('');
  const [phone, setPhone] = useState('');
  const [website, setWebsite] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const count = [...text.trim()].length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (count === 0) return setProblem(t('report.wishEmpty'));
    if (count > WISH_MAX) return setProblem(t('report.tooLong', { max: WISH_MAX }));
    if (PERSONAL_NUMBER.test(text)) return setProblem(t('report.wishNoNumbers'));
    if (phone.trim() && !isPhone(phone)) return setProblem(t('report.badPhone'));
    setProblem(null);
    setSending(true);
    intakeApi
      .wish({
        compound_id: compound.id,
        ...(buildingId ? { building_id: buildingId } : {}),
        text: text.trim(),
        ...(phone.trim() ? { phone: normalizePhone(phone) } : {}),
        website,
      })
      .then((answer) => setDone(answer.wish_id))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 429) setProblem(t('report.tooMany'));
        else if (error instanceof ApiError && error.status === 0) setProblem(t('report.loadFailed'));
        else setProblem(t('report.failed', { message: error instanceof Error ? error.message : String(error) }));
      })
      .finally(() => setSending(false));
  };

  if (done) {
    return (
      <section className="report-done" aria-labelledby="wish-done-title">
        <h2 id="wish-done-title" ref={doneRef} tabIndex={-1}>
          {t('report.wishDoneTitle')}
        </h2>
        <p>{t('report.wishDoneText')}</p>
        <p className="report-hint" data-testid="wish-id">
          {t('report.wishDoneId', { id: done })}
        </p>
        <button
          type="button"
          className="report-secondary"
          onClick={() => {
            setDone(null);
            setText('');
          }}
        >
          {t('report.wishAnother')}
        </button>
      </section>
    );
  }

  return (
    <form className="report-form" onSubmit={submit} noValidate>
      <section>
        <h2>
          <label htmlFor={ids.text}>{t('report.wishText')}</label>
        </h2>
        <textarea
          id={ids.text}
          value={text}
          rows={3}
          maxLength={WISH_MAX + 50}
          placeholder={t('report.wishHint')}
          aria-describedby={ids.count}
          aria-invalid={problem !== null || count > WISH_MAX}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={ids.count} className={count > WISH_MAX ? 'report-count over' : 'report-count'}>
          {t('report.textCount', { count, max: WISH_MAX })}
        </p>
      </section>
      <section>
        <PhoneField id={ids.phone} hintId={ids.phoneHint} label="report.wishPhone" hint="report.wishPhoneHint" value={phone} onChange={setPhone} />
      </section>
      <RobotTrap value={website} onChange={setWebsite} />
      {problem && (
        <p className="report-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="report-primary" disabled={sending} aria-busy={sending}>
        {sending ? t('report.sending') : t('report.wishSend')}
      </button>
    </form>
  );
}
