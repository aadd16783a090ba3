import type { RequestStage, VolunteerProps } from '../../domain/dataset';
import { categoryOf } from '../../domain/taxonomy';
import { isKnownSkill } from '../../domain/volunteers/skills';
import type { EscalationLevel } from '../../domain/volunteers/workflow';
import { dateTimeFormat, formatNumber, type Lang, type MessageKey } from '../../i18n';
import './messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };
const DAY_MS = 86_400_000;

/** "10月29日 19:22" / "29 Oct, 19:22", on the dataset's clock. */
export function formatDateTime(lang: Lang, value: Date | string | null | undefined, timeZone: string): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
  return dateTimeFormat(LOCALES[lang], { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** "2026年11月1日" / "1 November 2026" on the dataset's clock. */
export function formatDay(lang: Lang, date: Date, timeZone: string): string {
  return dateTimeFormat(LOCALES[lang], { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/** "19:22:05" on the machine's clock (when the browser last read a file). */
export function formatClock(lang: Lang, ms: number): string {
  return dateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
}

export function formatDays(lang: Lang, ms: number): string {
  return formatNumber(lang, ms / DAY_MS, 1);
}

export function formatPercent(lang: Lang, share: number): string {
  return `${formatNumber(lang, share * 100)}%`;
}

export function formatMinuteOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

const STAGE_KEY: Record<RequestStage, MessageKey> = {
  collect: 'volunteers.stage.collect',
  deliberate: 'volunteers.stage.deliberate',
  coordinate: 'volunteers.stage.coordinate',
  execute: 'volunteers.stage.execute',
  publish: 'volunteers.stage.publish',
  rate: 'volunteers.stage.rate',
};

export const stageLabel = (t: T, stage: RequestStage) => t(STAGE_KEY[stage]);

const SKILL_KEY: Record<string, MessageKey> = {
  medical: 'volunteers.skill.medical',
  escort: 'volunteers.skill.escort',
  repair: 'volunteers.skill.repair',
  errand: 'volunteers.skill.errand',
  companionship: 'volunteers.skill.companionship',
  mediation: 'volunteers.skill.mediation',
};

/** A skill's name; a skill this version does not know is shown as written in the data. */
export function skillLabel(t: T, skill: string): string {
  return isKnownSkill(skill) ? t(SKILL_KEY[skill]!) : skill;
}

/** What a request asks for: a facility category's name, a skill's name, or the code itself. */
export function codeLabel(t: T, lang: Lang, code: string): string {
  const category = categoryOf(code);
  if (category) return lang === 'en' ? category.en : category.zh;
  return skillLabel(t, code);
}

const LEVEL_KEY: Record<EscalationLevel, MessageKey> = {
  grid: 'volunteers.level.grid',
  community: 'volunteers.level.community',
  town: 'volunteers.level.town',
  district: 'volunteers.level.district',
};

export const levelLabel = (t: T, level: EscalationLevel) => t(LEVEL_KEY[level]);

/** A volunteer's name where the data has one, else their id (a sanitised dataset has no names). */
export function volunteerLabel(v: Pick<VolunteerProps, 'id' | 'name'>): string {
  return v.name?.trim() || v.id;
}

export function compoundName(lang: Lang, compounds: ReadonlyMap<string, { name?: string; name_en?: string }>, id: string | null | undefined): string {
  if (!id) return '';
  const c = compounds.get(id);
  return (lang === 'en' ? (c?.name_en ?? c?.name) : c?.name) ?? id;
}
