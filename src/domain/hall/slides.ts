import type { AreaLevel, PlaylistConfig, PlaylistProblem } from './playlist';

/** One screen of the hall playlist, after "each community in turn" is expanded. */
export type Slide =
  | { key: string; kind: 'overview'; seconds: number }
  | { key: string; kind: 'area'; areaId: string; level: AreaLevel; seconds: number }
  | { key: string; kind: 'spotlight'; category: string; seconds: number }
  | { key: string; kind: 'gaps'; seconds: number }
  | { key: string; kind: 'volunteers'; seconds: number }
  | { key: string; kind: 'requests'; seconds: number };

export type SlideKind = Slide['kind'];

/** What the dataset (and this build) can show. */
export interface SlideContext {
  /** Area ids by level, in dataset order. */
  areas: Record<AreaLevel, string[]>;
  /** Category ids the app knows (taxonomy). */
  knownCategories: readonly string[];
  /** Whether the volunteer-coverage and request views are available. */
  volunteers: boolean;
  requests: boolean;
}

export interface ExpandedPlaylist {
  slides: Slide[];
  /** Entries that show nothing with this dataset, and why. */
  skipped: PlaylistProblem[];
}

/**
 * The playlist as the sequence of screens to show: an `areas` entry becomes one screen per
 * community (or grid). Keys are stable across dataset reloads, so the screen being shown
 * can be found again in a new sequence.
 */
export function expandSlides(config: PlaylistConfig, context: SlideContext): ExpandedPlaylist {
  const slides: Slide[] = [];
  const skipped: PlaylistProblem[] = [];
  const seen = new Map<string, number>();
  const push = (slide: Slide) => {
    // The same view twice in a playlist is allowed; keys stay unique.
    const n = seen.get(slide.key) ?? 0;
    seen.set(slide.key, n + 1);
    slides.push(n === 0 ? slide : { ...slide, key: `${slide.key}#${n}` });
  };
  config.entries.forEach((entry, index) => {
    switch (entry.kind) {
      case 'overview':
      case 'gaps':
        return push({ key: entry.kind, kind: entry.kind, seconds: entry.seconds });
      case 'areas': {
        const ids = context.areas[entry.level];
        if (ids.length === 0) return skipped.push({ index, field: 'level', message: `the dataset has no ${entry.level} areas` });
        for (const areaId of ids) push({ key: `area:${areaId}`, kind: 'area', areaId, level: entry.level, seconds: entry.seconds });
        return;
      }
      case 'spotlight':
        if (!context.knownCategories.includes(entry.category))
          return skipped.push({ index, field: 'category', message: `unknown category ${JSON.stringify(entry.category)}` });
        return push({ key: `spotlight:${entry.category}`, kind: 'spotlight', category: entry.category, seconds: entry.seconds });
      case 'volunteers':
      case 'requests':
        if (!context[entry.kind]) return skipped.push({ index, field: 'kind', message: `the ${entry.kind} view is not available` });
        return push({ key: entry.kind, kind: entry.kind, seconds: entry.seconds });
    }
  });
  if (slides.length === 0) slides.push({ key: 'overview', kind: 'overview', seconds: 30 });
  return { slides, skipped };
}
