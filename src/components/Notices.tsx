import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';
import { useT } from './useT';

/** Notices about URL values that fell back to defaults and similar; dismissible. */
export function Notices() {
  const { notices, dismiss, hasNetwork, ready } = useStore(
    useShallow((s) => ({ notices: s.notices, dismiss: s.dismissNotice, hasNetwork: Boolean(s.dataset?.network), ready: s.status === 'ready' })),
  );
  const t = useT();
  if (notices.length === 0 && (!ready || hasNetwork)) return null;
  return (
    <div className="notices" role="status">
      {ready && !hasNetwork && <p className="notice">{t('notice.noNetwork')}</p>}
      {notices.map((notice, i) => (
        <p key={i} className="notice">
          {t(notice.key, notice.vars)}
          <button type="button" className="btn btn-small" onClick={() => dismiss(i)}>{t('common.close')}</button>
        </p>
      ))}
    </div>
  );
}
