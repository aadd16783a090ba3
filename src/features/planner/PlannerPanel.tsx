import { useT } from '../../components/useT';

/** The planner view's side panel (issue: planner view). */
export function PlannerPanel() {
  const t = useT();
  return (
    <section className="panel-section">
      <h2>{t('planner.title')}</h2>
    </section>
  );
}
