import type { CSSProperties } from 'react';
import { useT } from '../../components/useT';
import type { OpenStateKind } from '../../domain/openState';
import { wallClockIn } from '../../domain/wallClock';
import { dateTimeFormat, htmlLang, type Lang } from '../../i18n';
import { useStore } from '../../store';
import { useOpenState } from './useOpenState';

export type BadgeKind = OpenStateKind | 'soon';

/**
 * Text and background per state. Every pair is at least 7:1, and the text alone at least
 * 7.8:1 on white (WCAG 2.2 SC 1.4.3 asks 4.5:1); the words carry the meaning, not the colour.
 */
export const BADGE_COLOURS: Record<BadgeKind, { color: string; background: string }> = {
  open: { color: '#1b5e20', background: '#ebfbee' },
  soon: { color: '#7a3e00', background: '#fff3d6' },
  closed: { color: '#9c1c1c', background: '#fdecec' },
  unknown: { color: '#495057', background: '#f1f3f5' },
};

const BASE_STYLE: CSSProperties = {
  display: 'inline-block',
  padding: '0 6px',
  borderRadius: 4,
  border: '1px solid currentColor',
  fontWeight: 700,
  whiteSpace: 'nowrap',
};

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "08:00" when the change is today (in `timeZone`), "周一 08:00" within the week,
 * "3月9日 08:00" further away.
 */
export function changeTime(change: Date, now: Date, timeZone: string, lang: Lang): string {
  const wall = wallClockIn(change, timeZone);
  const today = wallClockIn(now, timeZone);
  const time = `${pad(wall.hour)}:${pad(wall.minute)}`;
  if (wall.year === today.year && wall.month === today.month && wall.day === today.day) return time;
  const far = change.getTime() - now.getTime() >= 6 * DAY_MS;
  const day = dateTimeFormat(htmlLang(lang), far ? { timeZone, month: 'numeric', day: 'numeric' } : { timeZone, weekday: 'short' }).format(change);
  return `${day} ${time}`;
}

export interface OpenBadgeProps {
  /** The facility's OSM `opening_hours` value; undefined when the data has none. */
  hours: string | undefined;
  now: Date;
  /** IANA zone of the dataset (manifest.timezone). */
  timeZone: string;
}

/** 营业中 / 即将关门（18:00） / 已关门（08:00 开门） / 时间未知, from the facility's opening hours. */
export function OpenBadge({ hours, now, timeZone }: OpenBadgeProps) {
  const lang = useStore((s) => s.lang);
  const holidays = useStore((s) => s.dataset?.manifest.holidays);
  const t = useT();
  const result = useOpenState(hours, now, timeZone, holidays ? { holidays } : {});
  let kind: BadgeKind = 'unknown';
  let text = t('openNow.unknown');
  if (result?.state === 'open') {
    kind = result.closesSoon ? 'soon' : 'open';
    text = result.closesSoon && result.changesAt ? t('openNow.closesSoon', { time: changeTime(result.changesAt, now, timeZone, lang) }) : t('openNow.open');
  } else if (result?.state === 'closed') {
    kind = 'closed';
    text = result.changesAt ? t('openNow.closedUntil', { time: changeTime(result.changesAt, now, timeZone, lang) }) : t('openNow.closed');
  }
  return (
    <span className={`open-badge open-${kind}`} style={{ ...BASE_STYLE, ...BADGE_COLOURS[kind] }} title={hours}>
      {text}
    </span>
  );
}
