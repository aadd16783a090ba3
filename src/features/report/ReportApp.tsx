import { useMemo } from 'react';
import { makeT, ReportTextContext, type ReportKey, type ReportLang } from './i18n';
import { otherLangHref } from './links';
import { PostersPage } from './PostersPage';
import { ReportPage } from './ReportPage';
import { TrackPage } from './TrackPage';
import { VotePage } from './VotePage';

export type ReportRoute =
  | { page: 'report'; compound: string | null; building?: string | null }
  | { page: 'track'; code: string | null; id: string | null }
  | { page: 'posters' }
  | { page: 'vote'; id: string | null; code: string | null };

/** Which of the pages a URL asks for (all share this light build). */
export function routeOf(location: Pick<Location, 'pathname' | 'search'> & { hash?: string }): ReportRoute {
  const query = new URLSearchParams(location.search);
  const path = location.pathname.replace(/\/+$/, '');
  if (path.endsWith('/track')) return { page: 'track', code: query.get('code'), id: query.get('id') };
  if (path.endsWith('/posters')) return { page: 'posters' };
  // A slip's QR carries the code in the fragment (#code=…): browsers never send it, so no server log holds it.
  if (path.endsWith('/vote')) return { page: 'vote', id: query.get('id'), code: new URLSearchParams((location.hash ?? '').replace(/^#/, '')).get('code') };
  return { page: 'report', compound: query.get('compound'), building: query.get('building') };
}

const TITLES: Record<ReportRoute['page'], { heading: ReportKey; document: ReportKey }> = {
  report: { heading: 'report.title', document: 'report.pageTitle' },
  track: { heading: 'track.title', document: 'track.pageTitle' },
  posters: { heading: 'posters.title', document: 'posters.pageTitle' },
  vote: { heading: 'vote.title', document: 'vote.pageTitle' },
};

export function ReportApp({
  route,
  lang,
  href,
  resizePhoto,
}: {
  route: ReportRoute;
  lang: ReportLang;
  href: string;
  resizePhoto?: (file: Blob) => Promise<string>;
}) {
  const text = useMemo(() => ({ lang, t: makeT(lang) }), [lang]);
  const { t } = text;
  return (
    <ReportTextContext.Provider value={text}>
      <div className={`report-app page-${route.page}`}>
        <header className="report-header">
          <h1>{t(TITLES[route.page].heading)}</h1>
          <a className="report-lang" href={otherLangHref(href, lang)} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
            {t('report.language')}
          </a>
        </header>
        <main>
          {route.page === 'report' && <ReportPage compoundId={route.compound} buildingId={route.building} resizePhoto={resizePhoto} />}
          {route.page === 'track' && <TrackPage code={route.code} id={route.id} />}
          {route.page === 'posters' && <PostersPage origin={new URL(href).origin} />}
          {route.page === 'vote' && <VotePage id={route.id} code={route.code} />}
        </main>
      </div>
    </ReportTextContext.Provider>
  );
}

export const documentTitleKey = (route: ReportRoute): ReportKey => TITLES[route.page].document;
