import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { restrictCompliance } from '../../domain/planner/compliance';
import type { PlannerResultView } from '../../domain/planner/view';
import { areaSummaries, totalSummary } from '../../domain/planner/summaries';
import { formatDate } from '../../i18n';
import { bbox } from '@turf/turf';
import { plannerMapImage } from '../../map/overlays/planner';
import { useStore } from '../../store';
import { RuleTable } from './AreaTables';
import { BarChart } from './BarChart';
import { CanteenFigures } from './CanteenSection';
import { CommunityChart, CoverageChart } from './Charts';
import { EvidenceSourceNote } from './Evidence';
import { ReportGapTable } from './ReportGapTable';
import { SummaryFigures } from './SummaryFigures';
import { localText, percent, useAreaName, useRuleset } from './usePlanner';
import './planner.css';
import './messages';

/** Set on <html> while the report is open: planner.css then prints the report instead of the app. */
const PRINTING_CLASS = 'planner-report-open';

function printPage() {
  try {
    if (typeof window.print === 'function') window.print();
  } catch {
    /* no print dialog here (jsdom, some embedded browsers) */
  }
}

/** The result restricted to one community (its compounds, its grids), or the whole dataset. */
function scoped(result: PlannerResultView, communityId: string | null): PlannerResultView {
  if (!communityId) return result;
  const compliance = restrictCompliance(result.compliance, (c) => c.compound.communityId === communityId);
  const inScope = new Set(compliance.compounds.map((c) => c.compound.id));
  const canteens = { ...result.canteens, compounds: result.canteens.compounds.filter((c) => inScope.has(c.compoundId)) };
  return {
    ...result,
    compliance,
    canteens,
    total: totalSummary(compliance),
    communities: areaSummaries(compliance, 'community'),
    grids: areaSummaries(compliance, 'grid'),
  };
}

