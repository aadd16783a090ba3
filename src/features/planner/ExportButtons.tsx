import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { REQUEST_STAGES, type RequestStage } from '../../domain/dataset';
import { complianceGeoJson, compoundRows, csvText, gapRows } from '../../domain/planner/exports';
import { useStore } from '../../store';
import { STATUS_KEY } from './CompoundDetail';
import { download } from './download';
import { STAGE_SHORT, useEvidenceCounts } from './Evidence';
import { useAreaName } from './usePlanner';
import './messages';

/** CSV (UTF-8 with BOM, opens in Excel in Chinese), GeoJSON for QGIS, and the printable report. */
export function ExportButtons() {
  const { result, dataset, lang, scenarioName, openReport, network } = useStore(
    useShallow((s) => ({
      result: s.plannerResult,
      dataset: s.dataset,
      lang: s.lang,
      scenarioName: s.scenarios.find((x) => x.id === s.activeScenarioId)?.name ?? (s.activeScenarioId ? s.activeScenarioId : null),
      openReport: s.setPlannerReportOpen,
      network: s.plannerNetwork === true,
    })),
  );
  const areaName = useAreaName();
  const t = useT();
  const counts = useEvidenceCounts();
  if (!result || !dataset) return null;
  // Without counts (not read yet) the columns are left out rather than filled with zeros.
  const evidence = counts && {
    counts,
    columns: {
      total: t('planner.evidence.csvTotal'),
      byStage: Object.fromEntries(REQUEST_STAGES.map((s) => [s, t('planner.evidence.csvStage', { stage: t(STAGE_SHORT[s]) })])) as Record<RequestStage, string>,
    },
  };
  const ruleset = result.compliance.ruleset;
  const stem = `${dataset.manifest.id}-${ruleset.id}${scenarioName !== null ? `-${scenarioName || 'scenario'}` : ''}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  const text = { areaName: (id?: string) => areaName(id), yes: t('planner.csv.yes'), no: t('planner.csv.no'), unreachable: t('planner.rule.unreachable') };
  const compoundColumns = {
    compoundId: t('planner.csv.compoundId'),
    compound: t('planner.table.compound'),
    community: t('planner.table.community'),
    grid: t('planner.table.grid'),
    residents: t('planner.table.population'),
    elderly60: t('planner.table.elderly60'),
    elderly80: t('planner.table.elderly80'),
  };
  const exportGaps = () => {
    const columns = {
      ...compoundColumns,
      level: t('planner.csv.level'),
      item: t('planner.rule.item'),
      mark: t('planner.csv.mark'),
      distanceM: t('planner.csv.distanceM'),
      walkM: t('planner.csv.walkM'),
      clause: t('planner.csv.clause'),
      verified: t('planner.csv.verified'),
      note: t('planner.csv.note'),
    };
    download(`${stem}-gaps.csv`, csvText(gapRows(result, lang, columns, text, evidence ?? undefined)), 'text/csv;charset=utf-8');
  };
  const exportCompounds = () => {
    const columns = {
      ...compoundColumns,
      score: t('planner.csv.score'),
      unmetRequired: t('planner.table.unmetRequired'),
      unmetOptional: t('planner.table.unmetOptional'),
      canteenSeats: t('planner.table.canteen'),
    };
    download(
      `${stem}-compounds.csv`,
      csvText(compoundRows(result, lang, columns, text, (r) => t(STATUS_KEY[r.status]), evidence ?? undefined)),
      'text/csv;charset=utf-8',
    );
  };
  const exportGeoJson = () => {
    const fc = complianceGeoJson(dataset.compounds, result, network, counts);
    download(`${stem}-compounds.geojson`, `${JSON.stringify(fc)}\n`, 'application/geo+json');
  };
  return (
    <div className="export-buttons" role="group" aria-label={t('planner.export.title')}>
      <button type="button" className="btn btn-small" onClick={exportGaps}>
        {t('planner.export.gapsCsv')}
      </button>
      <button type="button" className="btn btn-small" onClick={exportCompounds}>
        {t('planner.export.compoundsCsv')}
      </button>
      <button type="button" className="btn btn-small" onClick={exportGeoJson}>
        {t('planner.export.geojson')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => openReport(true)}>
        {t('planner.export.report')}
      </button>
    </div>
  );
}
