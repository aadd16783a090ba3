import type { HallArea } from '../../domain/hall/areas';
import type { Slide } from '../../domain/hall/slides';
import type { Lang } from '../../i18n';
import { parseUrlState, urlFor } from '../../store/url';

/** Parameters of the hall screen itself, never carried into a resident link. */
const HALL_ONLY = ['playlist', 'hallSpeed'];

/**
 * The resident-mode address of what a screen shows (what its QR code carries): a community
 * or grid screen opens the walk from its centre (`at=`), the others the whole map; the
 * dataset and the language are kept.
 */
export function residentUrl(href: string, slide: Slide | null, areas: readonly HallArea[], lang: Lang): string {
  const url = new URL(href);
  const { data } = parseUrlState(url.search);
  for (const name of HALL_ONLY) url.searchParams.delete(name);
  const area = slide?.kind === 'area' ? areas.find((a) => a.id === slide.areaId) : undefined;
  return urlFor(url.toString(), { mode: 'resident', data, compound: null, gate: null, at: area?.centre ?? null, profile: 'standard', minutes: 15, lang });
}
