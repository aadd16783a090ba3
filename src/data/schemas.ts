import { lazySchema, z } from '../domain/zod';
import {
  CONTEXT_KINDS,
  GRID_LEVELS,
  REQUEST_STAGES,
  type BuildingProps,
  type CompoundProps,
  type ContextProps,
  type DatasetFile,
  type FacilityProps,
  type GateProps,
  type GridProps,
  type NetworkProps,
  type RequestProps,
  type VolunteerProps,
} from '../domain/dataset';
import { CATEGORIES, isCategoryId } from '../domain/taxonomy';
import { foundPhrase, phrase, type Phrase, type ProblemCode, type ProblemParams } from '../domain/problemText';
import type { GeometryType } from './geometry';

/**
 * Property schemas per dataset file (DATA-CONTRACT.md). Each field carries the words a
 * problem message uses for what it must be. `id` is handled before these run, because a
 * problem names its feature by id.
 */

/** One finding about a field of a feature that otherwise validated. */
export interface FieldIssue {
  field: string;
  code: ProblemCode;
  params: ProblemParams;
  severity: 'error' | 'warning';
}

export interface LayerSpec<P extends { id?: string }> {
  file: DatasetFile;
  /** Allowed geometry types; null = any. */
  geometry: readonly GeometryType[] | null;
  /** Whether a feature without an id is left out (every file but context). */
  idRequired: boolean;
  /** Checks the properties except `id`; unknown extra properties are kept. */
  readonly schema: z.ZodType<Omit<P, 'id'>>;
  /** What each field must be, for "expected …, found …". */
  expected: Record<string, Phrase>;
  /** Fields whose `null` means "not given" (GIS tools write null for empty cells). */
  readonly optional: ReadonlySet<string>;
  /** Checks across fields of a feature whose fields are each valid. */
  check?: (props: P) => FieldIssue[];
  /**
   * A hand-written check of the properties used instead of `schema`, for the layer of many
   * simple features (network.geojson: ~100k ways a city): the same verdicts and problems as
   * the schema, without a zod parse, an issue list and a copy per feature. `schema` stays the
   * definition; tests/unit/loader-fast-path.test.ts holds the two to the same answers.
   */
  fastCheck?: (props: Readonly<Record<string, unknown>>) => readonly FieldIssue[];
}

const WHOLE = phrase('expect.whole');
const NO_ISSUES: readonly FieldIssue[] = [];
const TEXT = phrase('expect.text');
const oneOf = (values: readonly string[]) => phrase('expect.oneOf', { list: values.join(', ') });
// The fields' schemas are made with their layer's (see layer below), not as this module loads.
const text = () => z.string();
const count = () => z.number().int().min(0);
const isoDate = () => z.string().refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)));
const dateTime = () => z.string().refine((s) => !Number.isNaN(Date.parse(s)));
/** Spreadsheets often turn phone numbers into numbers; keep them as text. */
const phone = () => z.union([z.string(), z.number().transform(String)]);

const named = () => ({ name: text().optional(), name_en: text().optional() });
const NAMED_EXPECTED = { name: TEXT, name_en: TEXT };

const categoryExpected = phrase('expect.category', {
  first: CATEGORIES.slice(0, 5)
    .map((c) => c.id)
    .join(', '),
  count: CATEGORIES.length,
});

function optionalFields(shape: Record<string, z.ZodType>): ReadonlySet<string> {
  return new Set(Object.keys(shape).filter((k) => shape[k]?.safeParse(undefined).success));
}

/**
 * A layer's spec, its schema made the first time it is read: made all at once, the layers'
 * schemas held the page's first task with the loader in it past 50 ms; made when a layer's
 * check begins, each is a small part of a slice.
 */
