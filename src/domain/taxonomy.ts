import taxonomy from './taxonomy.json';

/** A facility category id from the taxonomy (taxonomy.json is the single source). */
export type CategoryId = string;

export interface Category {
  id: CategoryId;
  zh: string;
  en: string;
  /** One character drawn on the map icon. */
  glyph: string;
  /** Icon colour (#rrggbb), dark enough for white text (WCAG AA). */
  color: string;
}

export const CATEGORIES: readonly Category[] = taxonomy.categories;

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

export function isCategoryId(id: unknown): id is CategoryId {
  return typeof id === 'string' && BY_ID.has(id);
}

export function categoryOf(id: CategoryId): Category | undefined {
  return BY_ID.get(id);
}
