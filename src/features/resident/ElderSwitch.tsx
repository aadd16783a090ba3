import { useStore } from '../../store';
import { useT } from '../../components/useT';

/** Elder mode: large type, high contrast, 45 m/min and routes avoiding steps, in one switch. */
export function ElderSwitch() {
  const profile = useStore((s) => s.profile);
  const setProfile = useStore((s) => s.setProfile);
  const t = useT();
  const on = profile === 'elder';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className={on ? 'btn switch on' : 'btn switch'}
      title={t('elder.hint')}
      onClick={() => setProfile(on ? 'standard' : 'elder')}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {t('elder.switch')}
    </button>
  );
}
