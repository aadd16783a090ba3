import { useEffect, useRef } from 'react';
import type { Filed } from './api';
import { useReportText } from './i18n';
import { groupedCode, trackHref } from './links';

/** After sending: the tracking code, large, with the advice to keep it and the way to the tracking page. */
export function ReportDone({ filed, onAnother }: { filed: Filed; onAnother(): void }) {
  const { lang, t } = useReportText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="report-done" aria-labelledby="report-done-title">
      <h2 id="report-done-title" ref={headingRef} tabIndex={-1}>
        {t('report.doneTitle')}
      </h2>
      <p className="report-code-label">{t('report.doneCode')}</p>
      <p className="report-code" data-testid="tracking-code" data-code={filed.tracking_code}>
        {groupedCode(filed.tracking_code)}
      </p>
      <p>{t('report.doneKeep')}</p>
      <a className="report-primary" href={trackHref({ code: filed.tracking_code }, lang)}>
        {t('report.doneTrack')}
      </a>
      <button type="button" className="report-secondary" onClick={onAnother}>
        {t('report.doneAnother')}
      </button>
    </section>
  );
}