/** 社区体检 report: summary, map, charts, gaps with clauses, rules, canteens, data date and sources. */
export function PlannerReport() {
  const s = useStore(
    useShallow((x) => ({
      result: x.plannerResult,
      dataset: x.dataset,
      lang: x.lang,
      setOpen: x.setPlannerReportOpen,
      scenario: x.scenarios.find((y) => y.id === x.activeScenarioId),
      scenarioN: x.scenarios.findIndex((y) => y.id === x.activeScenarioId) + 1,
      grids: x.dataset?.grids,
      network: x.plannerNetwork,
    })),
  );
  const close = () => s.setOpen(false);
  const ruleset = useRuleset();
  const areaName = useAreaName();
  const t = useT();
  const titleId = useId();
  const scopeId = useId();
  // useId gives ":r1:"-style ids; anchors want plain ones.
  const sectionId = `report${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const printButton = useRef<HTMLButtonElement>(null);
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [mapImage, setMapImage] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    document.documentElement.classList.add(PRINTING_CLASS);
    printButton.current?.focus();
    return () => document.documentElement.classList.remove(PRINTING_CLASS);
  }, []);
  const area = communityId ? s.grids?.features.find((g) => g.properties.id === communityId) : null;
  const compounds = s.dataset?.compounds;
  useEffect(() => {
    let live = true;
    setMapImage(undefined);
    const target = area ?? (compounds && compounds.features.length > 0 ? compounds : null);
    const bounds = target ? (bbox(target) as [number, number, number, number]) : null;
    void plannerMapImage(bounds).then((image) => live && setMapImage(image));
    return () => {
      live = false;
    };
  }, [area, compounds]);
  const view = useMemo(() => (s.result ? scoped(s.result, communityId) : null), [s.result, communityId]);
  if (!view || !s.dataset) return null;
  const { manifest } = s.dataset;
  const place = communityId ? areaName(communityId) : ((s.lang === 'en' ? manifest.name.en : undefined) ?? manifest.name.zh);
  const communities = (s.grids?.features ?? []).filter((g) => g.properties.level === 'community');
  const unverified = ruleset.rules.filter((r) => !r.verified).length;
  const sources = manifest.sources.map((x) => x.attribution ?? x.name).join('；');
  const sections: [string, string][] = [
    ['summary', t('planner.report.summary')],
    ['coverage', t('planner.report.coverage')],
    ['areas', t(communityId ? 'planner.report.byGrid' : 'planner.report.byCommunity')],
    ['gaps', t('planner.report.gaps')],
    ['rules', t('planner.report.rules')],
    ['canteens', t('planner.canteen.title')],
    ['notes', t('planner.report.notes')],
  ];
  return createPortal(
    <div className="report-layer">
      <article className="planner-report" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={(e) => e.key === 'Escape' && close()}>
        <div className="report-actions" role="group" aria-label={t('print.preview')}>
          <label htmlFor={scopeId} className="visually-hidden">
            {t('planner.report.scope')}
          </label>
          <select id={scopeId} value={communityId ?? ''} onChange={(e) => setCommunityId(e.target.value || null)}>
            <option value="">{t('planner.report.whole')}</option>
            {communities.map((g) => (
              <option key={g.properties.id} value={g.properties.id}>
                {areaName(g.properties.id)}
              </option>
            ))}
          </select>
          <button ref={printButton} type="button" className="btn" onClick={printPage}>
            {t('print.print')}
          </button>
          <button type="button" className="btn" onClick={close}>
            {t('common.close')}
          </button>
        </div>
        <h1 id={titleId}>{t('planner.report.title', { place })}</h1>
        {manifest.synthetic && <p className="report-synthetic">{t('data.syntheticLong')}</p>}
        <p className="report-meta">
          {t('planner.report.meta', {
            ruleset: t('planner.report.ruleset', { name: localText(s.lang, ruleset.name), document: ruleset.document, version: ruleset.version }),
            date: manifest.dataAsOf ? formatDate(s.lang, manifest.dataAsOf) : t('common.unknown'),
          })}
        </p>
        {s.scenario && (
          <p className="report-note">
            {t('planner.report.scenario', { name: s.scenario.name || t('planner.scenario.default', { n: s.scenarioN }), count: s.scenario.changes.length })}
          </p>
        )}
        {s.network === false && <p className="report-note">{t('walk.noNetwork')}</p>}
        <nav className="report-contents" aria-labelledby={`${sectionId}-contents`}>
          <h2 id={`${sectionId}-contents`}>{t('planner.report.contents')}</h2>
          <ol>
            {sections.map(([key, heading]) => (
              <li key={key}>
                <a href={`#${sectionId}-${key}`}>{heading}</a>
              </li>
            ))}
          </ol>
        </nav>
        <h2 id={`${sectionId}-summary`}>{t('planner.report.summary')}</h2>
        <SummaryFigures summary={view.total} />
        {mapImage ? (
          <img className="report-map" src={mapImage} alt={t('planner.report.mapAlt', { place })} />
        ) : (
          <p className="report-no-map">{mapImage === undefined ? t('print.preparing') : t('print.noMap')}</p>
        )}
        <h2 id={`${sectionId}-coverage`}>{t('planner.report.coverage')}</h2>
        <CoverageChart result={view} ruleset={ruleset} print />
        <h2 id={`${sectionId}-areas`}>{t(communityId ? 'planner.report.byGrid' : 'planner.report.byCommunity')}</h2>
        {communityId ? (
          <BarChart
            title={t('planner.report.byGrid')}
            series={[{ key: 'score', label: t('planner.summary.score'), color: '#2b8a3e' }]}
            rows={view.grids.map((a) => ({ key: a.id ?? '-', label: a.id ? areaName(a.id) : t('planner.area.none'), values: [a.score] }))}
            max={1}
            format={(v) => percent(s.lang, v)}
            rowHeader={t('planner.table.grid')}
            alwaysShowTable
          />
        ) : (
          <CommunityChart result={view} print />
        )}
        <h2 id={`${sectionId}-gaps`}>{t('planner.report.gaps')}</h2>
        <ReportGapTable compliance={view.compliance} />
        <EvidenceSourceNote />
        <h2 id={`${sectionId}-rules`}>{t('planner.report.rules')}</h2>
        <RuleTable result={view} />
        <h2 id={`${sectionId}-canteens`}>{t('planner.canteen.title')}</h2>
        <CanteenFigures canteens={view.canteens} print />
        <h2 id={`${sectionId}-notes`}>{t('planner.report.notes')}</h2>
        <footer className="report-footer">
          <p>{t('planner.report.unverified', { count: unverified, total: ruleset.rules.length })}</p>
          <p>{t('planner.report.method')}</p>
          <p>{t('print.sources', { sources })}</p>
          <p>{t('planner.report.printed', { date: formatDate(s.lang, new Date().toISOString().slice(0, 10)) })}</p>
        </footer>
      </article>
    </div>,
    document.body,
  );
}
