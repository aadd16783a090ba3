import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';
import { useT } from './useT';

/** Dataset sources and licences, always visible, as plain text (never HTML). */
export function Attribution() {
  const { manifest } = useStore(useShallow((s) => ({ manifest: s.dataset?.manifest })));
  const t = useT();
  if (!manifest) return null;
  return (
    <footer className="attribution" aria-label={t('data.source')}>
      {manifest.synthetic && <strong className="synthetic-inline">{t('data.synthetic')} · </strong>}
      {manifest.sources.map((source, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {source.attribution ?? source.name}
          {source.licence && !(source.attribution ?? source.name).includes(source.licence) && ` (${source.licence})`}
        </span>
      ))}
      <span className="attribution-extra"> · {t('map.attribution')}</span>
    </footer>
  );
}
