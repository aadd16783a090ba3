import { useId, useState } from 'react';
import { useT } from '../../components/useT';
import './messages';

/**
 * A hand-written horizontal bar chart in SVG (no chart library): one group of bars per row,
 * one bar per series, the value written at the end of each bar. The numbers behind it are one
 * click away in a table (also what a screen reader gets).
 */

export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

export interface BarRow {
  key: string;
  label: string;
  /** One value per series, 0–max; null when there is nothing to show. */
  values: (number | null)[];
}

export interface BarChartProps {
  title: string;
  series: BarSeries[];
  rows: BarRow[];
  /** The value a full-width bar stands for (1 for shares). */
  max: number;
  format(value: number): string;
  /** The first column's title in the table. */
  rowHeader: string;
  /** Printed reports show the table under the chart, always. */
  alwaysShowTable?: boolean;
}

const WIDTH = 320;
const LABEL_W = 118;
const VALUE_W = 40;
const BAR_H = 9;
const GAP = 7;

export function BarChart({ title, series, rows, max, format, rowHeader, alwaysShowTable = false }: BarChartProps) {
  const t = useT();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const rowH = series.length * BAR_H + GAP;
  const height = rows.length * rowH + 6;
  const barW = WIDTH - LABEL_W - VALUE_W;
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <ul className="bar-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className="bar-swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title}>
        {rows.map((row, r) => {
          const y0 = r * rowH + 3;
          return (
            <g key={row.key} transform={`translate(0 ${y0})`}>
              <text x={LABEL_W - 6} y={(series.length * BAR_H) / 2 + 3.5} textAnchor="end" fontSize="10" fill="#1f2933">
                {row.label.length > 12 ? `${row.label.slice(0, 11)}…` : row.label}
                <title>{row.label}</title>
              </text>
              {series.map((s, k) => {
                const value = row.values[k] ?? null;
                const w = value === null ? 0 : Math.max(value > 0 ? 1 : 0, (Math.min(value, max) / max) * barW);
                return (
                  <g key={s.key} transform={`translate(${LABEL_W} ${k * BAR_H})`}>
                    <rect x={0} y={0.5} width={barW} height={BAR_H - 1} fill="#f1f3f5" />
                    <rect x={0} y={0.5} width={w} height={BAR_H - 1} fill={s.color} />
                    <text x={w + 3} y={BAR_H - 1.5} fontSize="8.5" fill="#1f2933">
                      {value === null ? '–' : format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {!alwaysShowTable && (
        <button type="button" className="link bar-toggle" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
          {t(showTable ? 'planner.chart.hideTable' : 'planner.chart.showTable')}
        </button>
      )}
      {(showTable || alwaysShowTable) && (
        <table id={tableId} className="planner-table compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, k) => (
                  <td key={series[k]!.key} className="num">
                    {v === null ? '–' : format(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
