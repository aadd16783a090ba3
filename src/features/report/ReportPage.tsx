import { useCallback, useEffect, useState } from 'react';
import { ApiError, intakeApi, type CompoundInfo, type Filed, type IntakeService } from './api';
import { useReportText } from './i18n';
import { ReportDone } from './ReportDone';
import { ReportForm } from './ReportForm';

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'failed' } | { state: 'ready'; compound: CompoundInfo; services: IntakeService[] };

/** `/report?compound=<id>`: the page a compound's QR code opens. */
export function ReportPage({ compoundId, resizePhoto }: { compoundId: string | null; resizePhoto?: (file: Blob) => Promise<string> }) {
  const { lang, t } = useReportText();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [filed, setFiled] = useState<Filed | null>(null);
  const [round, setRound] = useState(0);
  const load = useCallback(() => {
    if (!compoundId) return Promise.resolve<Loaded>({ state: 'missing' });
    return Promise.all([intakeApi.compound(compoundId), intakeApi.services()])
      .then(([compound, services]): Loaded => ({ state: 'ready', compound, services }))
      .catch((error: unknown): Loaded => (error instanceof ApiError && error.status === 404 ? { state: 'missing' } : { state: 'failed' }));
  }, [compoundId]);
  useEffect(() => {
    let live = true;
    void load().then((next) => live && setLoaded(next));
    return () => {
      live = false;
    };
  }, [load]);

  if (loaded.state === 'loading') return <p role="status">{t('report.loading')}</p>;
  if (loaded.state === 'missing') return <p className="report-error" role="alert">{t('report.noCompound')}</p>;
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
  const { compound, services } = loaded;
  return (
    <>
      <p className="report-where-from">
        <strong>{compound.name[lang]}</strong>
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
          <p className="report-intro">{t('report.intro')}</p>
          <ReportForm key={round} compound={compound} services={services} onFiled={setFiled} resizePhoto={resizePhoto} />
        </>
      )}
    </>
  );
}
