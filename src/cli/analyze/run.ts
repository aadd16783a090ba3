import { resolve } from 'node:path';
import { textOf } from '../../data/contents';
import { loadDataset, type ReadFile } from '../../data/load';
import { textFingerprint } from '../../data/fingerprint';
import { fromDirectory } from '../../data/node-source';
import { analyzeDataset, type AnalysisReport } from '../../domain/analysis';
import type { DatasetFile } from '../../domain/dataset';
import type { Ruleset } from '../../domain/planner/ruleset';
import { formatProblem } from '../problems';
import { cliWalkContext } from '../prepare/prebuilt';

/** The files the nearest walks depend on: a report records their fingerprints (src/data/fingerprint.ts). */
export const REPORT_INPUTS: readonly DatasetFile[] = ['compounds.geojson', 'facilities.geojson', 'gates.geojson', 'network.geojson'];

/** The report of DATA-CONTRACT.md plus the fingerprints of the files it was computed from. */
export type ReportWithInputs = AnalysisReport & { inputs: Partial<Record<DatasetFile, string>> };

export interface AnalyzeOptions {
  speed: number;
  ruleset: Ruleset | undefined;
}

/** Reads through `read`, noting the fingerprint of every input file it returns. */
function fingerprinting(read: ReadFile, inputs: Partial<Record<DatasetFile, string>>): ReadFile {
  return async (name) => {
    const text = await read(name);
    if (text !== null && REPORT_INPUTS.includes(name)) inputs[name] = textFingerprint(await textOf(text));
    return text;
  };
}

/** Analyses one dataset directory: its id, report and a summary line, or null (and says why on stderr) when nothing usable is left. */
export async function analyzeDirectory(
  dataDir: string,
  options: AnalyzeOptions,
  label = dataDir,
): Promise<{ id: string; report: ReportWithInputs; summary: string } | null> {
  const dir = resolve(dataDir);
  const started = performance.now();
  console.error(`reading ${dir}`);
  const inputs: Partial<Record<DatasetFile, string>> = {};
  const { dataset, problems, fatal } = await loadDataset(fingerprinting(fromDirectory(dir), inputs), { label });
  for (const problem of problems) console.error(formatProblem(problem));
  if (!dataset) {
    console.error(`error: ${fatal ?? 'nothing usable in the dataset'}`);
    return null;
  }
  console.error(
    `analysing ${dataset.compounds.features.length} compounds × ${new Set(dataset.facilities.features.map((f) => f.properties.category)).size} categories${dataset.network ? '' : ' (no network: straight-line distances)'}`,
  );
  // The prebuilt graph beside network.geojson (npm run prepare-dataset) when it matches the network.
  const walk = cliWalkContext(dir, dataset);
  if (walk.notice) console.error(`notice: ${walk.notice}`);
  const analysis = analyzeDataset(dataset, problems, options.speed, options.ruleset, walk.ctx);
  // Fingerprints in contract order, right after the dataset id, so a reader finds them first.
  const ordered = Object.fromEntries(REPORT_INPUTS.filter((f) => inputs[f] !== undefined).map((f) => [f, inputs[f]]));
  const { dataset: id, ...rest } = analysis;
  const report: ReportWithInputs = { dataset: id, inputs: ordered, ...rest };
  const ms = Math.round(performance.now() - started);
  const compliance = report.compliance ? `, ${report.compliance.ruleset.id} compliance (score ${report.compliance.total.score_pct ?? '–'} %)` : '';
  const summary = `${report.compounds.length} compounds, ${report.network ? 'network' : 'straight-line'} distances${compliance}, ${problems.length} problem(s), ${ms} ms`;
  return { id: dataset.manifest.id, report, summary };
}
