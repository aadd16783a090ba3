import { BAND_MINUTES, WALK_SPEED_M_PER_MIN, type LonLat, type WalkProfile } from '../domain/geo';
import { isLang, type Lang, type MessageKey, type Vars } from '../i18n';

export const DEFAULT_DATA = 'data/yuefeng-sample';
export const MODES = ['resident', 'planner', 'volunteers', 'hall'] as const;
export type Mode = (typeof MODES)[number];

export interface Notice {
  key: MessageKey;
  vars?: Vars;
}

export interface UrlState {
  data: string;
  compound: string | null;
  gate: string | null;
  at: LonLat | null;
  profile: WalkProfile;
  minutes: number;
  lang: Lang;
  mode: Mode;
  notices: Notice[];
}

const DEFAULT_MINUTES = 15;

/** `lon,lat` in WGS84 degrees; null when malformed or out of range. */
function parseLonLat(text: string): LonLat | null {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lon, lat] = parts as [number, number];
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null;
}

/**
 * Reads the shareable URL (DESIGN.md "Shareable URLs"). Unknown or bad values fall back
 * to defaults and leave a notice for the user, never a blank page.
 */
export function parseUrlState(search: string, defaultLang: Lang = 'zh'): UrlState {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const bad = (param: string, value: string) => notices.push({ key: 'notice.badParam', vars: { param, value } });

  const langParam = params.get('lang');
  let lang = defaultLang;
  if (langParam !== null) {
    if (isLang(langParam)) lang = langParam;
    else bad('lang', langParam);
  }

  const modeParam = params.get('mode');
  let mode: Mode = 'resident';
  if (modeParam !== null) {
    if ((MODES as readonly string[]).includes(modeParam)) mode = modeParam as Mode;
    else bad('mode', modeParam);
  }

  const dataParam = params.get('data');
  let data = DEFAULT_DATA;
  if (dataParam !== null) {
    if (dataParam.trim() !== '' && !/^(javascript|data):/i.test(dataParam)) data = dataParam.trim();
    else bad('data', dataParam);
  }

  const compound = params.get('compound')?.trim() || null;

  const atParam = params.get('at');
  const at = atParam === null ? null : parseLonLat(atParam);
  if (atParam !== null && !at) bad('at', atParam);

  const profileParam = params.get('profile');
  let profile: WalkProfile = 'standard';
  if (profileParam !== null) {
    if (profileParam in WALK_SPEED_M_PER_MIN) profile = profileParam as WalkProfile;
    else bad('profile', profileParam);
  }

  const minutesParam = params.get('minutes');
  let minutes = DEFAULT_MINUTES;
  if (minutesParam !== null) {
    if ((BAND_MINUTES as readonly number[]).includes(Number(minutesParam))) minutes = Number(minutesParam);
    else bad('minutes', minutesParam);
  }
  const gate = params.get('gate')?.trim() || null;
  return { data, compound, gate, at, profile, minutes, lang, mode, notices };
}

/** The URL for the current view, keeping parameters this version does not own. */
export interface ViewState {
  mode?: Mode;
  data: string;
  compound: string | null;
  gate?: string | null;
  at: LonLat | null;
  profile: WalkProfile;
  minutes: number;
  lang: Lang;
}

export function urlFor(current: string, state: ViewState): string {
  const url = new URL(current);
  const set = (name: string, value: string | null, fallback: string | null) => {
    if (value === null || value === fallback) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  };
  set('mode', state.mode ?? null, 'resident');
  set('data', state.data, DEFAULT_DATA);
  set('compound', state.compound, null);
  set('gate', state.gate ?? null, null);
  set('at', state.at ? `${state.at[0].toFixed(6)},${state.at[1].toFixed(6)}` : null, null);
  set('profile', state.profile, 'standard');
  set('minutes', String(state.minutes), String(DEFAULT_MINUTES));
  set('lang', state.lang, 'zh');
  return url.toString();
}
