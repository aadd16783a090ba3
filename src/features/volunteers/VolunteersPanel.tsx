import { useT } from '../../components/useT';
import { useStore } from '../../store';
import { serverActive } from '../../store/serverSlice';
import { CoveragePanel } from './CoveragePanel';
import { EscalationList } from './EscalationList';
import { LedgerDrawer } from './LedgerDrawer';
import { LiveStatus } from './LiveStatus';
import { MapKey } from './MapKey';
import { PersonalDataBanner } from './PersonalDataBanner';
import { RequestDetail } from './RequestDetail';
import { RequestsSummary } from './RequestsSummary';
import { StaffBar } from './StaffBar';
import { useLiveRefresh } from './useLiveRefresh';
import { useServerLedger } from './useServerLedger';
import { useVolunteerEngine } from './useVolunteerEngine';
import { SandanPanel } from './sandan/SandanPanel';
import { WishesPanel } from './wishes/WishesPanel';
import { GridFiguresPanel } from './buildings/GridFiguresPanel';
import './volunteers.css';
import './staff.css';
import './messages';

/** The volunteers-and-requests view (`?mode=volunteers`): coverage by skill and hour, the six-step ledger, matching. */
export function VolunteersPanel() {
  useVolunteerEngine();
  useLiveRefresh();
  useServerLedger();
  const t = useT();
  // On the requests service, requests are shown to staff who are logged in, and only in their scope.
  const requestsHidden = useStore((s) => serverActive(s) && s.staff === null);
  return (
    <>
      <section className="panel-section volunteers-head">
        <h2>{t('volunteers.title')}</h2>
        <MapKey />
        <LiveStatus />
      </section>
      <PersonalDataBanner />
      <StaffBar />
      {!requestsHidden && <RequestDetail />}
      <WishesPanel />
      <GridFiguresPanel />
      <SandanPanel />
      <CoveragePanel />
      {!requestsHidden && (
        <>
          <RequestsSummary />
          <EscalationList />
          <LedgerDrawer />
        </>
      )}
    </>
  );
}
