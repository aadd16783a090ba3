import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { REQUEST_STAGES, type CompoundProps, type FC, type RequestStage } from '../dataset';
import type { RuleResult } from './compliance';
import { gapTally, tallyOf, type EvidenceCounts, type StageTally } from './evidence';
import type { PlannerResultView } from './view';
import { levelOf, type Rule, type Ruleset } from './ruleset';

/**
 * Export builders: CSV that Excel opens in Chinese (UTF-8 with a byte-order mark, CRLF,
 * RFC 4180 quoting) and GeoJSON of the compounds with their results. Column titles come
 * from the caller (the UI's language); rule names come from the ruleset in `lang`.
 */

export type Cell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // Quote what would break a row, and what Excel would take for a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export type Lang = 'zh' | 'en';
const local = (lang: Lang, text: { zh: string; en: string }) => text[lang];
const metres = (m: number | null) => (m === null || !Number.isFinite(m) ? null : Math.round(m));

/** "十分钟生活圈居住区 · 小学 ▲ ≤ 500 m" */
export function ruleLabel(ruleset: Ruleset, rule: Rule, lang: Lang): string {
  const distance = rule.distanceM === null ? '' : ` ≤ ${rule.distanceM} m`;
  return `${local(lang, levelOf(ruleset, rule).name)} · ${local(lang, rule.item)} ${rule.mark}${distance}`;
}

/** The columns every per-compound table starts with. */
interface CompoundHeadColumns {
  compoundId: string;
  compound: string;
  community: string;
  grid: string;
  residents: string;
  elderly60: string;
  elderly80: string;
}

export interface GapColumns extends CompoundHeadColumns {
  level: string;
  item: string;
  mark: string;
  distanceM: string;
  walkM: string;
  clause: string;
  verified: string;
  note: string;
}

/** Titles of the evidence columns: residents' requests in all, then per stage (in workflow order). */
export interface EvidenceColumns {
  total: string;
  byStage: Record<RequestStage, string>;
}

const evidenceHeader = (e: EvidenceColumns | undefined): Cell[] => (e ? [e.total, ...REQUEST_STAGES.map((s) => e.byStage[s])] : []);
const evidenceCells = (e: EvidenceColumns | undefined, tally: StageTally): Cell[] => (e ? [tally.total, ...REQUEST_STAGES.map((s) => tally.byStage[s])] : []);

export interface RowText {
  /** Area names by id (communities and grids). */
  areaName(id: string | undefined): string;
  yes: string;
  no: string;
  unreachable: string;
}

type CompoundOf = PlannerResultView['compliance']['compounds'][number]['compound'];

/** The cells every row about a compound starts with: id, name, community, grid, residents, 60+, 80+. */
function compoundCells(p: CompoundOf, lang: Lang, text: RowText): Cell[] {
  return [p.id, lang === 'en' ? (p.nameEn ?? p.name) : p.name, text.areaName(p.communityId), text.areaName(p.gridId), p.population, p.elderly60, p.elderly80];
}

/**
 * One row per compound and unmet rule (▲ first): the table of gaps, with the clause of each
 * and, given `evidence`, the residents' requests for the rule's categories by stage.
 */
export function gapRows(
  result: PlannerResultView,
  lang: Lang,
  columns: GapColumns,
  text: RowText,
  evidence?: { columns: EvidenceColumns; counts: EvidenceCounts | null },
): Cell[][] {
  const { ruleset } = result.compliance;
  const rows: Cell[][] = [[...Object.values(columns), ...evidenceHeader(evidence?.columns)]];
  for (const c of result.compliance.compounds) {
    const gaps = c.results.map((r, k) => [r, ruleset.rules[k]!] as const).filter(([r]) => r.status === 'unmet');
    gaps.sort(([, a], [, b]) => (a.mark === b.mark ? 0 : a.mark === '▲' ? -1 : 1));
    for (const [r, rule] of gaps) {
      rows.push([
        ...compoundCells(c.compound, lang, text),
        local(lang, levelOf(ruleset, rule).name),
        local(lang, rule.item),
        rule.mark,
        rule.distanceM,
        rule.check === 'distance' ? (metres(r.walkM) ?? text.unreachable) : null,
        rule.clause,
        rule.verified ? text.yes : text.no,
        rule.note ? local(lang, rule.note) : null,
        ...evidenceCells(evidence?.columns, tallyOf(evidence?.counts ?? null, c.compound.id, rule.categories)),
      ]);
    }
  }
  return rows;
}

export interface CompoundColumns extends CompoundHeadColumns {
  score: string;
  unmetRequired: string;
  unmetOptional: string;
  canteenSeats: string;
}

