import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AnalysisReport } from '../domain/analysis';
import { CIRCLE_MINUTES, mergeReports } from '../domain/reportSummary';
import { failUsage, parseCli } from './args';

const spec = {
  usage: 'npm run merge-reports -- --in <dir> --out <summary.json> [--minutes <n>]',
  summary:
    'Joins the per-dataset reports of `analyze --datasets` (every shard) into one summary: per dataset and per category, compounds and residents without the service within 15 minutes.',
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    minutes: { type: 'string', default: String(CIRCLE_MINUTES) },
  },
  help: {
    in: 'directory of <dataset id>.json analysis reports',
    out: 'where to write the summary (JSON)',
    minutes: `walking minutes that count as reached (default ${CIRCLE_MINUTES})`,
  },
} as const;

const { values } = parseCli(spec);
if (!values.in) failUsage('--in <dir> is required', spec);
if (!values.out) failUsage('--out <summary.json> is required', spec);
const minutes = Number(values.minutes);
if (!Number.isFinite(minutes) || minutes <= 0) failUsage(`--minutes must be a positive number, got ${JSON.stringify(values.minutes)}`, spec);

let files: string[];
try {
  files = readdirSync(values.in)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .sort();
} catch (error) {
  console.error(`error: cannot read ${values.in}: ${(error as Error).message}`);
  process.exit(1);
}
const reports: AnalysisReport[] = [];
let bad = 0;
for (const file of files) {
  try {
    const report = JSON.parse(readFileSync(join(values.in, file), 'utf8')) as AnalysisReport;
    if (typeof report.dataset !== 'string' || !Array.isArray(report.compounds)) throw new Error('not an analysis report (no dataset id or compounds)');
    reports.push(report);
  } catch (error) {
    bad++;
    console.error(`error: ${file}: ${(error as Error).message}; left out`);
  }
}
if (reports.length === 0) {
  console.error(`error: no analysis reports in ${resolve(values.in)}`);
  process.exit(1);
}
const summary = mergeReports(reports, minutes);
mkdirSync(dirname(resolve(values.out)), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
console.error(
  `wrote ${resolve(values.out)}: ${summary.total.datasets} dataset(s), ${summary.total.compounds} compounds, ${summary.total.residents} residents${bad ? `; ${bad} file(s) left out` : ''}`,
);
process.exit(bad ? 1 : 0);
