/**
 * The service-hall playlist: which views the unattended screen cycles through and for how
 * long. It comes from the dataset (an optional `playlist.json`) or from the URL
 * (`?playlist=`); both are checked here, and a bad entry is left out with a problem, never
 * a blank screen.
 */

/** What one playlist entry shows. */
export const ENTRY_KINDS = ['overview', 'areas', 'spotlight', 'gaps', 'volunteers', 'requests'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export type AreaLevel = 'community' | 'grid';

export type PlaylistEntry =
  | { kind: 'overview'; seconds: number }
  /** Each community (or grid) in turn, `seconds` each. */
  | { kind: 'areas'; level: AreaLevel; seconds: number }
  /** Which compounds have a facility of `category` within 15 minutes. */
  | { kind: 'spotlight'; category: string; seconds: number }
  | { kind: 'gaps'; seconds: number }
  | { kind: 'volunteers'; seconds: number }
  | { kind: 'requests'; seconds: number };

export interface PlaylistConfig {
  entries: PlaylistEntry[];
  /** How often the dataset is read again, minutes. */
  refreshMinutes: number;
  /** After a touch or a key press, the playlist resumes after this many seconds without one. */
  idleSeconds: number;
  /** Categories every compound should reach within 15 minutes (service gaps, overview). */
  essentials: string[];
  /** Show English subtitles under the Chinese titles and legends. */
  subtitles: boolean;
}

export interface PlaylistProblem {
  /** Which entry (counting from 0), or null for a setting of the whole playlist. */
  index: number | null;
  field: string;
  message: string;
}

export interface ParsedPlaylist {
  config: PlaylistConfig;
  problems: PlaylistProblem[];
}

/** Seconds a view may be shown: long enough to read, short enough to keep the screen alive. */
export const MIN_SECONDS = 5;
export const MAX_SECONDS = 600;
const DEFAULT_SECONDS: Record<EntryKind, number> = { overview: 30, areas: 15, spotlight: 25, gaps: 25, volunteers: 20, requests: 20 };

/** Everyday services of a 15-minute circle (一刻钟便民生活圈 / 完整居住社区 basics). */
export const DEFAULT_ESSENTIALS = [
  'canteen',
  'clinic',
  'pharmacy',
  'convenience',
  'market',
  'elderly_care',
  'kindergarten',
  'primary_school',
  'community_service',
  'culture',
  'park',
];

export const DEFAULT_ENTRIES: readonly PlaylistEntry[] = [
  { kind: 'overview', seconds: 30 },
  { kind: 'areas', level: 'community', seconds: 15 },
  { kind: 'spotlight', category: 'canteen', seconds: 25 },
  { kind: 'gaps', seconds: 25 },
  { kind: 'volunteers', seconds: 20 },
  { kind: 'requests', seconds: 20 },
];

export const DEFAULT_CONFIG: PlaylistConfig = {
  entries: [...DEFAULT_ENTRIES],
  refreshMinutes: 10,
  idleSeconds: 60,
  essentials: DEFAULT_ESSENTIALS,
  subtitles: true,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number within [min, max], or the fallback with a problem. */
function numberIn(value: unknown, min: number, max: number, fallback: number, field: string, index: number | null, problems: PlaylistProblem[]): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value >= min && value <= max) return value;
    const clamped = Math.min(max, Math.max(min, value));
    problems.push({ index, field, message: `${value} is outside ${min}–${max}; ${clamped} is used` });
    return clamped;
  }
  problems.push({ index, field, message: `not a number; ${fallback} is used` });
  return fallback;
}

