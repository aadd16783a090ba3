import { lazySchema, z } from '../domain/zod';
import type { Feature, Geometry } from 'geojson';
import type { Problem } from '../domain/dataset';
import { geometryProblem, type RawGeometry } from './geometry';
import { foundPhrase, phrase, type Phrase, type ProblemCode, type ProblemParams } from '../domain/problemText';
import { makeProblem } from './messages';
import type { FieldIssue, LayerSpec } from './schemas';
import type { Slices } from './slices';

/**
 * Validates one FeatureCollection file feature by feature: a bad feature is left out and
 * listed, every valid one is kept. Zod checks each feature's shape and properties; the
 * coordinates are checked by the hand loop in geometry.ts. A layer with a `fastCheck`
 * (network.geojson, ~100k ways a city) is checked by hand instead, with the same verdicts
 * and problems, and its features are kept as parsed rather than copied.
 */

export interface LayerResult<P> {
  /** null when the file is not a FeatureCollection at all. */
  features: Feature<Geometry, P>[] | null;
  problems: Problem[];
  /** Number of features in the file, valid or not. */
  total: number;
  /** Every id seen in the file, whether its feature loaded or not, with the index of its first feature. */
  ids: ReadonlyMap<string, number>;
}

const collectionSchema = lazySchema(() => z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }));

const featureSchema = lazySchema(() =>
  z.looseObject({
    type: z.literal('Feature'),
    geometry: z.looseObject({ type: z.string(), coordinates: z.unknown().optional(), geometries: z.unknown().optional() }).nullable().optional(),
    properties: z.record(z.string(), z.unknown()).nullable().optional(),
  }),
);

const ENVELOPE_EXPECTED: Record<string, Phrase> = {
  type: phrase('expect.featureType'),
  geometry: phrase('expect.geometryObject'),
  properties: phrase('expect.object'),
};

const VALID = phrase('expect.valid');
const NO_ISSUES: readonly FieldIssue[] = [];

function describeGeoJson(value: unknown): Phrase {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  return typeof type === 'string' && !Array.isArray(value) ? phrase('found.typedObject', { type: JSON.stringify(type) }) : foundPhrase(value);
}

/** A usable id: non-empty text, or a finite number (kept as text). */
function usableId(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function validateLayer<P extends { id?: string }>(spec: LayerSpec<P>, parsed: unknown): LayerResult<P> {
  const checking = checkingLayer(spec, parsed);
  for (;;) {
    const step = checking.next();
    if (step.done) return step.value;
  }
}

/** The features checked between two looks at the clock. */
const FEATURES_PER_LOOK = 64;

/**
 * validateLayer, in `slices`: on the page, a city's 5,000 compounds and its facilities were
 * checked in one task of 130-200 ms. Same result. The first look at the clock comes before the
 * first feature (the file's parse may have used the slice up).
 */
export async function validateLayerInSlices<P extends { id?: string }>(spec: LayerSpec<P>, parsed: unknown, slices: Slices): Promise<LayerResult<P>> {
  const checking = checkingLayer(spec, parsed);
  for (;;) {
    const step = checking.next();
    if (step.done) return step.value;
    if (slices.over) await slices.next();
  }
}

/** validateLayer's work, stopping every FEATURES_PER_LOOK features; its return value is the result. */
function* checkingLayer<P extends { id?: string }>(spec: LayerSpec<P>, parsed: unknown): Generator<void, LayerResult<P>> {
  const { file } = spec;
  const collection = collectionSchema().safeParse(parsed);
  if (!collection.success) {
    const problem = makeProblem({ file, field: '(file)', severity: 'error' }, 'file.notCollection', { found: describeGeoJson(parsed) });
    return { features: null, problems: [problem], total: 0, ids: new Map() };
  }
  const raw = collection.data.features;
  // A first look at the clock before any feature: the page's parse of the file may have used the slice up.
  yield;
  const features: Feature<Geometry, P>[] = [];
  const problems: Problem[] = [];
  const firstIndexOf = new Map<string, number>();

  for (let index = 0; index < raw.length; index++) {
    if (index % FEATURES_PER_LOOK === FEATURES_PER_LOOK - 1) yield;
    const item: unknown = raw[index];
    const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const rawProps = record.properties;
    const propsRecord = typeof rawProps === 'object' && rawProps !== null ? (rawProps as Record<string, unknown>) : {};
    const id = usableId(propsRecord.id) ?? usableId(record.id);
    const at: Pick<Problem, 'id' | 'index'> = id === undefined ? { index } : { id };
    const report = (field: string, code: ProblemCode, params?: ProblemParams, severity: Problem['severity'] = 'error') =>
      problems.push(makeProblem({ file, ...at, field, severity }, code, params));
    let bad = false;

    if (id === undefined && spec.idRequired) {
      report('id', 'feature.noId', { found: foundPhrase(propsRecord.id ?? record.id) });
      bad = true;
    } else if (id !== undefined) {
      const first = firstIndexOf.get(id);
      if (first === undefined) {
        firstIndexOf.set(id, index);
      } else {
        problems.push(makeProblem({ file, id, index, field: 'id', severity: 'error' }, 'feature.duplicateId', { id: JSON.stringify(id), first, index }));
        continue;
      }
    }

    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      report('(feature)', 'feature.notFeature', { found: foundPhrase(item) });
      continue;
    }
    const badEnvelope = spec.fastCheck ? envelopeByHand(record) : envelopeBySchema(item);
    if (badEnvelope) {
      for (const field of badEnvelope) {
        report(field, 'field.invalid', { field, expected: ENVELOPE_EXPECTED[field] ?? VALID, found: describeGeoJson(record[field]) });
      }
      continue;
    }

    const geometry = record.geometry as RawGeometry | null | undefined;
    const geometryIssue = geometryProblem(geometry, spec.geometry);
    if (geometryIssue) {
      report('geometry', geometryIssue.code, geometryIssue.params);
      bad = true;
    }

    const parsedProps = spec.fastCheck ? checkByHand(spec, spec.fastCheck, propsRecord) : parseProperties(spec, propsRecord);
    for (const issue of parsedProps.issues) report(issue.field, issue.code, issue.params, issue.severity);
    if (bad || !parsedProps.props) continue;

    const props = (id === undefined || parsedProps.props.id === id ? parsedProps.props : { ...parsedProps.props, id }) as P;
    const extra = spec.check?.(props) ?? NO_ISSUES;
    for (const issue of extra) report(issue.field, issue.code, issue.params, issue.severity);
    if (extra.some((issue) => issue.severity === 'error')) continue;

    if (spec.fastCheck) {
      // The parsed feature itself, not a copy (its geometry has passed, any other member is left as it was).
      if (record.properties !== props) record.properties = props;
      features.push(record as unknown as Feature<Geometry, P>);
      continue;
    }
    const g = geometry as RawGeometry;
    const clean = (g.type === 'GeometryCollection' ? { type: g.type, geometries: g.geometries } : { type: g.type, coordinates: g.coordinates }) as Geometry;
    features.push({ type: 'Feature', geometry: clean, properties: props });
  }
  return { features, problems, total: raw.length, ids: firstIndexOf };
}

