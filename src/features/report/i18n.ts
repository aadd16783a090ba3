import { createContext, useContext } from 'react';
import { reportEn, reportZh } from '../../i18n/features/report';
import { dateTimeFormat, numberFormat } from '../../i18n/intl';

/**
 * The intake pages' own translations: only their messages (report.ts), not the whole app's,
 * so a phone on a slow link loads a few kilobytes of text.
 */
export type ReportLang = 'zh' | 'en';
export type ReportKey = keyof typeof reportZh;
export type ReportVars = Record<string, string | number>;
export type ReportT = (key: ReportKey, vars?: ReportVars) => string;

const RESOURCES: Record<ReportLang, Record<ReportKey, string>> = { zh: reportZh, en: reportEn };
export const LOCALE: Record<ReportLang, string> = { zh: 'zh-CN', en: 'en' };

export function makeT(lang: ReportLang): ReportT {
  const numbers = numberFormat(LOCALE[lang], { maximumFractionDigits: 0 });
  return (key, vars) => {
    const text = RESOURCES[lang][key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

export function langOf(search: string): ReportLang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh';
}

export interface ReportText {
  lang: ReportLang;
  t: ReportT;
}

export const ReportTextContext = createContext<ReportText>({ lang: 'zh', t: makeT('zh') });

export function useReportText(): ReportText {
  return useContext(ReportTextContext);
}

/** A date and time as people read it in the page's language. */
export function formatDateTime(lang: ReportLang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(LOCALE[lang], { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A day as people read it ("12月8日"). */
export function formatDate(lang: ReportLang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(LOCALE[lang], { month: 'long', day: 'numeric' }).format(date);
}

/** "5 分钟前" / "3 h ago" from an ISO instant. */
export function formatAgo(t: ReportT, iso: string, nowMs: number): string {
  const minutes = Math.max(0, Math.round((nowMs - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return t('report.agoMinutes', { n: Math.max(1, minutes) });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('report.agoHours', { n: hours });
  return t('report.agoDays', { n: Math.round(hours / 24) });
}
