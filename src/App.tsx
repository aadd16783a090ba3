import { useState } from 'react';
import { useStore } from './store';
import { Attribution } from './components/Attribution';
import { FatalError } from './components/FatalError';
import { Header } from './components/Header';
import { InfoCard } from './components/InfoCard';
import { Legend, LayerToggles } from './components/LayerPanel';
import { ModeTabs } from './components/ModeTabs';
import { Notices } from './components/Notices';
import { ProblemsPanel } from './components/ProblemsPanel';
import { useT } from './components/useT';
import { HallView } from './features/hall/HallView';
import { PlannerPanel } from './features/planner/PlannerPanel';
import { CirclesPanel } from './features/resident/CirclesPanel';
import { ElderSwitch } from './features/resident/ElderSwitch';
import { NearestList } from './features/resident/NearestList';
import { PlaceSearch } from './features/resident/PlaceSearch';
import { VolunteersPanel } from './features/volunteers/VolunteersPanel';
import { MapView } from './map/MapView';

/** The side panel of each view; the map and the layers are shared. */
function ModePanel() {
  const mode = useStore((s) => s.mode);
  switch (mode) {
    case 'planner':
      return <PlannerPanel />;
    case 'volunteers':
      return <VolunteersPanel />;
    default:
      return (
        <>
          <PlaceSearch />
          <InfoCard />
          <CirclesPanel />
          <NearestList />
        </>
      );
  }
}

export function App() {
  const status = useStore((s) => s.status);
  const mode = useStore((s) => s.mode);
  const elder = useStore((s) => s.profile === 'elder');
  const t = useT();
  const [sheetOpen, setSheetOpen] = useState(false);
  if (mode === 'hall') return <HallView />;
  return (
    <div className={elder && mode === 'resident' ? 'app elder' : 'app'}>
      <Header primary={mode === 'resident' && <ElderSwitch />} actions={<ModeTabs />} />
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
              <ModePanel />
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
