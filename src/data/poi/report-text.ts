import { CATEGORIES } from '../../domain/taxonomy';
import type { PoiReport } from './merge';

/** The end-of-import report of import:poi as plain lines. */

const MAX_PROBLEMS = 50;

export function formatPoiReport(report: PoiReport, datasetDir: string): string {
  const r = report;
  const s = r.skipped;
  const lines = [
    `Read ${r.file} (${r.format}, ${r.encoding}, coordinates ${r.crs}): ${r.rows} rows.`,
    ...r.notes.map((note) => `Note: ${note}.`),
    `${r.added} added to ${datasetDir}/facilities.geojson (${r.existing} were there${r.datasetCreated ? '; a new dataset was started' : ''}; written in ${r.datasetCrs}).`,
    'Added per category:',
    ...CATEGORIES.filter((c) => r.byCategory[c.id]).map((c) => `  ${c.id.padEnd(20)} ${String(r.byCategory[c.id]).padStart(6)}  ${c.zh}`),
    `Left out: ${s.unplaced} could not be placed, ${s.unclassified} of unknown type, ${s.notFacility} not facilities, ` +
      `${s.duplicate} already in the dataset (same name within 30 m), ${s.garbled} with garbled text.`,
  ];
  if (r.problems.length) {
    lines.push(`Rows to look at (${r.problems.length}):`);
    for (const p of r.problems.slice(0, MAX_PROBLEMS)) {
      lines.push(`  ${p.severity === 'error' ? 'left out' : 'warning '}  ${p.where}${p.name ? ` "${p.name}"` : ''}: ${p.field}: ${p.message}`);
    }
    if (r.problems.length > MAX_PROBLEMS) lines.push(`  … and ${r.problems.length - MAX_PROBLEMS} more (use --report <file.json> for all)`);
  }
  if (r.datasetCreated) lines.push('This dataset has no compounds.geojson yet: add one (npm run import:osm, or by hand) before opening it in the app.');
  return lines.join('\n');
}
