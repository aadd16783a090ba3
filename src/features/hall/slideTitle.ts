import type { Lang, MessageKey } from '../../i18n';
import { translate } from '../../i18n';
import type { HallArea } from '../../domain/hall/areas';
import type { CommunityStats } from '../../domain/hall/community';
import type { Slide } from '../../domain/hall/slides';
import { categoryLabel, type LangVars } from './useHallText';
import './messages';

export interface SlideTitle {
  key: MessageKey;
  vars?: LangVars;
}

/** "2026-10" as 2026年10月 / 10/2026. */
export const monthLabel = (month: string, lang: Lang) => {
  const [year = '', m = ''] = month.split('-');
  return translate(lang, 'hall.month', { year, month: String(Number(m)) });
};

/** The title of a screen, as a message and its per-language variables. */
export function slideTitle(slide: Slide, areas: readonly HallArea[], community: CommunityStats | null): SlideTitle {
  switch (slide.kind) {
    case 'overview':
      return { key: 'hall.slide.overview' };
    case 'area': {
      const area = areas.find((a) => a.id === slide.areaId);
      return { key: 'hall.slide.area', vars: (lang) => ({ name: (lang === 'en' ? area?.name_en : undefined) ?? area?.name ?? slide.areaId }) };
    }
    case 'spotlight':
      return { key: 'hall.slide.spotlight', vars: (lang) => ({ category: categoryLabel(slide.category, lang) }) };
    case 'gaps':
      return { key: 'hall.slide.gaps' };
    case 'volunteers':
      return { key: 'hall.slide.volunteers' };
    case 'requests':
      return { key: 'hall.slide.requests', vars: (lang) => ({ month: community?.requests ? monthLabel(community.requests.month, lang) : '' }) };
  }
}