function layer<P extends { id?: string }>(spec: Omit<LayerSpec<P>, 'schema' | 'optional'> & { shape: () => Record<string, z.ZodType> }): LayerSpec<P> {
  const { shape, ...rest } = spec;
  const made = lazySchema(() => {
    const fields = shape();
    // The shapes below are written to match the *Props interfaces of domain/dataset.ts.
    return { schema: z.looseObject(fields) as unknown as z.ZodType<Omit<P, 'id'>>, optional: optionalFields(fields) };
  });
  return {
    ...rest,
    get schema() {
      return made().schema;
    },
    get optional() {
      return made().optional;
    },
  };
}

const POLYGONAL = ['Polygon', 'MultiPolygon'] as const;
const POINT = ['Point'] as const;

export const COMPOUNDS = layer<CompoundProps>({
  file: 'compounds.geojson',
  geometry: POLYGONAL,
  idRequired: true,
  shape: () => ({
    ...named(),
    population: count(),
    elderly60: count(),
    elderly80: count(),
    households: count().optional(),
    built_year: z.number().int().min(1000).max(2200).optional(),
    property_management: z.boolean().optional(),
    community_id: text().optional(),
    grid_id: text().optional(),
  }),
  expected: {
    ...NAMED_EXPECTED,
    population: WHOLE,
    elderly60: phrase('expect.elderly60'),
    elderly80: phrase('expect.elderly80'),
    households: WHOLE,
    built_year: phrase('expect.year'),
    property_management: phrase('expect.boolean'),
    community_id: TEXT,
    grid_id: TEXT,
  },
  check(p) {
    const issues: FieldIssue[] = [];
    if (p.elderly80 > p.elderly60) {
      issues.push({
        field: 'elderly80',
        severity: 'warning',
        code: 'compound.elderly80AboveElderly60',
        params: { elderly80: p.elderly80, elderly60: p.elderly60 },
      });
    }
    if (p.elderly60 > p.population) {
      issues.push({
        field: 'elderly60',
        severity: 'warning',
        code: 'compound.elderly60AbovePopulation',
        params: { elderly60: p.elderly60, population: p.population },
      });
    }
    return issues;
  },
});

export const FACILITIES = layer<FacilityProps>({
  file: 'facilities.geojson',
  geometry: POINT,
  idRequired: true,
  shape: () => ({
    ...named(),
    category: z.string().refine(isCategoryId),
    opening_hours: text().optional(),
    capacity: count().optional(),
    phone: phone().optional(),
    address: text().optional(),
    last_verified: isoDate().optional(),
    source: text().optional(),
  }),
  expected: {
    ...NAMED_EXPECTED,
    category: categoryExpected,
    opening_hours: phrase('expect.openingHours'),
    capacity: WHOLE,
    phone: TEXT,
    address: TEXT,
    last_verified: phrase('expect.date'),
    source: TEXT,
  },
});

const NETWORK_EXPECTED = { name: TEXT, highway: phrase('expect.highway'), access: phrase('expect.access'), bridge: phrase('expect.bridge') };

export const NETWORK = layer<NetworkProps>({
  file: 'network.geojson',
  geometry: ['LineString', 'MultiLineString'],
  idRequired: true,
  shape: () => ({
    name: text().optional(),
    highway: text().optional(),
    access: text().optional(),
    bridge: z.union([z.boolean(), z.string()]).optional(),
  }),
  expected: NETWORK_EXPECTED,
  fastCheck(props) {
    let issues: FieldIssue[] | null = null;
    // In the schema's field order, as its issues come; null and absent both mean "not given".
    for (const field of ['name', 'highway', 'access', 'bridge'] as const) {
      const value = props[field];
      if (value === undefined || value === null || typeof value === 'string' || (field === 'bridge' && typeof value === 'boolean')) continue;
      (issues ??= []).push({
        field,
        severity: 'error',
        code: 'field.invalid',
        params: { field, expected: NETWORK_EXPECTED[field], found: foundPhrase(value) },
      });
    }
    return issues ?? NO_ISSUES;
  },
});

