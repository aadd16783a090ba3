import { isCategoryId, type CategoryId } from '../../domain/taxonomy';
import type { Tags } from './elements';
import table from './facility-tags.json';

/**
 * The OSM tag -> facility category table (facility-tags.json) compiled once. Pure: the
 * importer and the tests call `classifyFacility(tags)`.
 */

type MatchValue = string | string[];

interface RawRule {
  match: Record<string, MatchValue>;
  unless?: Record<string, MatchValue>;
  category: string;
  zh: string;
  en: string;
}

export interface FacilityKind {
  category: CategoryId;
  /** What the tag means, from the table. */
  zh: string;
  en: string;
  /** The rule's index in the table (stable within one table version). */
  rule: number;
}

type Test = (tags: Tags) => boolean;

/** The keys whose presence makes a feature a facility candidate (for "not in the table" counts). */
export const FACILITY_KEYS = ['amenity', 'shop', 'healthcare', 'leisure', 'social_facility', 'office', 'tourism', 'club'] as const;

const NAME_KEYS = ['name', 'name:zh', 'name:en'];

function compileTest(key: string, value: MatchValue): Test {
  if (key.endsWith('~')) {
    const pattern = new RegExp(Array.isArray(value) ? value.join('|') : value, 'i');
    const base = key.slice(0, -1);
    const keys = base === 'name' ? NAME_KEYS : [base];
    return (tags) => keys.some((k) => tags[k] !== undefined && pattern.test(tags[k] as string));
  }
  if (value === '*') return (tags) => tags[key] !== undefined && tags[key] !== 'no';
  const allowed = new Set(Array.isArray(value) ? value : [value]);
  return (tags) => tags[key] !== undefined && allowed.has(tags[key] as string);
}

interface CompiledRule extends FacilityKind {
  all: Test[];
  none: Test[];
}

function compile(rules: RawRule[]): CompiledRule[] {
  return rules.map((rule, index) => {
    if (!isCategoryId(rule.category)) throw new Error(`facility-tags.json rule ${index}: unknown category "${rule.category}"`);
    return {
      category: rule.category,
      zh: rule.zh,
      en: rule.en,
      rule: index,
      all: Object.entries(rule.match).map(([k, v]) => compileTest(k, v)),
      none: Object.entries(rule.unless ?? {}).map(([k, v]) => compileTest(k, v)),
    };
  });
}

const RULES = compile(table.rules as unknown as RawRule[]);

/** The category of a feature with these tags, or null when no rule matches. */
export function classifyFacility(tags: Tags | null): FacilityKind | null {
  if (!tags) return null;
  for (const rule of RULES) {
    if (rule.all.every((test) => test(tags)) && !rule.none.some((test) => test(tags))) {
      return { category: rule.category, zh: rule.zh, en: rule.en, rule: rule.rule };
    }
  }
  return null;
}

/** `amenity=bench` for a would-be facility no rule matches (for the summary), else null. */
export function unmatchedFacilityTag(tags: Tags | null): string | null {
  if (!tags) return null;
  const key = FACILITY_KEYS.find((k) => tags[k] !== undefined);
  return key ? `${key}=${tags[key]}` : null;
}

/** Every category some rule of the table can give (a test checks it covers the taxonomy). */
export function tableCategories(): Set<CategoryId> {
  return new Set(RULES.map((r) => r.category));
}
