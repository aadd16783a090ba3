import { isCategoryId, type CategoryId } from '../../domain/taxonomy';
import table from './poi-types.json';

/**
 * POI type -> facility category through poi-types.json: AMap typecodes by longest prefix,
 * then type-name keywords (most specific part first), then, when those give nothing or
 * only `other` or `restaurant`, keywords in the POI's own name. Pure.
 */

interface Entry {
  category: CategoryId | null;
  zh: string;
  en: string;
}

interface KeywordRule extends Entry {
  keyword: string[];
}

export type PoiClass =
  | { ok: true; category: CategoryId; zh: string; en: string; by: 'typecode' | 'type' | 'name' }
  | { ok: false; reason: 'not-a-facility' | 'unknown-type'; message: string };

function checked<T extends Entry>(entries: T[], where: string): T[] {
  for (const e of entries) if (e.category !== null && !isCategoryId(e.category)) throw new Error(`poi-types.json ${where}: unknown category "${e.category}"`);
  return entries;
}

const TYPECODES = new Map(Object.entries(table.typecodes as Record<string, Entry>));
checked([...TYPECODES.values()], 'typecodes');
const TYPES = checked(table.types as KeywordRule[], 'types');
const NAMES = checked(table.names as KeywordRule[], 'names');

/** The table entry for one AMap typecode (`090601`), by longest prefix. */
function byTypecode(code: string): Entry | null {
  const digits = code.trim();
  if (!/^\d{4,6}$/.test(digits)) return null;
  for (let length = Math.min(6, digits.length); length >= 2; length -= 2) {
    const entry = TYPECODES.get(digits.slice(0, length));
    if (entry) return entry;
  }
  return null;
}

function byKeywords(texts: string[], rules: KeywordRule[]): Entry | null {
  for (const text of texts) {
    for (const rule of rules) if (rule.keyword.some((k) => text.includes(k))) return rule;
  }
  return null;
}

/** `医疗保健服务;诊所;诊所` -> parts, most specific first. */
function typeParts(type: string): string[] {
  return type
    .split(/[;；|,，/>]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .reverse();
}

export interface PoiTypeInput {
  name?: string;
  /** AMap typecode(s), e.g. `090601` or `090601|090602`. */
  typecode?: string;
  /** Type name, e.g. `医疗保健服务;医药保健销售店;药房` or Baidu's `医疗;药店`. */
  type?: string;
}

export function classifyPoi(input: PoiTypeInput): PoiClass {
  let found: Entry | null = null;
  let by: 'typecode' | 'type' | 'name' = 'typecode';
  for (const code of (input.typecode ?? '').split(/[|;,]/)) {
    found = byTypecode(code);
    if (found) break;
  }
  if (!found && input.type?.trim()) {
    found = byKeywords(typeParts(input.type), TYPES);
    by = 'type';
  }
  // A canteen is often typed as a restaurant, so a restaurant type still looks at the name.
  if ((!found || found.category === 'other' || found.category === 'restaurant' || found.category === null) && input.name) {
    const named = byKeywords([input.name], NAMES);
    if (named) {
      found = named;
      by = 'name';
    }
  }
  if (found?.category) return { ok: true, category: found.category, zh: found.zh, en: found.en, by };
  if (found) return { ok: false, reason: 'not-a-facility', message: `type ${describe(input)} is not a facility (${found.zh} / ${found.en})` };
  const given = describe(input);
  return {
    ok: false,
    reason: 'unknown-type',
    message: given === '(none)' ? 'no type given' : `unknown type ${given} (no rule in src/data/poi/poi-types.json)`,
  };
}

function describe(input: PoiTypeInput): string {
  const parts = [input.typecode?.trim() && `typecode ${input.typecode.trim()}`, input.type?.trim() && `"${input.type.trim()}"`].filter(Boolean);
  return parts.length ? parts.join(' / ') : '(none)';
}

/** Every category the table can give (a test checks it covers the taxonomy but `other`-only ones). */
export function poiTableCategories(): Set<CategoryId> {
  const all = [...TYPECODES.values(), ...TYPES, ...NAMES].map((e) => e.category);
  return new Set(all.filter((c): c is CategoryId => c !== null));
}
