import type { AnalysisReport } from './analysis';

/** Minutes within which a service counts as reached (the 15-minute circle). */
export const CIRCLE_MINUTES = 15;

export interface CategoryShortfall {
  category: string;
  /** Compounds (and their residents, residents aged 60+) with no facility of the category within 15 minutes' walk. */
  compounds_without: number;
  residents_without: number;
  elderly60_without: number;
}

export interface DatasetSummary {
  dataset: string;
  distance_kind: AnalysisReport['distance_kind'];
  compounds: number;
  residents: number;
  categories: CategoryShortfall[];
}

export interface MergedSummary {
  minutes: number;
  datasets: DatasetSummary[];
  /** Per category, over every dataset (a category absent from a dataset counts nowhere). */
  total: { datasets: number; compounds: number; residents: number; categories: CategoryShortfall[] };
}

function shortfalls(report: AnalysisReport, minutes: number): CategoryShortfall[] {
  const categories = new Set(report.compounds.flatMap((c) => Object.keys(c.nearest)));
  return [...categories].map((category) => {
    const row: CategoryShortfall = { category, compounds_without: 0, residents_without: 0, elderly60_without: 0 };
    for (const c of report.compounds) {
      const entry = c.nearest[category];
      if (entry && entry.walk_min <= minutes) continue;
      row.compounds_without++;
      row.residents_without += c.population ?? 0;
      row.elderly60_without += c.elderly60 ?? 0;
    }
    return row;
  });
}

/** One summary of many analysis reports (one per dataset), sorted by dataset id. */
export function mergeReports(reports: readonly AnalysisReport[], minutes = CIRCLE_MINUTES): MergedSummary {
  const datasets = [...reports]
    .sort((a, b) => a.dataset.localeCompare(b.dataset))
    .map((report) => ({
      dataset: report.dataset,
      distance_kind: report.distance_kind,
      compounds: report.compounds.length,
      residents: report.compounds.reduce((sum, c) => sum + (c.population ?? 0), 0),
      categories: shortfalls(report, minutes),
    }));
  const byCategory = new Map<string, CategoryShortfall>();
  for (const d of datasets) {
    for (const row of d.categories) {
      const total = byCategory.get(row.category) ?? { category: row.category, compounds_without: 0, residents_without: 0, elderly60_without: 0 };
      total.compounds_without += row.compounds_without;
      total.residents_without += row.residents_without;
      total.elderly60_without += row.elderly60_without;
      byCategory.set(row.category, total);
    }
  }
  return {
    minutes,
    datasets,
    total: {
      datasets: datasets.length,
      compounds: datasets.reduce((s, d) => s + d.compounds, 0),
      residents: datasets.reduce((s, d) => s + d.residents, 0),
      categories: [...byCategory.values()].sort((a, b) => b.residents_without - a.residents_without || a.category.localeCompare(b.category)),
    },
  };
}
