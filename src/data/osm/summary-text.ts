import { CATEGORIES } from '../../domain/taxonomy';
import type { OsmImportSummary } from './index';

/** The end-of-import report as plain lines (the CLI prints it; tests read the object). */

const MAX_REASONS = 8;

function num(n: number): string {
  return n.toLocaleString('en-US');
}

export function skippedLines(skipped: Record<string, Record<string, number>>): string[] {
  const lines: string[] = [];
  for (const [file, reasons] of Object.entries(skipped)) {
    const entries = Object.entries(reasons);
    const total = entries.reduce((n, [, c]) => n + c, 0);
    lines.push(`  ${file}: ${num(total)}`);
    for (const [reason, count] of entries.slice(0, MAX_REASONS)) lines.push(`    ${num(count).padStart(7)}  ${reason}`);
    if (entries.length > MAX_REASONS) {
      const rest = entries.slice(MAX_REASONS).reduce((n, [, c]) => n + c, 0);
      lines.push(`    ${num(rest).padStart(7)}  (${entries.length - MAX_REASONS} other reasons)`);
    }
  }
  return lines;
}

export function formatOsmSummary(summary: OsmImportSummary): string {
  const s = summary;
  const lines = [
    `Read ${s.file} (${s.format}, ${(s.bytes / 1024 / 1024).toFixed(1)} MiB, ${s.passes} passes): ` +
      `${num(s.elements.nodes)} nodes, ${num(s.elements.ways)} ways, ${num(s.elements.relations)} relations; ` +
      `${num(s.highways.lines)} highway ways (+ ${num(s.highways.areas)} highway areas).`,
    `Data as of ${s.dataAsOf} (${s.dataAsOfFrom}).`,
    'Features per layer:',
    ...Object.entries(s.features).map(([file, n]) => `  ${file.padEnd(20)} ${num(n).padStart(7)}`),
    'Facilities per category:',
    ...CATEGORIES.map((c) => `  ${c.id.padEnd(20)} ${num(s.facilitiesByCategory[c.id] ?? 0).padStart(7)}  ${c.zh}`),
    `Context: ${
      Object.entries(s.contextByKind)
        .map(([k, n]) => `${k} ${num(n)}`)
        .join(', ') || 'none'
    }.`,
    `Multipolygons: ${num(s.multipolygons.assembled)} assembled (${num(s.multipolygons.holes)} holes), ${num(s.multipolygons.failed)} not assembled.`,
  ];
  const skipped = skippedLines(s.skipped);
  if (skipped.length) lines.push('Left out, and why:', ...skipped);
  if (s.populationMissing) {
    lines.push(
      'Population is missing: OpenStreetMap has none, so every compound has population 0. Re-run with --density <persons/m²> to estimate it from area, or fill it in.',
    );
  }
  lines.push('Data © OpenStreetMap contributors, ODbL 1.0: keep this attribution wherever the dataset is shown or shared.');
  return lines.join('\n');
}
