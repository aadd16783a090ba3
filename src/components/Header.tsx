import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDate } from '../i18n';
import { useStore } from '../store';
import { LanguageSwitch } from './LanguageSwitch';
import { OpenDataButton } from './OpenDataButton';
import { ProblemsBadge } from './ProblemsPanel';
import { useT } from './useT';

export interface HeaderProps {
  /** Always in sight, on a phone too (the elder-mode switch). */
  primary?: ReactNode;
  /** A view's own actions (the view tabs); on a phone they go into the menu with data and language. */
  actions?: ReactNode;
}

/**
 * Title, dataset name and date, the illustrative-data label, and the actions. On a phone
 * (≤ 720 px) the header is one line: the view tabs, opening data and the language are
 * behind a menu button, so that the map and the resident's compound come first.
 */
export function Header({ primary, actions }: HeaderProps) {
  const { manifest, lang, mode } = useStore(useShallow((s) => ({ manifest: s.dataset?.manifest, lang: s.lang, mode: s.mode })));
  const t = useT();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const close = (focus: boolean) => {
    setOpen(false);
    if (focus) button.current?.focus();
  };
  // A choice made in the menu (another view, the other language) closes it.
  useEffect(() => setOpen(false), [mode, lang]);
  const datasetName = manifest ? (lang === 'en' ? (manifest.name.en ?? manifest.name.zh) : manifest.name.zh) : '';
  return (
    <header className="app-header" onKeyDown={(event) => open && event.key === 'Escape' && close(true)}>
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
      <div className="app-primary">
        {primary}
        <ProblemsBadge />
        <button ref={button} type="button" className="btn menu-button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true" className="menu-icon" />
          {t('menu.label')}
        </button>
      </div>
      <div id={menuId} className={open ? 'app-actions header-menu menu-open' : 'app-actions header-menu'}>
        {datasetName && <p className="menu-dataset">{datasetName}</p>}
        {actions}
        <OpenDataButton />
        <LanguageSwitch />
      </div>
    </header>
  );
}
