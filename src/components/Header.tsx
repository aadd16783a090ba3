import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDate } from '../i18n';
import { useStore } from '../store';
import { LanguageSwitch } from './LanguageSwitch';
import { OpenDataButton } from './OpenDataButton';
import { ProblemsBadge } from './ProblemsPanel';
import { useT } from './useT';

/** Title, dataset name and date, the illustrative-data label, and the actions (plus a view's own). */
export function Header({ actions }: { actions?: ReactNode }) {
  const { manifest, lang } = useStore(useShallow((s) => ({ manifest: s.dataset?.manifest, lang: s.lang })));
  const t = useT();
  const datasetName = manifest ? (lang === 'en' ? manifest.name.en ?? manifest.name.zh : manifest.name.zh) : '';
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{t('app.title')}</h1>
        {datasetName && <span className="dataset-name">{datasetName}</span>}
        {manifest?.synthetic && (
          <span className="synthetic-badge" title={t('data.syntheticLong')}>
            {t('data.synthetic')}
          </span>
        )}
        {manifest?.dataAsOf && <span className="as-of">{t('data.asOf', { date: formatDate(lang, manifest.dataAsOf) })}</span>}
      </div>
      <div className="app-actions">
        {actions}
        <ProblemsBadge />
        <OpenDataButton />
        <LanguageSwitch />
      </div>
    </header>
  );
}
