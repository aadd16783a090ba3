import { useT } from '../../components/useT';

/** The volunteers-and-requests view's side panel (issue: volunteers and requests). */
export function VolunteersPanel() {
  const t = useT();
  return (
    <section className="panel-section">
      <h2>{t('volunteers.title')}</h2>
    </section>
  );
}
