import { writeFile } from 'node:fs/promises';
import { CRS_IDS, type CrsId } from '../domain/dataset';
import { failUsage, parseCli } from './args';
import { progress, type Progress } from './progress';
import { formatPoiReport, importPoi, type Encoding } from '../data/poi/index';
import { writeDataset } from '../data/osm/write-dataset';

const spec = {
  usage: 'npm run import:poi -- <file.csv|file.geojson> --crs WGS84|GCJ02|BD09 --out <dataset-dir>',
  summary:
    "Merges a POI table (AMap, Baidu or your own: name, lon, lat and a type or AMap typecode) into a dataset's facilities.geojson, " +
    'converting coordinates to WGS84, mapping types to facility categories, and skipping facilities already there (same name within 30 m).',
  options: {
    crs: { type: 'string' },
    out: { type: 'string' },
    encoding: { type: 'string', default: 'auto' },
    'unknown-as-other': { type: 'boolean', default: false },
    source: { type: 'string' },
    report: { type: 'string' },
  },
  help: {
    crs: 'coordinate system of the table (required): WGS84, GCJ02 (AMap, Tencent) or BD09 (Baidu)',
    out: 'dataset directory to merge into (required; started when it has no manifest.json)',
    encoding: 'auto (UTF-8, else GB18030), utf-8 or gb18030',
    'unknown-as-other': 'import rows of unknown type as category "other" instead of leaving them out',
    source: 'name of this source in manifest.json (default: "POI table <file name>")',
    report: 'also write every row problem as JSON to this file',
  },
  allowPositionals: true,
} as const;

const { values, positionals } = parseCli(spec);
if (positionals.length !== 1) failUsage(positionals.length ? `give one input file, not ${positionals.length}` : 'give the POI table to import', spec);
const input = positionals[0] as string;
if (!values.out) failUsage('--out <dataset-dir> is required', spec);
if (!values.crs) failUsage('--crs is required: WGS84, GCJ02 (AMap) or BD09 (Baidu); a wrong guess puts every point 300–700 m off', spec);
const crsKey = values.crs.replace(/[\s_-]/g, '').toUpperCase();
const crs = (crsKey === 'EPSG:4326' ? 'WGS84' : crsKey) as CrsId;
if (!CRS_IDS.includes(crs)) failUsage(`--crs must be WGS84, GCJ02 or BD09, got "${values.crs}"`, spec);
const encoding = values.encoding as Encoding;
if (!['auto', 'utf-8', 'gb18030'].includes(encoding)) failUsage(`--encoding must be auto, utf-8 or gb18030, got "${values.encoding}"`, spec);
const outDir = values.out;

let bar: Progress | null = null;
try {
  const { files, report } = await importPoi(input, {
    crs,
    datasetDir: outDir,
    encoding,
    unknownAsOther: values['unknown-as-other'],
    sourceName: values.source,
    onProgress: (done, total) => {
      bar ??= progress('rows', total);
      bar.update(done);
    },
  });
  (bar as Progress | null)?.done();
  await writeDataset(outDir, files);
  if (values.report) await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatPoiReport(report, outDir));
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
