import type { CSSProperties } from 'react';
import type { Slide } from '../../domain/hall/slides';
import { categoryOf } from '../../domain/taxonomy';
import type { MessageKey } from '../../i18n';
import { theme } from '../../map/theme';
import { Bilingual } from './Bilingual';
import type { HallText, LangVars } from './useHallText';
import './messages';

interface Item {
  key: MessageKey;
  vars?: LangVars;
  swatch: CSSProperties;
  glyph?: string;
}

const fill = (colour: string): CSSProperties => ({ background: colour });
const line = (colour: string, style = 'solid'): CSSProperties => ({ borderTop: `0.6vmin ${style} ${colour}`, height: 0, alignSelf: 'center' });
const BAND_MINUTES = [5, 10, 15];
const bandItems = (key: MessageKey, extra?: (lang: 'zh' | 'en') => Record<string, string>): Item[] =>
  BAND_MINUTES.map((minutes) => ({ key, vars: (lang) => ({ minutes, ...extra?.(lang) }), swatch: { ...fill(theme.bands[minutes] ?? '#000'), opacity: 0.75 } }));

/** The legend of each kind of screen: what the colours and lines on the map mean. */
export function legendItems(slide: Slide, text: HallText): Item[] {
  const area: Item = { key: 'hall.legend.area', swatch: line(theme.community.line) };
  switch (slide.kind) {
    case 'overview':
      return [...bandItems('hall.legend.centreBand'), area];
    case 'area':
      return [
        ...bandItems('hall.legend.band'),
        { key: 'hall.legend.straight', swatch: line(theme.bands[15] ?? '#000', 'dashed') },
        { key: 'hall.legend.origin', swatch: { ...fill(theme.compound.selected), borderRadius: '50%' } },
        { key: 'hall.legend.area', swatch: line(theme.hall.area) },
      ];
    case 'spotlight': {
      const category = categoryOf(slide.category);
      const name = (lang: 'zh' | 'en') => ({ category: text.category(slide.category, lang) });
      return [
        { key: 'hall.legend.has', swatch: fill(theme.hall.tones[0]) },
        { key: 'hall.legend.hasNot', swatch: fill(theme.hall.tones[2]) },
        {
          key: 'hall.legend.facility',
          vars: name,
          swatch: { ...fill(category?.color ?? '#333'), borderRadius: '50%' },
          ...(category ? { glyph: category.glyph } : {}),
        },
        ...bandItems('hall.legend.categoryBand', name),
      ];
    }
    case 'gaps':
      return [
        { key: 'hall.legend.complete', swatch: fill(theme.hall.tones[0]) },
        { key: 'hall.legend.missOne', swatch: fill(theme.hall.tones[1]) },
        { key: 'hall.legend.missMany', swatch: fill(theme.hall.tones[2]) },
      ];
    case 'volunteers':
      return [
        { key: 'hall.legend.vol5', swatch: fill(theme.hall.tones[0]) },
        { key: 'hall.legend.volFew', swatch: fill(theme.hall.tones[1]) },
        { key: 'hall.legend.volNone', swatch: fill(theme.hall.tones[2]) },
      ];
    case 'requests':
      return [area];
  }
}

export function HallLegend({ slide, text }: { slide: Slide; text: HallText }) {
  return (
    <section className="hall-legend" aria-label={text.t('hall.legend.title')}>
      <ul>
        {legendItems(slide, text).map((item, i) => (
          <li key={i}>
            <span className="hall-swatch" style={item.swatch} aria-hidden="true">
              {item.glyph}
            </span>
            <span>
              <Bilingual text={text} k={item.key} vars={item.vars} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
