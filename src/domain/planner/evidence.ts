import { REQUEST_STAGES, type RequestStage } from '../dataset';
import { isCategoryId, type CategoryId } from '../taxonomy';

/**
 * Residents' requests as evidence for the planner (issue 17, item 4): for each compound and
 * facility category, how many requests asked for that service and which stage they are in,
 * so that a gap (a category the compound lacks within the ruleset's distance) shows where
 * it hurts. Counts only: never a text, a name or a point.
 */

/** What counting needs of one request: where, what for, how far along. */
export interface EvidenceRow {
  compoundId: string | null | undefined;
  serviceCode: string;
  stage: RequestStage;
}

/** Requests of one compound and category by stage (stages without requests are absent). */
export type StageCounts = Partial<Record<RequestStage, number>>;

/** Compound id → facility category → stage → requests. Only non-zero counts are kept. */
export type EvidenceCounts = Record<string, Record<CategoryId, StageCounts>>;

/** Requests tied to one gap: the total and the split by stage (all six stages, zeros included). */
export interface StageTally {
  total: number;
  byStage: Record<RequestStage, number>;
}

/**
 * Service codes that are not facility categories but plainly ask for one. The rule: a
 * request counts for a category when its service_code IS that category (the sample's
 * canteen, pharmacy, clinic, elderly_care, market, park, community_service; the intake page's
 * canteen and recycling), or when the code is listed here. Intake's 'medical' (医, "I need a
 * doctor") is what a missing clinic causes. Codes for help from a person (repair, errand,
 * escort, companionship, mediation) name no facility and count for none, nor does 'other'
 * (a category id too, but on a request it means "none of the listed services").
 */
export const CODE_CATEGORY: Readonly<Record<string, CategoryId>> = {
  medical: 'clinic',
};

/** The facility category a request's service_code asks for, or null when it names none. */
export function evidenceCategory(serviceCode: string): CategoryId | null {
  if (Object.hasOwn(CODE_CATEGORY, serviceCode)) return CODE_CATEGORY[serviceCode]!;
  return isCategoryId(serviceCode) && serviceCode !== 'other' ? serviceCode : null;
}

const isStage = (stage: unknown): stage is RequestStage => typeof stage === 'string' && (REQUEST_STAGES as readonly string[]).includes(stage);

/** Counts the requests per compound, category and stage; requests without a compound or a category are left out. */
export function countEvidence(rows: Iterable<EvidenceRow>): EvidenceCounts {
  const counts: EvidenceCounts = {};
  for (const row of rows) {
    if (!row.compoundId || !isStage(row.stage)) continue;
    const category = evidenceCategory(row.serviceCode);
    if (category === null) continue;
    const compound = Object.hasOwn(counts, row.compoundId) ? counts[row.compoundId]! : (counts[row.compoundId] = {});
    const stages = Object.hasOwn(compound, category) ? compound[category]! : (compound[category] = {});
    stages[row.stage] = (stages[row.stage] ?? 0) + 1;
  }
  return counts;
}

const emptyTally = (): StageTally => ({ total: 0, byStage: Object.fromEntries(REQUEST_STAGES.map((s) => [s, 0])) as Record<RequestStage, number> });

/**
 * The requests of a compound that asked for any of `categories` (a rule's categories, or
 * those of several gaps). Each request has one category, so a category listed twice (two
 * rules naming clinic) still counts its requests once.
 */
export function tallyOf(counts: EvidenceCounts | null, compoundId: string, categories: Iterable<CategoryId>): StageTally {
  const tally = emptyTally();
  const compound = counts && Object.hasOwn(counts, compoundId) ? counts[compoundId]! : null;
  if (!compound) return tally;
  for (const category of new Set(categories)) {
    if (!Object.hasOwn(compound, category)) continue;
    for (const stage of REQUEST_STAGES) {
      const n = compound[category]![stage] ?? 0;
      tally.byStage[stage] += n;
      tally.total += n;
    }
  }
  return tally;
}

/** A compound's requests for the categories of its gaps: the rules it fails (▲ only unless `all`). */
export function gapTally(
  counts: EvidenceCounts | null,
  compoundId: string,
  rules: readonly { mark: string; categories: readonly CategoryId[] }[],
  results: readonly { status: string }[],
  all = false,
): StageTally {
  const categories = rules.flatMap((rule, k) => (results[k]?.status === 'unmet' && (all || rule.mark === '▲') ? rule.categories : []));
  return tallyOf(counts, compoundId, categories);
}

/** Where the counts come from: the live ledger of the requests service, or the dataset's requests.geojson. */
export type EvidenceSource = 'ledger' | 'dataset';

/** GET /api/evidence: the ledger's counts (aggregates only) and when they were made. */
export interface EvidenceAnswer {
  at: string;
  counts: EvidenceCounts;
}

/** Checks an answer's shape (it crosses the network): null when it is not one. */
export function parseEvidenceAnswer(value: unknown): EvidenceAnswer | null {
  if (!value || typeof value !== 'object') return null;
  const { at, counts } = value as Record<string, unknown>;
  if (typeof at !== 'string' || !counts || typeof counts !== 'object') return null;
  for (const compound of Object.values(counts as Record<string, unknown>)) {
    if (!compound || typeof compound !== 'object') return null;
    for (const stages of Object.values(compound as Record<string, unknown>)) {
      if (!stages || typeof stages !== 'object') return null;
      for (const [stage, n] of Object.entries(stages as Record<string, unknown>)) {
        if (!isStage(stage) || typeof n !== 'number' || !Number.isInteger(n) || n < 0) return null;
      }
    }
  }
  return { at, counts: counts as EvidenceCounts };
}
