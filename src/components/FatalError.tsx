import { useStore } from '../store';
import { OpenDataButton } from './OpenDataButton';
import { useT } from './useT';

/** Shown instead of the map when nothing usable could be loaded; names the file. */
export function FatalError() {
  const fatal = useStore((s) => s.fatal);
  const blockedHost = useStore((s) => s.blockedHost);
  const setProblemsOpen = useStore((s) => s.setProblemsOpen);
  const count = useStore((s) => s.problems.length);
  const t = useT();
  return (
    <div className="fatal" role="alert">
      <h2>{t('app.fatal.title')}</h2>
      <p className="fatal-message">{blockedHost ? t('data.blocked', { host: blockedHost }) : fatal}</p>
      <p>{t('app.fatal.hint')}</p>
      <div className="app-actions">
        <OpenDataButton />
        {count > 0 && (
          <button type="button" className="btn" onClick={() => setProblemsOpen(true)}>
            {t('problems.badge', { count })}
          </button>
        )}
      </div>
    </div>
  );
}
