import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';
import { dateTimeFormat, numberFormat } from './intl';
export { dateTimeFormat, numberFormat } from './intl';

export type { MessageKey } from './zh-CN';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The messages loaded so far: the core ones (what the resident route shows), then each view's as
 * its chunk loads (addMessages), so the resident's phone does not download the planner's text.
 */
const RESOURCES: Record<Lang, Partial<Record<MessageKey, string>>> = { zh: { ...zhCN }, en: { ...en } };
const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export type Vars = Record<string, string | number>;

/**
 * Adds a view's messages in both languages at once (switching language then loads nothing).
 * Called at the top level of the view's messages module (src/features/<view>/messages.ts),
 * which every module of the view that shows them imports.
 */
export function addMessages<K extends MessageKey>(zh: Record<K, string>, english: Record<K, string>): void {
  Object.assign(RESOURCES.zh, zh);
  Object.assign(RESOURCES.en, english);
}

/** Undefined outside Vite (the server and the CLIs under Node). */
const env = import.meta.env as ImportMetaEnv | undefined;
const reported = new Set<string>();

/**
 * A key whose view's messages were not added: a bug (a module shows a view's text without
 * importing the view's messages module). Development and tests throw; a build says so once on
 * the console (the e2e tests fail on it) and shows the key rather than nothing.
 */
function missing(lang: Lang, key: MessageKey): string {
  const message = `i18n: no ${lang} message for "${key}": its view's messages module (addMessages) was not imported`;
  if (env?.DEV) throw new Error(message);
  if (!reported.has(`${lang} ${key}`)) {
    reported.add(`${lang} ${key}`);
    console.error(message);
  }
  return key;
}

/** Looks up a message and fills `{name}` placeholders; numbers are formatted for the language. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = RESOURCES[lang][key] ?? missing(lang, key);
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** Number formats by language and digits: making one costs far more than using it (a long list formats thousands of numbers). */

/**
 * A number from 0 to under a trillion as Intl writes it in both our languages (thousands grouped
 * with ",", "." for the decimals, at most `digits` of them, rounded half up on the number's
 * shortest decimal form, trailing zeros dropped), or null for anything else.
 */
function plainNumber(value: number, digits: number): string | null {
  if (!(value >= 0 && value < 1e12) || digits > 3) return null;
  const text = String(value);
  if (text.includes('e')) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length <= digits) return fraction ? `${grouped(whole)}.${fraction}` : grouped(whole);
  // Rounded in whole units of the last kept digit, so the carry is exact.
  const units = Number(whole + fraction.slice(0, digits)) + (fraction.charCodeAt(digits) >= 53 /* '5' */ ? 1 : 0);
  const scale = 10 ** digits;
  const intPart = grouped(String(Math.floor(units / scale)));
  const decimals = String(units % scale)
    .padStart(digits, '0')
    .replace(/0+$/, '');
  return decimals ? `${intPart}.${decimals}` : intPart;
}

/** Whole digits in groups of three: 1234567 → 1,234,567. */
const grouped = (digits: string) => (digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, ',') : digits);

/** A feature's name in the language shown: `name_en` in English when there is one, else `name`, else its id. */
export function localName(props: { name?: string; name_en?: string; id: string }, lang: Lang): string {
  return (lang === 'en' ? (props.name_en ?? props.name) : props.name) ?? props.id;
}

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 0): string {
  // Numbers read the same in every language we have: written directly, so neither a first
  // answer ("步行 6.3 分钟") nor a city's figures wait for the locale's number data to load.
  const plain = plainNumber(value, maximumFractionDigits);
  if (plain !== null) return plain;
  return numberFormat(LOCALES[lang], { maximumFractionDigits }).format(value);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A day as Intl writes it with { year: 'numeric', month: 'long', day: 'numeric' } (2026年11月1日,
 * November 1, 2026), in the page's time zone, written directly: the first Intl date format a
 * page makes loads its locale's date data, 30 to 50 ms in Chromium, and the header shows a
 * dataset's date in the render that first shows the dataset.
 */
export function formatDate(lang: Lang, isoDate: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  const [year, month, day] = [date.getFullYear(), date.getMonth(), date.getDate()];
  if (year < 1000 || year > 9999) return dateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
  return lang === 'zh' ? `${year}年${month + 1}月${day}日` : `${MONTHS[month]} ${day}, ${year}`;
}

/**
 * A moment as Intl writes it with { dateStyle: 'short', timeStyle: 'short' } (2026/12/6 08:21,
 * 12/6/26, 8:21 AM), in the page's time zone, written directly for the same reason as
 * formatDate: the planner shows when the ledger's counts were made in the render of its first
 * figures, and a first Intl date format there cost about 10 ms.
 */
export function formatDateTime(lang: Lang, ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '';
  const [year, month, day, hour, minute] = [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes()];
  if (year < 1000 || year > 9999) return dateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short' }).format(date);
  const mm = String(minute).padStart(2, '0');
  if (lang === 'zh') return `${year}/${month}/${day} ${String(hour).padStart(2, '0')}:${mm}`;
  return `${month}/${day}/${String(year % 100).padStart(2, '0')}, ${hour % 12 || 12}:${mm} ${hour < 12 ? 'AM' : 'PM'}`;
}

export function htmlLang(lang: Lang): string {
  return LOCALES[lang];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