/** The envelope fields (type, geometry, properties) the feature schema rejects, in its order; null when none. */
function envelopeBySchema(item: object): string[] | null {
  const envelope = featureSchema().safeParse(item);
  return envelope.success ? null : [...new Set(envelope.error.issues.map((i) => String(i.path[0])))];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const absent = (value: unknown) => value === undefined || value === null;

/** envelopeBySchema's answer by hand, for layers with a fastCheck (no zod parse, no copy of the feature). */
function envelopeByHand(record: Record<string, unknown>): string[] | null {
  const { geometry, properties } = record;
  const typeOk = record.type === 'Feature';
  const geometryOk = absent(geometry) || (isRecord(geometry) && typeof geometry.type === 'string');
  const propertiesOk = absent(properties) || isRecord(properties);
  if (typeOk && geometryOk && propertiesOk) return null;
  return [...(typeOk ? [] : ['type']), ...(geometryOk ? [] : ['geometry']), ...(propertiesOk ? [] : ['properties'])];
}

interface CheckedProps {
  /** The properties to keep (without `id` handling), or null when a field is in error. */
  props: (Record<string, unknown> & { id?: unknown }) | null;
  issues: readonly FieldIssue[];
}

/**
 * parseProperties by a layer's hand-written check: the feature's own properties object is
 * kept (copied only to drop a null optional field, as the schema path does).
 */
function checkByHand<P extends { id?: string }>(
  spec: LayerSpec<P>,
  fastCheck: NonNullable<LayerSpec<P>['fastCheck']>,
  raw: Record<string, unknown>,
): CheckedProps {
  const issues = fastCheck(raw);
  if (issues.some((issue) => issue.severity === 'error')) return { props: null, issues };
  let props = raw;
  for (const key of spec.optional) {
    if (props[key] === null) {
      if (props === raw) props = { ...raw };
      delete props[key];
    }
  }
  return { props, issues };
}

function parseProperties<P extends { id?: string }>(
  spec: LayerSpec<P>,
  raw: Record<string, unknown>,
): { props: (Omit<P, 'id'> & { id?: unknown }) | null; issues: FieldIssue[] } {
  let input = raw;
  for (const key of spec.optional) {
    if (input[key] === null) {
      if (input === raw) input = { ...raw };
      delete input[key];
    }
  }
  const result = spec.schema.safeParse(input);
  if (result.success) return { props: result.data, issues: [] };
  const fields = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '(properties)')));
  const issues: FieldIssue[] = [...fields].map((field) => ({
    field,
    severity: 'error',
    code: 'field.invalid',
    params: { field, expected: spec.expected[field] ?? VALID, found: foundPhrase(input[field]) },
  }));
  return { props: null, issues };
}
