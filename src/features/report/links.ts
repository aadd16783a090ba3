import type { ReportLang } from './i18n';

/** The tracking page of a request, by the resident's code or (for followers) its id, in the page's language. */
export function trackHref(by: { code: string } | { id: string }, lang: ReportLang): string {
  const query = new URLSearchParams('code' in by ? { code: by.code } : { id: by.id });
  if (lang === 'en') query.set('lang', 'en');
  return `/track?${query.toString()}`;
}

/** The same page in the other language. */
export function otherLangHref(href: string, lang: ReportLang): string {
  const url = new URL(href);
  if (lang === 'en') url.searchParams.delete('lang');
  else url.searchParams.set('lang', 'en');
  return `${url.pathname}${url.search}`;
}

/** A code in two groups of five, easier to read out and copy by hand. */
export function groupedCode(input: string): string {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return code.length === 10 ? `${code.slice(0, 5)} ${code.slice(5)}` : code;
}
