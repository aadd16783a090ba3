import { analyzeDataset } from '../../domain/analysis';
import type { Dataset } from '../../domain/dataset';
import { WALK_SPEED_M_PER_MIN } from '../../domain/geo';
import { VolunteerCoverage } from '../../domain/volunteers/coverage';
import type { GapReport } from '../../domain/volunteers/gaps';
import type { VolunteerEngineInput } from './workerProtocol';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** Builds the coverage engine and the gap report for a dataset (in the worker, or inline without workers). */
export function buildVolunteerEngine(input: VolunteerEngineInput): { coverage: VolunteerCoverage; gapReport: GapReport } {
  const coverage = new VolunteerCoverage(input.network, input.compounds, input.volunteers);
  const dataset: Dataset = { ...input.analysis, grids: EMPTY, volunteers: EMPTY, requests: EMPTY, context: EMPTY };
  const report = analyzeDataset(dataset, [], WALK_SPEED_M_PER_MIN.standard);
  return { coverage, gapReport: { compounds: report.compounds, speed_m_per_min: report.speed_m_per_min } };
}
