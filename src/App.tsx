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
import { NearestList } from './features/resident/NearestList';
import { MapView } from './map/MapView';

export function App() {
  const status = useStore((s) => s.status);
  const t = useT();
  return (
    <div className="app">
      <Header />
      <Notices />
      <main className="app-main">
        <aside className="side-panel" aria-label={t('app.subtitle')}>
          {status === 'loading' && <p className="panel-section" role="status">{t('app.loading')}</p>}
          {status === 'ready' && (
            <>
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
