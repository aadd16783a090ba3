import type { CommunityStats } from './community';
import { compoundTones, type Tone } from './gapSummary';
import type { Slide } from './slides';
import type { HallStats } from './stats';

/**
 * How each compound is coloured on a screen, or null when the screen colours none:
 * service gaps by the essential services missed, a spotlight by whether the category is
 * within reach, volunteer coverage by how many volunteers reach it.
 */
export function slideTones(
  slide: Slide,
  stats: HallStats | null,
  community: CommunityStats | null,
  essentials: readonly string[],
): Record<string, Tone> | null {
  switch (slide.kind) {
    case 'gaps':
      return stats && compoundTones(stats, essentials);
    case 'spotlight':
      return stats && compoundTones(stats, [slide.category]);
    case 'volunteers':
      return community?.volunteers?.tones ?? null;
    default:
      return null;
  }
}

/** The walkshed bands a screen draws: around every facility of the spotlight category, or the service centres. */
export function slideBandCategory(slide: Slide): string | null {
  if (slide.kind === 'spotlight') return slide.category;
  if (slide.kind === 'overview') return 'community_service';
  return null;
}
