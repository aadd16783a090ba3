import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

export type { MessageKey } from './zh-CN';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const RESOURCES: Record<Lang, Messages> = { zh: zhCN, en };
const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export type Vars = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders; numbers are formatted for the language. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = RESOURCES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits }).format(value);
}

export function formatDate(lang: Lang, isoDate: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

export function htmlLang(lang: Lang): string {
  return LOCALES[lang];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
