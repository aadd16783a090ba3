import type { Dataset, Problem } from './dataset';
import { contextOf, type NetworkOrContext } from './engine/context';
import { nearestStrategy, type FacilityPoint } from './engine/nearest';
import type { LonLat } from './geo';
import { compoundOrigins, gatesByCompound } from './origins';
import { PlannerModel } from './planner/model';
import { plannerInputs } from './planner/inputs';
import { complianceSection, type ComplianceSection } from './planner/report';
import type { Ruleset } from './planner/ruleset';
import { CATEGORIES } from './taxonomy';

export interface NearestEntry {
  facility_id: string;
  walk_m: number;
  walk_min: number;
}

export interface CompoundReport {
  id: string;
  /** Residents and residents aged 60+ (from compounds.geojson), so summaries can count people. */
  population: number;
  elderly60: number;
  origins: LonLat[];
  nearest: Record<string, NearestEntry | null>;
}

/** The analysis report of DATA-CONTRACT.md ("Analysis report"); keys are stable. */
export interface AnalysisReport {
  dataset: string;
  speed_m_per_min: number;
  network: boolean;
  /** 'network' (walked along the ways) or 'straight-line' (no network in the dataset). */
  distance_kind: 'network' | 'straight-line';
  compounds: CompoundReport[];
  problems: Problem[];
  /** With `--ruleset <id>`: every compound checked against the standard (src/domain/planner/report.ts). */
  compliance?: ComplianceSection;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** Categories present in the facilities, in taxonomy order (unknown ones after, by name). */
export function presentCategories(dataset: Pick<Dataset, 'facilities'>): string[] {
  const present = new Set(dataset.facilities.features.map((f) => f.properties.category));
  const order = CATEGORIES.map((c) => c.id);
  return [...present].sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9) || a.localeCompare(b));
}

export function facilityPoints(dataset: Pick<Dataset, 'facilities'>): FacilityPoint[] {
  return dataset.facilities.features.map((f) => ({ id: f.properties.id, category: f.properties.category, point: f.geometry.coordinates as LonLat }));
}

/**
 * For every compound, the nearest facility of every category present, by the shortest walk
 * from any of its origins (gates, or point on surface). Without a network, straight-line.
 */
export function analyzeDataset(dataset: Dataset, problems: Problem[], speedMPerMin: number, ruleset?: Ruleset, ctx?: NetworkOrContext): AnalysisReport {
  const categories = presentCategories(dataset);
  const facilities = facilityPoints(dataset);
  const gates = gatesByCompound(dataset);
  // The caller's walking context (the session's, or a prebuilt graph) when given; else built here.
  const walk = contextOf(ctx === undefined ? dataset.network : ctx);
  const hasNetwork = walk !== null;
  const nearestFrom = nearestStrategy(walk, facilities);

  const compounds = dataset.compounds.features.map((compound): CompoundReport => {
    const origins = compoundOrigins(compound, gates).points.map(([lon, lat]) => [round7(lon), round7(lat)] as LonLat);
    const nearestOf = nearestFrom.at(origins);
    const nearest: Record<string, NearestEntry | null> = {};
    for (const category of categories) {
      const found = nearestOf(category);
      nearest[category] = found ? { facility_id: found.facility.id, walk_m: round1(found.walkM), walk_min: round1(found.walkM / speedMPerMin) } : null;
    }
    return { id: compound.properties.id, population: compound.properties.population, elderly60: compound.properties.elderly60, origins, nearest };
  });

  const report: AnalysisReport = {
    dataset: dataset.manifest.id,
    speed_m_per_min: speedMPerMin,
    network: hasNetwork,
    distance_kind: hasNetwork ? 'network' : 'straight-line',
    compounds,
    problems,
  };
  if (ruleset) {
    const model = new PlannerModel(walk, plannerInputs(dataset));
    report.compliance = complianceSection(ruleset, model.evaluate(model.baseline, ruleset), model.network);
  }
  return report;
}
