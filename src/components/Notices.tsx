import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';
import { useT } from './useT';

/** Notices about URL values that fell back to defaults and similar; dismissible. */
export function Notices() {
  const { notices, dismiss, hasNetwork, ready, source, path } = useStore(
    useShallow((s) => ({
      notices: s.notices,
      dismiss: s.dismissNotice,
      hasNetwork: Boolean(s.dataset?.network),
      ready: s.status === 'ready',
      source: s.source,
      path: s.sourceLabel,
    })),
  );
  const t = useT();
  // Data that is not the deployment's own is announced for as long as it is shown (no close button).
  const otherData = ready && source !== null && !source.isDefault;
  if (notices.length === 0 && (!ready || hasNetwork) && !otherData) return null;
  return (
    <div className="notices" role="status">
      {otherData && (
        <p className="notice notice-source" data-testid="data-source-notice">
          {t('data.notDefault', { host: source.host, path })}
        </p>
      )}
      {ready && !hasNetwork && <p className="notice">{t('notice.noNetwork')}</p>}
      {notices.map((notice, i) => (
        <p key={i} className="notice">
          {t(notice.key, notice.vars)}
          <button type="button" className="btn btn-small" onClick={() => dismiss(i)}>
            {t('common.close')}
          </button>
        </p>
      ))}
    </div>
  );
}
