/** Something a resident can search for by name. */
export interface Named {
  id: string;
  name?: string;
  name_en?: string;
}

const normalise = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * Partial-match search over Chinese and Latin names (case, width and spaces ignored):
 * names that start with the query come first, then by position of the match, then by length.
 */
export function searchByName<T extends Named>(items: readonly T[], query: string, limit = 8): T[] {
  const q = normalise(query);
  if (!q) return [];
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    let best = Infinity;
    for (const name of [item.name, item.name_en]) {
      if (!name) continue;
      const n = normalise(name);
      const at = n.indexOf(q);
      if (at >= 0) best = Math.min(best, at * 1000 + n.length);
    }
    if (best < Infinity) scored.push({ item, score: best });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.item);
}
