import { z } from '../domain/zod';
import { CRS_IDS, type CrsId, type Manifest, type Problem } from '../domain/dataset';
import { describeValue } from './messages';

/**
 * manifest.json (DATA-CONTRACT.md). Without a usable id, name or crs nothing can be
 * loaded; an unusable optional field is reported as a warning and left out (or defaulted).
 */

const FILE = 'manifest.json';
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** "wgs-84", "gcj_02", "EPSG:4326" → a CRS id; other spellings are left for the enum to reject. */
function normalizeCrs(value: string): string {
  const key = value.replace(/[\s_-]/g, '').toUpperCase();
  return key === 'EPSG:4326' || key === 'WGS1984' ? 'WGS84' : key;
}

function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const nonEmpty = z.string().trim().min(1);

const SHAPE = {
  id: nonEmpty,
  name: z.union([nonEmpty.transform((zh) => ({ zh })), z.looseObject({ zh: nonEmpty, en: z.string().optional() })]),
  crs: z.string().transform(normalizeCrs).pipe(z.enum(CRS_IDS)),
  dataAsOf: z
    .string()
    .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)))
    .optional(),
  synthetic: z.boolean().default(false),
  sources: z
    .array(z.looseObject({ name: nonEmpty, licence: z.string().optional(), attribution: z.string().optional(), url: z.string().optional() }))
    .default([]),
  licence: z.string().optional(),
  timezone: z.string().refine(isTimezone).default(DEFAULT_TIMEZONE),
};

const EXPECTED: Record<keyof typeof SHAPE, string> = {
  id: 'a non-empty text id',
  name: 'an object { "zh": "…", "en": "…" } (or one text)',
  crs: `one of ${CRS_IDS.join(', ')}`,
  dataAsOf: 'a date such as 2026-11-01',
  synthetic: 'true or false',
  sources: 'an array of { name, licence, attribution, url }',
  licence: 'text',
  timezone: `an IANA time zone such as ${DEFAULT_TIMEZONE}`,
};

const REQUIRED = new Set(['id', 'name', 'crs']);
const DEFAULTED = new Set(['synthetic', 'sources', 'timezone']);
const schema = z.looseObject(SHAPE);

export interface ManifestResult {
  manifest: Manifest | null;
  problems: Problem[];
}

/** Validates a parsed manifest.json. `manifest` is null when a required field is unusable. */
export function parseManifest(raw: unknown): ManifestResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const message = `expected a JSON object with id, name and crs, found ${describeValue(raw)}`;
    return { manifest: null, problems: [{ file: FILE, field: '(file)', message, severity: 'error' }] };
  }
  const input: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const problems: Problem[] = [];
  let result = schema.safeParse(input);
  if (!result.success) {
    const fields = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '(file)')));
    let fatal = false;
    for (const field of fields) {
      const required = REQUIRED.has(field);
      const expected = EXPECTED[field as keyof typeof SHAPE] ?? 'a valid value';
      const consequence = required ? '' : DEFAULTED.has(field) ? '; the default is used' : '; it was ignored';
      problems.push({
        file: FILE,
        field,
        message: `${field}: expected ${expected}, found ${describeValue(input[field])}${consequence}`,
        severity: required ? 'error' : 'warning',
      });
      fatal ||= required;
      delete input[field];
    }
    if (fatal) return { manifest: null, problems };
    result = schema.safeParse(input);
    if (!result.success) return { manifest: null, problems };
  }
  const manifest = result.data as Manifest & { crs: CrsId };
  if (manifest.dataAsOf === undefined && !problems.some((p) => p.field === 'dataAsOf')) {
    problems.push({
      file: FILE,
      field: 'dataAsOf',
      message: 'dataAsOf: missing; expected a date such as 2026-11-01, so the app can say how current the data is',
      severity: 'warning',
    });
  }
  return { manifest, problems };
}
