import { useT } from '../../components/useT';
import type { MessageKey } from '../../i18n';
import './messages';

/** What the volunteers overlay's colours mean (the stage colours are listed with the stage counts). */
const KEYS: { className: string; key: MessageKey }[] = [
  { className: 'key-covered', key: 'volunteers.key.covered' },
  { className: 'key-uncovered', key: 'volunteers.key.uncovered' },
  { className: 'key-volunteer', key: 'volunteers.key.volunteer' },
  { className: 'key-overdue', key: 'volunteers.key.overdue' },
  { className: 'key-gap', key: 'volunteers.key.gap' },
];

export function MapKey() {
  const t = useT();
  return (
    <ul className="map-key" aria-label={t('volunteers.key.title')}>
      {KEYS.map(({ className, key }) => (
        <li key={key}>
          <span className={`key-swatch ${className}`} aria-hidden="true" />
          {t(key)}
        </li>
      ))}
    </ul>
  );
}
