import { useStore } from '../store';
import { MODES, type Mode } from '../store/url';
import type { MessageKey } from '../i18n';
import { useT } from './useT';

const LABEL: Record<Mode, MessageKey> = { resident: 'mode.resident', planner: 'mode.planner', volunteers: 'mode.volunteers', hall: 'mode.hall' };

/** Switches between the views of the same map; the choice is kept in the URL (`?mode=`). */
export function ModeTabs() {
  const mode = useStore((s) => s.mode);
  const setMode = useStore((s) => s.setMode);
  const t = useT();
  return (
    <nav className="mode-tabs" aria-label={t('mode.label')}>
      {MODES.map((m) => (
        <button
          key={m}
          type="button"
          className={m === mode ? 'mode-tab active' : 'mode-tab'}
          aria-current={m === mode ? 'page' : undefined}
          onClick={() => setMode(m)}
        >
          {t(LABEL[m])}
        </button>
      ))}
    </nav>
  );
}
