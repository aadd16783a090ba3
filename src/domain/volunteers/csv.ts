export type CsvCell = string | number | boolean | null | undefined;

/** A byte-order mark, so Excel opens UTF-8 Chinese text correctly. */
export const CSV_BOM = '\uFEFF';

/** Text a spreadsheet would run as a formula (CSV injection): =, +, -, @, tab or CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV (CRLF line ends) with a BOM; cells that look like formulas are neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
