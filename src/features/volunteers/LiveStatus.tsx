import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { useStore } from '../../store';
import { formatClock } from './format';
import './messages';

/** With `?refresh=`: how often the data is re-read, when it last worked, and why the last read failed. */
export function LiveStatus() {
  const { live, lang, active } = useStore(useShallow((s) => ({ live: s.live, lang: s.lang, active: s.live.dataset === s.dataset })));
  const t = useT();
  if (!active || live.intervalS === null) return null;
  return (
    <div className="live-status" role="status">
      <p className="hint">
        {t('volunteers.live.every', { seconds: live.intervalS })}
        {live.updatedAt !== null && ` · ${t('volunteers.live.updated', { time: formatClock(lang, live.updatedAt) })}`}
      </p>
      {live.error && (
        <p className="notice-inline" data-testid="live-error">
          {t('volunteers.live.failed', {
            failed: live.failedAt ? formatClock(lang, live.failedAt) : '',
            time: live.updatedAt ? formatClock(lang, live.updatedAt) : t('volunteers.live.initial'),
          })}
          <span className="live-reason">{live.error}</span>
        </p>
      )}
    </div>
  );
}