export const GATES = layer<GateProps>({
  file: 'gates.geojson',
  geometry: POINT,
  idRequired: true,
  shape: () => ({ ...named(), compound_id: z.string().min(1) }),
  expected: { ...NAMED_EXPECTED, compound_id: phrase('expect.compoundRef') },
});

const staffMember = () => z.looseObject({ role: text(), name: text().optional(), phone: phone().optional() });

export const GRIDS = layer<GridProps>({
  file: 'grids.geojson',
  geometry: POLYGONAL,
  idRequired: true,
  shape: () => ({ ...named(), level: z.enum(GRID_LEVELS), parent_id: z.string().min(1).optional(), staff: z.array(staffMember()).optional() }),
  expected: {
    ...NAMED_EXPECTED,
    level: oneOf(GRID_LEVELS),
    parent_id: phrase('expect.gridRef'),
    staff: phrase('expect.staff'),
  },
});

export const VOLUNTEERS = layer<VolunteerProps>({
  file: 'volunteers.geojson',
  geometry: POINT,
  idRequired: true,
  shape: () => ({
    ...named(),
    team: text().optional(),
    skills: z.array(z.string()).default([]),
    availability: text().optional(),
    service_radius_m: z.number().min(0).optional(),
    phone: phone().optional(),
  }),
  expected: {
    ...NAMED_EXPECTED,
    team: TEXT,
    skills: phrase('expect.skills'),
    availability: phrase('expect.openingHours'),
    service_radius_m: phrase('expect.metres'),
    phone: TEXT,
  },
});

const DATE_TIME = phrase('expect.dateTime');

export const REQUESTS = layer<RequestProps>({
  file: 'requests.geojson',
  geometry: POINT,
  idRequired: true,
  shape: () => ({
    // Defaults to the feature id (see load.ts), so it may be left out.
    service_request_id: z.union([z.string().min(1), z.number().transform(String)]).optional(),
    service_code: z.string().min(1),
    description: text().optional(),
    status: z.enum(['open', 'closed']),
    stage: z.enum(REQUEST_STAGES),
    requested_datetime: dateTime(),
    updated_datetime: dateTime().optional(),
    expected_datetime: dateTime().optional(),
    compound_id: z.string().min(1).optional(),
    rating: z.number().int().min(1).max(5).optional(),
  }),
  expected: {
    service_request_id: TEXT,
    service_code: phrase('expect.serviceCode'),
    description: TEXT,
    status: phrase('expect.openClosed'),
    stage: oneOf(REQUEST_STAGES),
    requested_datetime: DATE_TIME,
    updated_datetime: DATE_TIME,
    expected_datetime: DATE_TIME,
    compound_id: phrase('expect.compoundRef'),
    rating: phrase('expect.rating'),
  },
});

export const CONTEXT = layer<ContextProps>({
  file: 'context.geojson',
  geometry: null,
  idRequired: false,
  shape: () => ({ kind: z.enum(CONTEXT_KINDS), name: text().optional() }),
  expected: { kind: oneOf(CONTEXT_KINDS), name: TEXT },
});

export const BUILDINGS = layer<BuildingProps>({
  file: 'buildings.geojson',
  geometry: [...POLYGONAL, ...POINT],
  idRequired: true,
  shape: () => ({
    ...named(),
    compound_id: z.string().min(1),
    grid_id: z.string().min(1).optional(),
    households: count().optional(),
    residents: count().optional(),
    elderly60: count().optional(),
    party_group: text().optional(),
  }),
  expected: {
    ...NAMED_EXPECTED,
    compound_id: phrase('expect.compoundRef'),
    grid_id: phrase('expect.gridRef'),
    households: WHOLE,
    residents: WHOLE,
    elderly60: phrase('expect.elderly60'),
    party_group: TEXT,
  },
  check(p) {
    if (p.elderly60 === undefined || p.residents === undefined || p.elderly60 <= p.residents) return [];
    return [{ field: 'elderly60', severity: 'warning', code: 'building.elderly60AboveResidents', params: { elderly60: p.elderly60, residents: p.residents } }];
  },
});
