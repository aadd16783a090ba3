import { lazy, Suspense, useEffect, useState } from 'react';
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
import { CirclesPanel } from './features/resident/CirclesPanel';
import { ElderSwitch } from './features/resident/ElderSwitch';
import { NearestList } from './features/resident/NearestList';
import { PlaceSearch } from './features/resident/PlaceSearch';
import { LiteMap } from './map/LiteMap';
import { prefetchMapWorker } from './map/workerUrl';
import { parseUrlState } from './store/url';
import { walkingSession } from './workers/sessionClient';
import { nextTask } from './data/nextTask';

/*
 * Each view is its own chunk, and MapLibre another: a resident opening a shared link loads
 * neither the planner, the volunteers' ledger nor the hall, and sees its list of walking
 * minutes while the map is still on its way.
 */
const HallView = lazy(() => import('./features/hall/HallView').then((m) => ({ default: m.HallView })));
const PlannerPanel = lazy(() => import('./features/planner/PlannerPanel').then((m) => ({ default: m.PlannerPanel })));
const VolunteersPanel = lazy(() => import('./features/volunteers/VolunteersPanel').then((m) => ({ default: m.VolunteersPanel })));
const MapView = lazy(() => {
  // The map's worker script is fetched alongside the map's code, not after it; and the walking
  // session's worker starts now, so its script loads and runs while the dataset is still read.
  // Both a task after the render that asked for the map (each takes a part of a task, and that
  // render is a long one).
  void nextTask().then(() => {
    prefetchMapWorker();
    if (typeof Worker !== 'undefined') walkingSession();
  });
  return import('./map/MapView').then((m) => ({ default: m.MapView }));
});

/**
 * A shared link (a compound or a point) opened on a phone in the resident view starts with the
 * still map: what a resident who scanned a QR code reads, without MapLibre's bytes and start-up.
 */
function startsWithStillMap(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  const { mode, compound, at } = parseUrlState(window.location.search);
  // A phone: narrow and touched. A narrow desktop window (a mouse) gets the interactive map.
  return mode === 'resident' && (compound !== null || at !== null) && window.matchMedia('(max-width: 720px) and (pointer: coarse)').matches;
}

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
  const firstAnswer = useStore((s) => s.firstAnswer !== null);
  const firstAnswerPending = useStore((s) => s.firstAnswerPending);
  const t = useT();
  const [sheetOpen, setSheetOpen] = useState(false);
  const [still, setStill] = useState(startsWithStillMap);
  const [mapAsked, setMapAsked] = useState(false);
  useEffect(() => {
    // Every other view works on the map itself.
    if (mode !== 'resident') setStill(false);
  }, [mode]);
  if (mode === 'hall') {
    return (
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <HallView />
      </Suspense>
    );
  }
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
          {status === 'loading' && (
            <p className="panel-section" role="status">
              {t('app.loading')}
            </p>
          )}
          {status === 'loading' && firstAnswer && <NearestList />}
          {status === 'ready' && (
            <>
              <Suspense
                fallback={
                  <p className="panel-section" role="status">
                    {t('app.loading')}
                  </p>
                }
              >
                <ModePanel />
              </Suspense>
              <LayerToggles />
              <Legend />
            </>
          )}
        </aside>
        <div className="map-wrap">
          {status === 'failed' ? (
            <FatalError />
          ) : firstAnswerPending ? (
            // MapLibre is most of the page's bytes: it starts once the shared compound's list is read.
            <div className="map" data-testid="map-loading" />
          ) : still && !mapAsked ? (
            <LiteMap opening={false} onOpen={() => setMapAsked(true)} />
          ) : (
            <Suspense fallback={still ? <LiteMap opening onOpen={() => undefined} /> : <div className="map" data-testid="map-loading" />}>
              <MapView />
            </Suspense>
          )}
          <Attribution />
        </div>
      </main>
      <ProblemsPanel />
    </div>
  );
}