/** One entry, or null (with a problem) when it cannot be used. */
function parseEntry(raw: unknown, index: number, problems: PlaylistProblem[]): PlaylistEntry | null {
  if (!isRecord(raw)) {
    problems.push({ index, field: '(entry)', message: 'not an object; left out' });
    return null;
  }
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(ENTRY_KINDS as readonly string[]).includes(kind)) {
    problems.push({ index, field: 'kind', message: `unknown view ${JSON.stringify(kind)} (one of ${ENTRY_KINDS.join(', ')}); left out` });
    return null;
  }
  const k = kind as EntryKind;
  const seconds = numberIn(raw.seconds, MIN_SECONDS, MAX_SECONDS, DEFAULT_SECONDS[k], 'seconds', index, problems);
  if (k === 'areas') {
    const level = raw.level ?? 'community';
    if (level !== 'community' && level !== 'grid') {
      problems.push({ index, field: 'level', message: `must be "community" or "grid", not ${JSON.stringify(level)}; left out` });
      return null;
    }
    return { kind: k, level, seconds };
  }
  if (k === 'spotlight') {
    if (typeof raw.category !== 'string' || raw.category.trim() === '') {
      problems.push({ index, field: 'category', message: 'a spotlight needs a facility category; left out' });
      return null;
    }
    return { kind: k, category: raw.category.trim(), seconds };
  }
  return { kind: k, seconds };
}

/**
 * Checks a playlist (the parsed JSON of playlist.json, or of `?playlist=`). Accepts either
 * `{ "views": [...], ... }` or a bare array of views. Unusable entries are left out; with
 * none left the default playlist is used.
 */
export function parsePlaylist(raw: unknown): ParsedPlaylist {
  const problems: PlaylistProblem[] = [];
  const body: Record<string, unknown> = Array.isArray(raw) ? { views: raw } : isRecord(raw) ? raw : {};
  if (!Array.isArray(raw) && !isRecord(raw))
    problems.push({ index: null, field: '(playlist)', message: 'not a JSON object or array; the default playlist is used' });
  let entries: PlaylistEntry[] = [];
  if (body.views !== undefined && !Array.isArray(body.views))
    problems.push({ index: null, field: 'views', message: 'must be an array; the default views are used' });
  else if (Array.isArray(body.views)) entries = body.views.map((v, i) => parseEntry(v, i, problems)).filter((e): e is PlaylistEntry => e !== null);
  if (entries.length === 0) {
    if (Array.isArray(body.views)) problems.push({ index: null, field: 'views', message: 'no usable view; the default views are used' });
    entries = [...DEFAULT_ENTRIES];
  }
  let essentials = DEFAULT_ESSENTIALS;
  if (body.essentials !== undefined) {
    const list = Array.isArray(body.essentials) ? body.essentials.filter((c): c is string => typeof c === 'string' && c.trim() !== '') : [];
    if (list.length > 0) essentials = list;
    else problems.push({ index: null, field: 'essentials', message: 'must be a non-empty list of category ids; the default list is used' });
  }
  let subtitles = DEFAULT_CONFIG.subtitles;
  if (body.subtitles !== undefined) {
    if (typeof body.subtitles === 'boolean') subtitles = body.subtitles;
    else problems.push({ index: null, field: 'subtitles', message: 'must be true or false' });
  }
  return {
    config: {
      entries,
      refreshMinutes: numberIn(body.refreshMinutes, 1, 24 * 60, DEFAULT_CONFIG.refreshMinutes, 'refreshMinutes', null, problems),
      idleSeconds: numberIn(body.idleSeconds, 5, 3600, DEFAULT_CONFIG.idleSeconds, 'idleSeconds', null, problems),
      essentials,
      subtitles,
    },
    problems,
  };
}

/**
 * `?playlist=` is either JSON (as playlist.json) or a short list for typing into a URL:
 * `overview:30,communities:15,grids:10,spotlight.canteen:25,gaps:20`.
 */
export function parsePlaylistParam(text: string): ParsedPlaylist {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return parsePlaylist(JSON.parse(trimmed));
    } catch {
      const parsed = parsePlaylist([]);
      return {
        ...parsed,
        problems: [
          { index: null, field: '(playlist)', message: 'not valid JSON; the default playlist is used' },
          ...parsed.problems.filter((p) => p.field !== 'views'),
        ],
      };
    }
  }
  const views = trimmed
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const [name = '', secondsText] = item.split(':');
      const [kind = '', arg] = name.split('.');
      const seconds = secondsText === undefined ? undefined : Number(secondsText);
      if (kind === 'communities' || kind === 'grids') return { kind: 'areas', level: kind === 'grids' ? 'grid' : 'community', seconds };
      return { kind, seconds, ...(kind === 'spotlight' ? { category: arg } : {}) };
    });
  return parsePlaylist({ views });
}
