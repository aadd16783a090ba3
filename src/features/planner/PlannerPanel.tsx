import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import type { MessageKey } from '../../i18n';
import { requiredRulesOf, unmetSteps } from '../../store/plannerMapView';
import { useStore } from '../../store';
import { CanteenSection } from './CanteenSection';
import { CommunityChart, CoverageChart } from './Charts';
import { CompoundDetail } from './CompoundDetail';
import { EvidenceSourceNote } from './Evidence';
import { usePlannerEvidence } from './evidenceStore';
import { ExportButtons } from './ExportButtons';
import { PlannerReport } from './PlannerReport';
import { RulesetPicker } from './RulesetPicker';
import { SitesSection } from './SitesSection';
import { SummaryFigures } from './SummaryFigures';
import { TableDrawer } from './TableDrawer';
import { useRuleset } from './usePlanner';
import { WhatIfSection } from './WhatIfSection';
import './planner.css';
import './messages';

function ComplianceLegend() {
  const t = useT();
  const result = useStore((s) => s.plannerResult);
  const steps = unmetSteps(requiredRulesOf(result));
  return (
    <div className="compliance-legend">
      <p className="legend-caption">{t('planner.legend.title')}</p>
      <ul aria-label={t('planner.legend.title')}>
        {steps.map((step, k) => {
          const next = steps[k + 1];
          return (
            <li key={step.from}>
              <span className="bar-swatch" style={{ background: step.color }} aria-hidden="true" />
              {next ? (next.from - 1 === step.from ? String(step.from) : `${step.from}–${next.from - 1}`) : `≥ ${step.from}`}
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('planner.legend.canteen')}</p>
    </div>
  );
}

type Tab = 'overview' | 'compound' | 'canteens' | 'whatIf' | 'sites';
const TABS: [Tab, MessageKey][] = [
  ['overview', 'planner.tab.overview'],
  ['compound', 'planner.tab.compound'],
  ['canteens', 'planner.tab.canteens'],
  ['whatIf', 'planner.tab.whatIf'],
  ['sites', 'planner.tab.sites'],
];

/** The planner view's side panel: standard, headline figures, the selected compound, charts, canteens, what-if, sites, exports. */
export function PlannerPanel() {
  const s = useStore(
    useShallow((x) => ({
      dataset: x.dataset,
      status: x.plannerStatus,
      start: x.startPlanner,
      result: x.plannerResult,
      baseline: x.baselineResult,
      scenario: x.activeScenarioId,
      ms: x.plannerMs,
      openTable: x.setPlannerTableOpen,
      tableOpen: x.plannerTableOpen,
      reportOpen: x.plannerReportOpen,
      network: x.plannerNetwork,
      compoundId: x.compoundId,
    })),
  );
  const [tab, setTab] = useState<Tab>(s.compoundId ? 'compound' : 'overview');
  // A compound picked on the map or in the table opens its checklist.
  const [shownFor, setShownFor] = useState(s.compoundId);
  if (shownFor !== s.compoundId) {
    setShownFor(s.compoundId);
    if (s.compoundId) setTab('compound');
  }
  const ruleset = useRuleset();
  const t = useT();
  const { dataset, start } = s;
  useEffect(() => {
    if (dataset) start();
  }, [dataset, start]);
  usePlannerEvidence();
  return (
    <>
      <section className="panel-section planner-head" aria-labelledby="planner-title">
        <h2 id="planner-title">{t('planner.title')}</h2>
        <RulesetPicker />
        {s.network === false && <p className="notice-inline">{t('walk.noNetwork')}</p>}
        {(s.status === 'computing' || !s.result) && <p role="status">{t('planner.computing')}</p>}
        {s.result && (
          <>
            {s.scenario && <p className="scenario-badge">{t('planner.scenario.showing')}</p>}
            <SummaryFigures summary={s.result.total} baseline={s.scenario ? s.baseline?.total : null} />
            <ComplianceLegend />
            <div className="field-row">
              <button type="button" className="btn" aria-pressed={s.tableOpen} onClick={() => s.openTable(!s.tableOpen)}>
                {t('planner.table.open')}
              </button>
            </div>
            <ExportButtons />
            <EvidenceSourceNote />
            <p className="hint">{t('planner.timing', { build: Math.round(s.ms.build), change: s.ms.change.toFixed(1) })}</p>
          </>
        )}
      </section>
      {s.result && (
        <>
          <div role="tablist" aria-label={t('planner.tab.label')} className="planner-tabs">
            {TABS.map(([id, label]) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`planner-tab-${id}`}
                aria-selected={tab === id}
                aria-controls="planner-tabpanel"
                className={tab === id ? 'planner-tab active' : 'planner-tab'}
                onClick={() => setTab(id)}
              >
                {t(label)}
              </button>
            ))}
          </div>
          <div id="planner-tabpanel" role="tabpanel" aria-labelledby={`planner-tab-${tab}`}>
            {tab === 'overview' && (
              <section className="panel-section" aria-labelledby="planner-charts">
                <h3 id="planner-charts">{t('planner.chart.title')}</h3>
                <CoverageChart result={s.result} ruleset={ruleset} />
                <CommunityChart result={s.result} />
              </section>
            )}
            {tab === 'compound' && (
              <section className="panel-section" aria-label={t('planner.detail.label')}>
                <CompoundDetail />
              </section>
            )}
            {tab === 'canteens' && <CanteenSection />}
            {tab === 'whatIf' && <WhatIfSection />}
            {tab === 'sites' && <SitesSection />}
          </div>
          <TableDrawer />
          {s.reportOpen && <PlannerReport />}
        </>
      )}
    </>
  );
}
