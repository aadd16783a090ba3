import { useEffect, useState } from 'react';
import { intakeApi, type CompoundSummary } from './api';
import { useReportText } from './i18n';

/** The address a compound's poster carries: the intake page with that compound preselected. */
export function reportUrl(origin: string, compoundId: string): string {
  return `${origin}/report?compound=${encodeURIComponent(compoundId)}`;
}

/**
 * `/posters`: one A4 poster per compound, all at once, for staff to print and put up at
 * gates and stairwells (民情二维码). Names and a QR code only: nothing personal.
 */
export function PostersPage({ origin }: { origin: string }) {
  const { lang, t } = useReportText();
  const [list, setList] = useState<{ compounds: CompoundSummary[]; cycle_days: number } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    intakeApi.compounds().then(setList, () => setFailed(true));
  }, []);
  if (failed) return <p className="report-error" role="alert">{t('report.loadFailed')}</p>;
  if (!list) return <p role="status">{t('report.loading')}</p>;
  const { compounds, cycle_days: days } = list;
  return (
    <>
      <div className="posters-tools">
        <p>{t('posters.intro', { count: compounds.length })}</p>
        <button type="button" className="report-primary" onClick={() => window.print()}>
          {t('posters.print')}
        </button>
      </div>
      <div className="posters">
        {compounds.map((c) => (
          <article key={c.id} className="poster" aria-label={c.name[lang]}>
            <p className="poster-heading">{t('posters.heading')}</p>
            <h2 className="poster-name">{c.name[lang]}</h2>
            {c.community && <p className="poster-community">{c.community.name[lang]}</p>}
            <PosterQr url={reportUrl(origin, c.id)} alt={t('posters.qrAlt', { name: c.name[lang] })} />
            <p className="poster-scan">{t('posters.scan')}</p>
            <p className="poster-promise">{t('posters.promise', { days })}</p>
            <p className="poster-steps">{t('posters.steps')}</p>
            <p className="poster-small">{t('posters.noLogin')}</p>
            <p className="poster-url">{t('posters.url', { url: reportUrl(origin, c.id) })}</p>
          </article>
        ))}
      </div>
    </>
  );
}

/** A QR code drawn as an SVG image (never markup); the library loads only on this page. */
function PosterQr({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then(({ default: QRCode }) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  return <div className="poster-qr">{src ? <img src={src} alt={alt} data-url={url} /> : null}</div>;
}
