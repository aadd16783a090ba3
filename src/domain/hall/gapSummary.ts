import type { CompoundStat, HallStats } from './stats';

/** One everyday service that some compounds cannot reach within the limit. */
export interface CategoryGap {
  category: string;
  /** Compounds, residents and residents aged 60+ without one within the limit. */
  compounds: number;
  population: number;
  elderly60: number;
}

export interface GapSummary {
  /** Worst first: by residents without, then by compounds, then by category id. */
  byCategory: CategoryGap[];
  /** Compounds that miss at least one essential service. */
  compoundsWithGap: number;
  populationWithGap: number;
  /** Compounds with every essential service within the limit. */
  compoundsComplete: number;
  populationComplete: number;
}

/** Essential categories a compound cannot reach within `minutes` (an absent category is never reached). */
export function missingOf(compound: CompoundStat, essentials: readonly string[], minutes: number): string[] {
  return essentials.filter((c) => (compound.minutes[c] ?? Infinity) > minutes);
}

/** The service gaps of the whole dataset, against the essential categories. */
export function gapSummary(stats: Pick<HallStats, 'compounds' | 'minutes'>, essentials: readonly string[]): GapSummary {
  const byCategory = new Map<string, CategoryGap>(essentials.map((category) => [category, { category, compounds: 0, population: 0, elderly60: 0 }]));
  let compoundsWithGap = 0;
  let populationWithGap = 0;
  for (const compound of stats.compounds) {
    const missing = missingOf(compound, essentials, stats.minutes);
    if (missing.length > 0) {
      compoundsWithGap++;
      populationWithGap += compound.population;
    }
    for (const category of missing) {
      const gap = byCategory.get(category)!;
      gap.compounds++;
      gap.population += compound.population;
      gap.elderly60 += compound.elderly60;
    }
  }
  const total = stats.compounds.reduce((s, c) => s + c.population, 0);
  return {
    byCategory: [...byCategory.values()]
      .filter((g) => g.compounds > 0)
      .sort((a, b) => b.population - a.population || b.compounds - a.compounds || a.category.localeCompare(b.category)),
    compoundsWithGap,
    populationWithGap,
    compoundsComplete: stats.compounds.length - compoundsWithGap,
    populationComplete: total - populationWithGap,
  };
}

/** Colour classes of the map: 0 = has everything / has it, 1 = misses one, 2 = misses several / none within. */
export type Tone = 0 | 1 | 2;

/** Per compound id, its tone for a view of the essentials (gaps) or of one category (spotlight). */
export function compoundTones(stats: Pick<HallStats, 'compounds' | 'minutes'>, categories: readonly string[]): Record<string, Tone> {
  const tones: Record<string, Tone> = {};
  for (const compound of stats.compounds) {
    const missing = missingOf(compound, categories, stats.minutes).length;
    tones[compound.id] = categories.length === 1 ? (missing === 0 ? 0 : 2) : missing === 0 ? 0 : missing === 1 ? 1 : 2;
  }
  return tones;
}
