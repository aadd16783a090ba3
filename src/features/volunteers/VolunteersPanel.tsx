import { useT } from '../../components/useT';
import { CoveragePanel } from './CoveragePanel';
import { EscalationList } from './EscalationList';
import { LedgerDrawer } from './LedgerDrawer';
import { LiveStatus } from './LiveStatus';
import { MapKey } from './MapKey';
import { PersonalDataBanner } from './PersonalDataBanner';
import { RequestDetail } from './RequestDetail';
import { RequestsSummary } from './RequestsSummary';
import { useLiveRefresh } from './useLiveRefresh';
import { useVolunteerEngine } from './useVolunteerEngine';
import './volunteers.css';

/** The volunteers-and-requests view (`?mode=volunteers`): coverage by skill and hour, the six-step ledger, matching. */
export function VolunteersPanel() {
  useVolunteerEngine();
  useLiveRefresh();
  const t = useT();
  return (
    <>
      <section className="panel-section volunteers-head">
        <h2>{t('volunteers.title')}</h2>
        <MapKey />
        <LiveStatus />
      </section>
      <PersonalDataBanner />
      <RequestDetail />
      <CoveragePanel />
      <RequestsSummary />
      <EscalationList />
      <LedgerDrawer />
    </>
  );
}
