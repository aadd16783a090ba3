/**
 * POI tables (AMap / Baidu exports, or any CSV or GeoJSON of points) into a dataset's
 * facilities: `importPoi(path, options)` returns the files to write and a report;
 * `formatPoiReport` renders the report for the CLI. Node only.
 */
export { importPoi, type ImportPoiOptions, type PoiImport, type PoiProblem, type PoiReport } from './merge';
export { formatPoiReport } from './report-text';
export { classifyPoi } from './classify-poi';
export { decodeText, type Encoding } from './read-table';
