import { useId, useState, type FormEvent } from 'react';
import { ApiError, intakeApi, type Tracked } from './api';
import { useReportText } from './i18n';

/** 1–5 stars and an optional comment, for the holder of the tracking code once the outcome is public. */
export function RatingForm({ code, onRated }: { code: string; onRated(next: Tracked): void }) {
  const { t } = useReportText();
  const ids = { legend: useId(), comment: useId() };
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === null || sending) return;
    setSending(true);
    setError(null);
    intakeApi
      .rate(code, rating, comment.trim())
      .then(onRated)
      .catch((e: unknown) => setError(t('track.rateFailed', { message: e instanceof ApiError ? e.message : String(e) })))
      .finally(() => setSending(false));
  };
  return (
    <form className="track-rate" onSubmit={submit}>
      <h2>{t('track.rateTitle')}</h2>
      <fieldset>
        <legend id={ids.legend}>{t('track.ratingLegend')}</legend>
        <div className="track-stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={rating !== null && n <= rating ? 'track-star on' : 'track-star'}>
              <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} aria-label={t('track.rating', { n })} />
              <span aria-hidden="true">★</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor={ids.comment}>{t('track.comment')}</label>
      <textarea id={ids.comment} rows={3} maxLength={500} value={comment} onChange={(event) => setComment(event.target.value)} />
      {error && (
        <p className="report-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="report-primary" disabled={rating === null || sending}>
        {t('track.rateSend')}
      </button>
    </form>
  );
}
