import type { NearbyRequest } from './api';
import { formatAgo, useReportText } from './i18n';
import { trackHref } from './links';

/** "已有人反映…": open requests of the same service within 50 m, each with a link to follow it. */
export function NearbyNotice({ requests, nowMs }: { requests: readonly NearbyRequest[]; nowMs: number }) {
  const { lang, t } = useReportText();
  if (requests.length === 0) return null;
  return (
    <section className="report-nearby" aria-labelledby="report-nearby-title">
      <h2 id="report-nearby-title">{t('report.nearbyTitle')}</h2>
      <p>{t('report.nearbyIntro', { count: requests.length })}</p>
      <ul>
        {requests.map((r) => (
          <li key={r.service_request_id}>
            <span>{t('report.nearbyItem', { stage: t(`report.stage.${r.stage}`), ago: formatAgo(t, r.requested, nowMs), metres: r.distance_m })}</span>
            <a className="report-follow" href={trackHref({ id: r.service_request_id }, lang)}>
              {t('report.nearbyFollow')}
            </a>
          </li>
        ))}
      </ul>
      <p className="report-hint">{t('report.nearbyStill')}</p>
    </section>
  );
}
