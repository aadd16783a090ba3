import { useEffect, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../../components/useT';
import { useStore } from '../../../store';
import type { SandanList } from '../../../store/sandanSlice';
import { serverActive } from '../../../store/serverSlice';
import { NeedsList } from './NeedsList';
import { ProjectsList } from './ProjectsList';
import { ResourcesList } from './ResourcesList';
import { useSandanCsv, useSandanNames } from './names';
import './sandan.css';
import '../messages';

/** What a write said, for the status line: a message, or why it failed. */
export type Say = (message: string) => void;

/**
 * 三单制 in the volunteers view, for workers and grid leaders on the requests service: the
 * needs, resources and projects lists of their scope, each with a map toggle and a CSV file.
 */
export function SandanPanel() {
  const t = useT();
  const { shown, answer, error, layers, setLayer, refresh } = useStore(
    useShallow((s) => ({
      shown: serverActive(s) && s.staff !== null && s.staff.user.role !== 'volunteer',
      answer: s.sandan,
      error: s.sandanError,
      layers: s.sandanLayers,
      setLayer: s.setSandanLayer,
      refresh: s.refreshSandan,
    })),
  );
  const [message, setMessage] = useState<string | null>(null);
  const names = useSandanNames(answer);
  const csv = useSandanCsv(answer, names);
  useEffect(() => {
    if (shown) void refresh();
  }, [shown, refresh]);
  if (!shown) return null;

  const list = (name: SandanList, body: ReactNode) => {
    const title = t(`sandan.${name}`);
    return (
      <section className="sandan-list" aria-labelledby={`sandan-${name}`}>
        <div className="sandan-list-head">
          <h4 id={`sandan-${name}`}>{title}</h4>
          <label className="sandan-toggle">
            <input type="checkbox" checked={layers[name]} onChange={(e) => setLayer(name, e.target.checked)} aria-label={t('sandan.onMap', { list: title })} />
            {t('sandan.onMap', { list: '' }).trim()}
          </label>
          <button type="button" className="btn btn-small" disabled={!answer} onClick={() => csv(name)} aria-label={t('sandan.csv', { list: title })}>
            CSV
          </button>
        </div>
        {body}
      </section>
    );
  };

  return (
    <section className="panel-section sandan" aria-labelledby="sandan-title">
      <h3 id="sandan-title">{t('sandan.title')}</h3>
      <p className="hint">{t('sandan.intro')}</p>
      {error && <p className="error">{t('sandan.failed', { reason: error })}</p>}
      {message && (
        <p className="hint" role="status">
          {message}
        </p>
      )}
      {!answer ? (
        <p className="hint">{t('sandan.loading')}</p>
      ) : (
        <>
          {list('needs', <NeedsList answer={answer} names={names} say={setMessage} />)}
          {list('resources', <ResourcesList answer={answer} names={names} say={setMessage} />)}
          {list('projects', <ProjectsList answer={answer} names={names} say={setMessage} />)}
        </>
      )}
    </section>
  );
}
