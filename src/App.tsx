import { useState } from 'react';
import { useStore } from './store';
import { Attribution } from './components/Attribution';
import { FatalError } from './components/FatalError';
import { Header } from './components/Header';
import { InfoCard } from './components/InfoCard';
import { Legend, LayerToggles } from './components/LayerPanel';
import { Notices } from './components/Notices';
import { ProblemsPanel } from './components/ProblemsPanel';
import { useT } from './components/useT';
import { CirclesPanel } from './features/resident/CirclesPanel';
import { ElderSwitch } from './features/resident/ElderSwitch';
import { NearestList } from './features/resident/NearestList';
import { PlaceSearch } from './features/resident/PlaceSearch';
import { MapView } from './map/MapView';

export function App() {
  const status = useStore((s) => s.status);
  const elder = useStore((s) => s.profile === 'elder');
  const t = useT();
  const [sheetOpen, setSheetOpen] = useState(false);
  return (
    <div className={elder ? 'app elder' : 'app'}>
      <Header actions={<ElderSwitch />} />
      <Notices />
      <main className="app-main">
        <aside className={sheetOpen ? 'side-panel sheet-open' : 'side-panel'} aria-label={t('app.subtitle')}>
          <button type="button" className="sheet-handle" aria-expanded={sheetOpen} onClick={() => setSheetOpen((o) => !o)}>
            <span aria-hidden="true" className="sheet-grip" />
            {t(sheetOpen ? 'sheet.collapse' : 'sheet.expand')}
          </button>
          {status === 'loading' && <p className="panel-section" role="status">{t('app.loading')}</p>}
          {status === 'ready' && (
            <>
              <PlaceSearch />
              <InfoCard />
              <CirclesPanel />
              <NearestList />
              <LayerToggles />
              <Legend />
            </>
          )}
        </aside>
        <div className="map-wrap">
          {status === 'failed' ? <FatalError /> : <MapView />}
          <Attribution />
        </div>
      </main>
      <ProblemsPanel />
    </div>
  );
}
