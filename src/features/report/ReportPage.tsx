import { useCallback, useEffect, useState } from 'react';
import { ApiError, intakeApi, type BuildingSummary, type CompoundInfo, type Filed, type IntakeService } from './api';
import { useReportText } from './i18n';
import { ReportDone } from './ReportDone';
import { ReportForm } from './ReportForm';
import { WishForm } from './WishForm';

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'failed' }
  | { state: 'ready'; compound: CompoundInfo; services: IntakeService[]; building: BuildingSummary | null };

/**
 * `/report?compound=<id>[&building=<id>]`: the page a compound's (or a building's) QR code
 * opens. A building that is not one of the compound's is left out, never a reason not to report.
 */
export function ReportPage({
  compoundId,
  buildingId = null,
  resizePhoto,
}: {
  compoundId: string | null;
  buildingId?: string | null;
  resizePhoto?: (file: Blob) => Promise<string>;
}) {
  const { lang, t } = useReportText();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [filed, setFiled] = useState<Filed | null>(null);
  const [round, setRound] = useState(0);
  const [kind, setKind] = useState<'report' | 'wish'>('report');
  const load = useCallback(() => {
    if (!compoundId) return Promise.resolve<Loaded>({ state: 'missing' });
    const building = buildingId
      ? intakeApi.buildings(compoundId).then(
          (list) => list.find((b) => b.id === buildingId) ?? null,
          () => null,
        )
      : Promise.resolve(null);
    return Promise.all([intakeApi.compound(compoundId), intakeApi.services(), building])
      .then(([compound, services, found]): Loaded => ({ state: 'ready', compound, services, building: found }))
      .catch((error: unknown): Loaded => (error instanceof ApiError && error.status === 404 ? { state: 'missing' } : { state: 'failed' }));
  }, [compoundId, buildingId]);
  useEffect(() => {
    let live = true;
    void load().then((next) => live && setLoaded(next));
    return () => {
      live = false;
    };
  }, [load]);

  if (loaded.state === 'loading') return <p role="status">{t('report.loading')}</p>;
  if (loaded.state === 'missing')
    return (
      <p className="report-error" role="alert">
        {t('report.noCompound')}
      </p>
    );
  if (loaded.state === 'failed') {
    return (
      <div role="alert" className="report-error">
        <p>{t('report.loadFailed')}</p>
        <button type="button" className="report-secondary" onClick={() => void load().then(setLoaded)}>
          {t('report.retry')}
        </button>
      </div>
    );
  }
  const { compound, services, building } = loaded;
  return (
    <>
      <p className="report-where-from">
        <strong>{compound.name[lang]}</strong>
        {building && <strong> · {building.name[lang]}</strong>}
        {compound.community && <span> · {compound.community.name[lang]}</span>}
      </p>
      {filed ? (
        <ReportDone
          filed={filed}
          onAnother={() => {
            setFiled(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <>
          <div className="report-kind" role="group" aria-label={t('report.kindLabel')}>
            {(['report', 'wish'] as const).map((k) => (
              <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
                {t(k === 'report' ? 'report.kindReport' : 'report.kindWish')}
              </button>
            ))}
          </div>
          {kind === 'report' ? (
            <>
              <p className="report-intro">{t('report.intro')}</p>
              <ReportForm key={round} compound={compound} buildingId={building?.id ?? null} services={services} onFiled={setFiled} resizePhoto={resizePhoto} />
            </>
          ) : (
            <>
              <p className="report-intro">{t('report.wishIntro')}</p>
              <WishForm compound={compound} buildingId={building?.id ?? null} />
            </>
          )}
        </>
      )}
    </>
  );
}
