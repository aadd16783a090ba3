import { useT } from '../../components/useT';
import { MapView } from '../../map/MapView';

/** The unattended service-hall screen (issue: service-hall screen). */
export function HallView() {
  const t = useT();
  return (
    <div className="hall">
      <h1>{t('hall.title')}</h1>
      <div className="map-wrap">
        <MapView />
      </div>
    </div>
  );
}
