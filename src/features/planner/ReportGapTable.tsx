import { useT } from '../../components/useT';
import type { Compliance } from '../../domain/planner/compliance';
import { gapTally, tallyOf } from '../../domain/planner/evidence';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import { stagesText, useEvidenceCounts } from './Evidence';
import { localText, metres, percent, useAreaName } from './usePlanner';
import './messages';

interface Gap {
  id: string;
  clause: string;
  text: string;
}

/**
 * The gaps of one compound by clause (the clause names the level: 附录 C 表 C.0.1 is the
 * 15-minute circle …), in rule order: the clause is said once, not on every line, so a
 * compound with thirty gaps takes a third of a page rather than a whole one.
 */
function gapGroups(gaps: readonly Gap[]): [string, Gap[]][] {
  const groups = new Map<string, Gap[]>();
  for (const gap of gaps) groups.set(gap.clause, [...(groups.get(gap.clause) ?? []), gap]);
  return [...groups];
}

/**
 * The report's table of gaps: per compound, its unmet ▲ rules with the walk, the distance and
 * the clause, and the residents' requests for their services (in all, by stage, and per gap).
 */
export function ReportGapTable({ compliance }: { compliance: Compliance }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const areaName = useAreaName();
  const counts = useEvidenceCounts();
  const { ruleset } = compliance;
  const rows = compliance.compounds
    .filter((c) => c.unmetRequired > 0)
    .sort((a, b) => b.unmetRequired - a.unmetRequired || b.compound.elderly60 - a.compound.elderly60);
  if (rows.length === 0) return <p>{t('planner.report.noGaps')}</p>;
  return (
    <table className="planner-table report-gaps">
      <thead>
        <tr>
          <th scope="col">{t('planner.table.compound')}</th>
          <th scope="col" className="num">
            {t('planner.table.population')}
          </th>
          <th scope="col" className="num">
            {t('planner.table.elderly60')}
          </th>
          <th scope="col" className="num">
            {t('planner.table.score')}
          </th>
          {counts && (
            <th scope="col" className="num">
              {t('planner.evidence.reportColumn')}
            </th>
          )}
          <th scope="col">{t('planner.report.gapsColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const asked = counts && gapTally(counts, c.compound.id, ruleset.rules, c.results);
          return (
            <tr key={c.compound.id}>
              <th scope="row">
                {lang === 'en' ? (c.compound.nameEn ?? c.compound.name) : c.compound.name}
                <span className="report-area">{areaName(c.compound.gridId)}</span>
              </th>
              <td className="num">{formatNumber(lang, c.compound.population)}</td>
              <td className="num">{formatNumber(lang, c.compound.elderly60)}</td>
              <td className="num">{percent(lang, c.score)}</td>
              {asked && (
                <td className="num evidence-cell">
                  {formatNumber(lang, asked.total)}
                  {asked.total > 0 && <span className="evidence-stages">{stagesText(t, lang, asked)}</span>}
                </td>
              )}
              <td>
                {gapGroups(
                  c.results.flatMap((r, k) => {
                    const rule = ruleset.rules[k]!;
                    if (r.status !== 'unmet' || rule.mark !== '▲') return [];
                    const walk = rule.check === 'distance' ? t('planner.report.walk', { walk: metres(lang, r.walkM), limit: rule.distanceM ?? 0 }) : '';
                    const n = counts ? tallyOf(counts, c.compound.id, rule.categories).total : 0;
                    const requests = n > 0 ? t('planner.evidence.inline', { count: formatNumber(lang, n) }) : '';
                    return [{ id: rule.id, clause: rule.clause, text: `${localText(lang, rule.item)}${rule.verified ? '' : '*'}${walk}${requests}` }];
                  }),
                ).map(([clause, gaps]) => (
                  <p key={clause} className="report-gap-group">
                    <span className="report-clause">{clause}</span>
                    {gaps.map((gap) => (
                      <span key={gap.id} className="report-gap">
                        {gap.text}
                      </span>
                    ))}
                  </p>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
