import { lazySchema, z } from '../domain/zod';
import { CRS_IDS, type CrsId, type Manifest, type Problem } from '../domain/dataset';
import { foundPhrase, phrase, type Phrase } from '../domain/problemText';
import { makeProblem } from './messages';
import { DEFAULT_TIMEZONE } from './manifestFiles';

/**
 * manifest.json (DATA-CONTRACT.md). Without a usable id, name or crs nothing can be
 * loaded; an unusable optional field is reported as a warning and left out (or defaulted).
 */

const FILE = 'manifest.json';

/** "wgs-84", "gcj_02", "EPSG:4326" → a CRS id; other spellings are left for the enum to reject. */
function normalizeCrs(value: string): string {
  const key = value.replace(/[\s_-]/g, '').toUpperCase();
  return key === 'EPSG:4326' || key === 'WGS1984' ? 'WGS84' : key;
}

/**
 * Whether Intl knows the zone. The default zone (the one nearly every dataset names) is known
 * everywhere, and asking Intl about a zone loads the time zone data: about 150 ms on a phone,
 * on the way to a shared link's walkshed.
 */
function isTimezone(tz: string): boolean {
  if (tz === DEFAULT_TIMEZONE) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const shape = () => {
  const nonEmpty = z.string().trim().min(1);
  return {
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
    files: z.array(nonEmpty).optional(),
    holidays: z
      .looseObject({ off: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(), work: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional() })
      .optional(),
  };
};

const EXPECTED: Record<keyof ReturnType<typeof shape>, Phrase> = {
  id: phrase('expect.id'),
  name: phrase('expect.name'),
  crs: phrase('expect.oneOf', { list: CRS_IDS.join(', ') }),
  dataAsOf: phrase('expect.date'),
  synthetic: phrase('expect.boolean'),
  sources: phrase('expect.sources'),
  licence: phrase('expect.text'),
  timezone: phrase('expect.timezone', { example: DEFAULT_TIMEZONE }),
  files: phrase('expect.files'),
  holidays: phrase('expect.holidays'),
};

const REQUIRED = new Set(['id', 'name', 'crs']);
const DEFAULTED = new Set(['synthetic', 'sources', 'timezone']);
/** manifest.json's schema (the loader has it made while the files are on their way). */
export const manifestSchema = lazySchema(() => z.looseObject(shape()));

export interface ManifestResult {
  manifest: Manifest | null;
  problems: Problem[];
}

/** Validates a parsed manifest.json. `manifest` is null when a required field is unusable. */
export function parseManifest(raw: unknown): ManifestResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { manifest: null, problems: [makeProblem({ file: FILE, field: '(file)', severity: 'error' }, 'manifest.notObject', { found: foundPhrase(raw) })] };
  }
  const input: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const problems: Problem[] = [];
  let result = manifestSchema().safeParse(input);
  if (!result.success) {
    const fields = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '(file)')));
    let fatal = false;
    for (const field of fields) {
      const required = REQUIRED.has(field);
      const expected = EXPECTED[field as keyof typeof EXPECTED] ?? phrase('expect.valid');
      const code = required ? 'field.invalid' : DEFAULTED.has(field) ? 'field.invalidDefault' : 'field.invalidIgnored';
      const severity = required ? 'error' : 'warning';
      problems.push(makeProblem({ file: FILE, field, severity }, code, { field, expected, found: foundPhrase(input[field]) }));
      fatal ||= required;
      delete input[field];
    }
    if (fatal) return { manifest: null, problems };
    result = manifestSchema().safeParse(input);
    if (!result.success) return { manifest: null, problems };
  }
  const manifest = result.data as Manifest & { crs: CrsId };
  if (manifest.dataAsOf === undefined && !problems.some((p) => p.field === 'dataAsOf')) {
    problems.push(makeProblem({ file: FILE, field: 'dataAsOf', severity: 'warning' }, 'manifest.noDataAsOf'));
  }
  return { manifest, problems };
}
