import { useEffect, useState } from 'react';
import { isIntakeService } from '../../domain/intake/services';
import { ApiError, intakeApi, type Tracked } from './api';
import { formatDate, formatDateTime, useReportText } from './i18n';
import { groupedCode } from './links';
import { RatingForm } from './RatingForm';
import { StageSteps } from './StageSteps';
import { VoteResult } from './VoteResult';

/** How often the page asks again (ms): a stage changes in hours or days, and a phone's battery matters. */
export const TRACK_POLL_MS = 10_000;

type State = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; tracked: Tracked; at: number; stale: boolean };

/**
 * `/track?code=…` (the resident who filed it: may rate) or `/track?id=…` (a neighbour who
 * follows it). Polls while open; keeps showing the last answer when the network drops.
 */
export function TrackPage({ code, id }: { code: string | null; id: string | null }) {
  const { lang, t } = useReportText();
  const [view, setView] = useState<State>({ state: 'loading' });
  useEffect(() => {
    if (!code && !id) return;
    let live = true;
    const poll = () => {
      (code ? intakeApi.trackByCode(code) : intakeApi.trackById(id!))
        .then((tracked) => live && setView({ state: 'ready', tracked, at: Date.now(), stale: false }))
        .catch((error: unknown) => {
          if (!live) return;
          if (error instanceof ApiError && error.status === 404) setView({ state: 'missing' });
          else setView((v) => (v.state === 'ready' ? { ...v, stale: true } : { state: 'missing' }));
        });
    };
    poll();
    const timer = setInterval(poll, TRACK_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [code, id]);

  if (!code && !id) return <LookupForm />;
  if (view.state === 'loading') return <p role="status">{t('report.loading')}</p>;
  if (view.state === 'missing') {
    return (
      <>
        <p className="report-error" role="alert">
          {t('track.notFound')}
        </p>
        <LookupForm />
      </>
    );
  }
  const { tracked } = view;
  return (
    <section className="track" aria-live="polite">
      <p className="track-meta">
        {code ? <span className="report-code small">{groupedCode(code)}</span> : null}
        <span>{t('track.request', { id: tracked.service_request_id })}</span>
        <span>{t('track.service', { service: t(serviceKey(tracked.service_code)) })}</span>
        <span>{t('track.filed', { date: formatDateTime(lang, tracked.requested) })}</span>
        {tracked.status === 'open' && tracked.expected && <span>{t('track.expected', { date: formatDate(lang, tracked.expected) })}</span>}
      </p>
      <StageSteps tracked={tracked} />
      {tracked.votes?.length ? (
        <section className="track-votes" aria-label={t('track.votes')}>
          <h2>{t('track.votes')}</h2>
          {tracked.votes.map((v) => (
            <VoteResult key={v.id} vote={v} heading="h3" />
          ))}
        </section>
      ) : null}
      {tracked.rating !== null && <p className="track-rated">{t('track.rated', { n: tracked.rating })}</p>}
      {code && tracked.can_rate && <RatingForm code={code} onRated={(next) => setView({ state: 'ready', tracked: next, at: Date.now(), stale: false })} />}
      <p className="report-hint">{view.stale ? t('track.stale', { time: formatDateTime(lang, new Date(view.at).toISOString()) }) : t('track.auto')}</p>
    </section>
  );
}

/** A request filed by staff may carry a code the intake page does not offer: shown as 其他. */
const serviceKey = (code: string) => `report.service.${isIntakeService(code) ? code : 'other'}` as const;

function LookupForm() {
  const { lang, t } = useReportText();
  return (
    <form className="track-lookup" method="get" action="/track">
      <label htmlFor="track-code">{t('track.lookup')}</label>
      <input id="track-code" name="code" autoComplete="off" autoCapitalize="characters" required maxLength={20} />
      {lang === 'en' && <input type="hidden" name="lang" value="en" />}
      <button type="submit" className="report-primary">
        {t('track.lookupButton')}
      </button>
    </form>
  );
}