/**
 * One row per compound: its figures, given `evidence` the residents' requests for its gaps
 * (▲ and △, like the table's column) by stage, then one column per checked rule with the metres walked.
 */
export function compoundRows(
  result: PlannerResultView,
  lang: Lang,
  columns: CompoundColumns,
  text: RowText,
  statusText: (r: RuleResult) => string,
  evidence?: { columns: EvidenceColumns; counts: EvidenceCounts | null },
): Cell[][] {
  const { ruleset } = result.compliance;
  const checked = ruleset.rules.map((rule, k) => [rule, k] as const).filter(([rule]) => rule.check !== 'none');
  const header: Cell[] = [...Object.values(columns), ...evidenceHeader(evidence?.columns), ...checked.map(([rule]) => ruleLabel(ruleset, rule, lang))];
  const rows: Cell[][] = [header];
  result.compliance.compounds.forEach((c, i) => {
    const canteen = result.canteens.compounds[i]!;
    rows.push([
      ...compoundCells(c.compound, lang, text),
      c.score === null ? null : Math.round(c.score * 1000) / 10,
      c.unmetRequired,
      c.unmetOptional,
      Math.round(canteen.seatsPer100 * 100) / 100,
      ...evidenceCells(evidence?.columns, gapTally(evidence?.counts ?? null, c.compound.id, ruleset.rules, c.results, true)),
      ...checked.map(([rule, k]) => {
        const r = c.results[k]!;
        return rule.check === 'distance' && r.status !== 'no-data' ? `${statusText(r)} ${metres(r.walkM) ?? text.unreachable}` : statusText(r);
      }),
    ]);
  });
  return rows;
}

export interface CompoundResultProps extends Pick<CompoundProps, 'id' | 'name' | 'population' | 'elderly60' | 'elderly80'> {
  community_id: string | null;
  grid_id: string | null;
  ruleset: string;
  /** Share of the checked ▲ rules met, 0–100. */
  score: number | null;
  unmet_required: number;
  unmet_optional: number;
  /** Ids of the unmet rules. */
  gaps: string[];
  /** Rule id → metres to the nearest qualifying facility (null: none reachable). */
  walk_m: Record<string, number | null>;
  canteen_seats_per_100: number;
  canteen_under_served: boolean;
  distance_kind: 'network' | 'straight-line';
  /** Residents' requests for the services of each unmet rule (rule id → in all and by stage); absent without counts. */
  requests?: Record<string, StageTally>;
}

/** The compounds with their results, for QGIS. */
export function complianceGeoJson(
  compounds: FC<Polygon | MultiPolygon, CompoundProps>,
  result: PlannerResultView,
  network: boolean,
  evidence?: EvidenceCounts | null,
): FeatureCollection<Polygon | MultiPolygon, CompoundResultProps> {
  const { ruleset } = result.compliance;
  const byId = new Map(result.compliance.compounds.map((c, i) => [c.compound.id, i]));
  const features = compounds.features.flatMap((f): Feature<Polygon | MultiPolygon, CompoundResultProps>[] => {
    const i = byId.get(f.properties.id);
    if (i === undefined) return [];
    const c = result.compliance.compounds[i]!;
    const canteen = result.canteens.compounds[i]!;
    const walk: Record<string, number | null> = {};
    ruleset.rules.forEach((rule, k) => {
      if (rule.check === 'distance') walk[rule.id] = metres(c.results[k]!.walkM);
    });
    const properties: CompoundResultProps = {
      id: f.properties.id,
      population: f.properties.population,
      elderly60: f.properties.elderly60,
      elderly80: f.properties.elderly80,
      community_id: f.properties.community_id ?? null,
      grid_id: f.properties.grid_id ?? null,
      ruleset: `${ruleset.id}@${ruleset.version}`,
      score: c.score === null ? null : Math.round(c.score * 1000) / 10,
      unmet_required: c.unmetRequired,
      unmet_optional: c.unmetOptional,
      gaps: c.results.flatMap((r, k) => (r.status === 'unmet' ? [ruleset.rules[k]!.id] : [])),
      walk_m: walk,
      canteen_seats_per_100: Math.round(canteen.seatsPer100 * 100) / 100,
      canteen_under_served: canteen.underServed,
      distance_kind: network ? 'network' : 'straight-line',
    };
    if (evidence) {
      properties.requests = Object.fromEntries(
        ruleset.rules.flatMap((rule, k) =>
          c.results[k]!.status === 'unmet' && rule.categories.length > 0 ? [[rule.id, tallyOf(evidence, c.compound.id, rule.categories)]] : [],
        ),
      );
    }
    if (f.properties.name) properties.name = f.properties.name;
    return [{ type: 'Feature', geometry: f.geometry, properties }];
  });
  return { type: 'FeatureCollection', features };
}
