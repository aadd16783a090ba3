import { useCallback } from 'react';
import { formatNumber, htmlLang, numberFormat, translate, type Lang, type MessageKey, type Vars } from '../../i18n';
import { categoryOf } from '../../domain/taxonomy';
import { useStore } from '../../store';

/** Message variables that differ by language (category names, dates) are given per language. */
export type LangVars = Vars | ((lang: Lang) => Vars);

export interface HallText {
  lang: Lang;
  /** The other language, when the playlist asks for subtitles. */
  subtitleLang: Lang | null;
  t(key: MessageKey, vars?: LangVars): string;
  /** The same message in the subtitle language, or null without subtitles. */
  sub(key: MessageKey, vars?: LangVars): string | null;
  category(id: string, lang?: Lang): string;
  percent(share: number, lang?: Lang): string;
  number(value: number): string;
}

const resolve = (vars: LangVars | undefined, lang: Lang) => (typeof vars === 'function' ? vars(lang) : vars);

export function categoryLabel(id: string, lang: Lang): string {
  const category = categoryOf(id);
  if (!category) return id;
  // The taxonomy's Chinese label lists synonyms ("长者食堂/社区食堂"); a title needs the first.
  return lang === 'en' ? category.en : (category.zh.split('/')[0] ?? category.zh);
}

export function percentText(share: number, lang: Lang): string {
  return numberFormat(htmlLang(lang), { style: 'percent', maximumFractionDigits: 0 }).format(Number.isFinite(share) ? share : 0);
}

/** Translation for the hall: the screen's language first, the other one as an optional subtitle. */
export function useHallText(): HallText {
  const lang = useStore((s) => s.lang);
  const subtitles = useStore((s) => s.hallConfig.subtitles);
  const subtitleLang: Lang | null = subtitles ? (lang === 'zh' ? 'en' : 'zh') : null;
  const t = useCallback((key: MessageKey, vars?: LangVars) => translate(lang, key, resolve(vars, lang)), [lang]);
  const sub = useCallback(
    (key: MessageKey, vars?: LangVars) => (subtitleLang ? translate(subtitleLang, key, resolve(vars, subtitleLang)) : null),
    [subtitleLang],
  );
  return {
    lang,
    subtitleLang,
    t,
    sub,
    category: (id, l = lang) => categoryLabel(id, l),
    percent: (share, l = lang) => percentText(share, l),
    number: (value) => formatNumber(lang, value),
  };
}
