import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { langOf, LOCALE, makeT } from './i18n';
import { documentTitleKey, ReportApp, routeOf } from './ReportApp';
import './report.css';

/**
 * Entry of the residents' phone pages (report.html): the QR intake form, the tracking page and
 * the staff's posters. A separate build input from the app: no map, no app store, no workers.
 */
const route = routeOf(window.location);
const lang = langOf(window.location.search);
document.documentElement.lang = LOCALE[lang];
document.title = makeT(lang)(documentTitleKey(route));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ReportApp route={route} lang={lang} href={window.location.href} />
    </StrictMode>,
  );
}
