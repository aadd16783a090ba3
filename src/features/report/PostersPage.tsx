import { useEffect, useState } from 'react';
import { intakeApi, type BuildingSummary, type CompoundSummary, type Named } from './api';
import { useReportText } from './i18n';

/** The address a poster carries: the intake page with its compound (and building) preselected. */
export function reportUrl(origin: string, compoundId: string, buildingId?: string): string {
  const building = buildingId ? `&building=${encodeURIComponent(buildingId)}` : '';
  return `${origin}/report?compound=${encodeURIComponent(compoundId)}${building}`;
}

interface Poster {
  key: string;
  compound: CompoundSummary;
  building: { id: string; name: Named } | null;
}

/** One poster per building where the dataset has buildings (a QR per stairwell), else one per compound. */
function postersOf(compounds: readonly CompoundSummary[], buildings: readonly BuildingSummary[]): Poster[] {
  const byCompound = new Map<string, BuildingSummary[]>();
  for (const b of buildings) byCompound.set(b.compound_id, [...(byCompound.get(b.compound_id) ?? []), b]);
  return compounds.flatMap((c): Poster[] => {
    const own = byCompound.get(c.id);
    if (!own?.length) return [{ key: c.id, compound: c, building: null }];
    return own.map((b) => ({ key: b.id, compound: c, building: { id: b.id, name: b.name } }));
  });
}

/**
 * `/posters`: one A4 poster per building (or per compound, for a dataset without buildings),
 * all at once, for staff to print and put up at gates and stairwells (民情二维码). Names and a
 * QR code only: nothing personal.
 */
export function PostersPage({ origin }: { origin: string }) {
  const { lang, t } = useReportText();
  const [list, setList] = useState<{ compounds: CompoundSummary[]; cycle_days: number; buildings: BuildingSummary[] } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    // Without the building list (an older server), the compounds' posters still print.
    const buildings = intakeApi.buildings().catch(() => []);
    Promise.all([intakeApi.compounds(), buildings]).then(
      ([c, b]) => setList({ ...c, buildings: b }),
      () => setFailed(true),
    );
  }, []);
  if (failed)
    return (
      <p className="report-error" role="alert">
        {t('report.loadFailed')}
      </p>
    );
  if (!list) return <p role="status">{t('report.loading')}</p>;
  const { compounds, cycle_days: days } = list;
  const posters = postersOf(compounds, list.buildings);
  const perBuilding = posters.some((p) => p.building);
  return (
    <>
      <div className="posters-tools">
        <p>
          {perBuilding ? t('posters.introBuildings', { count: posters.length, compounds: compounds.length }) : t('posters.intro', { count: compounds.length })}
        </p>
        <button type="button" className="report-primary" onClick={() => window.print()}>
          {t('posters.print')}
        </button>
      </div>
      <div className="posters">
        {posters.map(({ key, compound: c, building: b }) => (
          <article key={key} className="poster" aria-label={b ? `${c.name[lang]} ${b.name[lang]}` : c.name[lang]}>
            <p className="poster-heading">{t('posters.heading')}</p>
            <h2 className="poster-name">{c.name[lang]}</h2>
            {b && <p className="poster-building">{b.name[lang]}</p>}
            {c.community && <p className="poster-community">{c.community.name[lang]}</p>}
            <PosterQr url={reportUrl(origin, c.id, b?.id)} alt={t('posters.qrAlt', { name: b ? b.name[lang] : c.name[lang] })} />
            <p className="poster-scan">{t('posters.scan')}</p>
            <p className="poster-promise">{t('posters.promise', { days })}</p>
            <p className="poster-steps">{t('posters.steps')}</p>
            <p className="poster-small">{t('posters.noLogin')}</p>
            <p className="poster-url">{t('posters.url', { url: reportUrl(origin, c.id, b?.id) })}</p>
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
