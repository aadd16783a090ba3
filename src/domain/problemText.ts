/**
 * The words of every data problem the loader reports, as a code with parameters. The CLI
 * and the JSON report keep an English `message` (made here from the code); the app
 * translates the code itself (src/i18n/features/problems.ts), so a Chinese screen lists
 * Chinese problems. A parameter may be a phrase of its own (what was expected, what was
 * found, which ring of which polygon), rendered in the same language.
 */

/** English wording, by code. `{name}` is a parameter. Phrases used inside messages are here too. */
export const PROBLEM_EN = {
  // Whole files.
  'file.readFailed': 'could not read the file: {error}',
  'file.missingRequired': 'missing: this file is required (a dataset needs {files})',
  'file.missingListed': 'missing: manifest.json lists this file under "files", but it is not there',
  'file.notJson': 'not valid JSON: {detail}',
  'file.notJsonAt': 'not valid JSON: {detail} (line {line}, column {column})',
  'file.notCollection': 'expected a GeoJSON FeatureCollection ({ "type": "FeatureCollection", "features": [ … ] }), found {found}',
  // manifest.json
  'manifest.notObject': 'expected a JSON object with id, name and crs, found {found}',
  'manifest.noDataAsOf': 'dataAsOf: missing; expected a date such as 2026-11-01, so the app can say how current the data is',
  // Features and fields.
  'feature.noId': 'missing id: expected a unique text id in properties.id, found {found}',
  'feature.duplicateId': 'duplicate id {id}: the feature at index {first} already uses it; this one (index {index}) was left out',
  'feature.notFeature': 'expected a GeoJSON Feature object, found {found}',
  'field.invalid': '{field}: expected {expected}, found {found}',
  'field.invalidDefault': '{field}: expected {expected}, found {found}; the default is used',
  'field.invalidIgnored': '{field}: expected {expected}, found {found}; it was ignored',
  'compound.elderly80AboveElderly60': 'elderly80 ({elderly80}) is more than elderly60 ({elderly60}); everyone aged 80+ is also counted in 60+',
  'compound.elderly60AbovePopulation': 'elderly60 ({elderly60}) is more than population ({population})',
  'building.elderly60AboveResidents': 'elderly60 ({elderly60}) is more than residents ({residents})',
  'building.householdsAboveCompound': 'the buildings of compound {compound} add up to {sum} {field}, more than its {total}',
  'reference.self': 'unknown {field}: expected the id of {target}, found its own id {found}',
  'reference.leftOut': 'unknown {field}: expected the id of {target}, found {found}, which was left out because of its own problem',
  'reference.absent': 'unknown {field}: expected the id of {target}, found {found}, which is not there',
  // Geometry.
  'geometry.missing': 'missing geometry: expected {expected}, found {found}',
  'geometry.unknownType': 'wrong geometry type: expected {expected}, found {found} (not a GeoJSON geometry type)',
  'geometry.wrongType': 'wrong geometry type: expected {expected}, found a {type}',
  'geometry.coordinatesNotArray': '{type} coordinates: expected an array, found {found}',
  'geometry.emptyMultiPoint': 'empty MultiPoint: expected at least one position',
  'geometry.emptyMultiLineString': 'empty MultiLineString: expected at least one line',
  'geometry.emptyMultiPolygon': 'empty MultiPolygon: expected at least one polygon',
  'geometry.emptyCollection': 'GeometryCollection: expected a non-empty "geometries" array, found {found}',
  'geometry.collectionMember': 'GeometryCollection member {member}: {problem}',
  'geometry.notGeometry': 'expected a geometry object, found {found}',
  'geometry.partNotArray': '{part}expected an array, found {found}',
  'geometry.shortLine': 'degenerate line: {part}expected at least 2 positions, found {count}',
  'geometry.noRing': 'degenerate polygon: {part}expected at least one ring, found none',
  'geometry.ringNotArray': 'degenerate polygon: {ring} is {found}, expected an array of positions',
  'geometry.shortRing': 'degenerate polygon: {ring} has {count} positions; a closed ring needs at least 4 (the last repeating the first)',
  'geometry.openRing': 'degenerate polygon: {ring} is not closed (first position {first}, last {last}); the last position must repeat the first',
  'geometry.notPosition': 'expected a position [lon, lat], found {found}',
  'geometry.notNumbers': 'coordinate {position} is not a pair of numbers [lon, lat]',
  'geometry.swapped': 'coordinate {position} looks like [lat, lon]; GeoJSON is [lon, lat] (longitude first)',
  'geometry.outOfRange': 'coordinate {position} is out of range: expected longitude within ±180 and latitude within ±90',
  // Phrases: which part of a geometry.
  'part.whole': '',
  'part.line': 'line {n}: ',
  'part.polygon': 'polygon {n}: ',
  'ring.outer': '{part}outer ring',
  'ring.hole': '{part}hole {n}',
  // Phrases: what was found.
  'found.missing': 'nothing (the field is missing)',
  'found.none': 'none',
  'found.value': '{value}',
  'found.emptyArray': 'an empty array',
  'found.array': 'an array of {count}',
  'found.object': 'a JSON object',
  'found.typedObject': 'a JSON object of type {type}',
  // Phrases: what a field or geometry must be.
  'expect.valid': 'a valid value',
  'expect.text': 'text',
  'expect.id': 'a non-empty text id',
  'expect.name': 'an object { "zh": "…", "en": "…" } (or one text)',
  'expect.oneOf': 'one of {list}',
  'expect.date': 'a date such as 2026-11-01',
  'expect.dateTime': 'a date and time such as 2026-10-20T09:30:00+08:00',
  'expect.boolean': 'true or false',
  'expect.sources': 'an array of { name, licence, attribution, url }',
  'expect.timezone': 'an IANA time zone such as {example}',
  'expect.files': 'an array of the file names in the dataset, such as ["compounds.geojson", "facilities.geojson"]',
  'expect.holidays': 'an object { "off": ["2027-02-09", …], "work": ["2027-02-20", …] } of dates',
  'expect.whole': 'a whole number ≥ 0',
  'expect.elderly60': 'a whole number ≥ 0 (residents aged 60+)',
  'expect.elderly80': 'a whole number ≥ 0 (residents aged 80+)',
  'expect.year': 'a year such as 1998',
  'expect.category': 'one of the facility categories ({first}, …; {count} in all, listed in docs/data-format.md)',
  'expect.openingHours': 'opening hours in OSM syntax',
  'expect.highway': 'an OSM highway value',
  'expect.access': 'an OSM access value',
  'expect.bridge': 'true, false or an OSM bridge value',
  'expect.compoundRef': 'the id of a compound in compounds.geojson',
  'expect.gridRef': 'the id of another feature in grids.geojson',
  'expect.staff': 'an array of { role, name, phone }',
  'expect.skills': 'an array of skill names such as ["medical", "escort"]',
  'expect.metres': 'a distance in metres ≥ 0',
  'expect.serviceCode': 'a facility category or a volunteer skill',
  'expect.openClosed': 'open or closed',
  'expect.rating': 'a whole number from 1 to 5',
  'expect.featureType': '"Feature"',
  'expect.geometryObject': 'a GeoJSON geometry object with "type" and "coordinates"',
  'expect.object': 'a JSON object',
  'expect.geometry': 'a geometry',
  'expect.geometryType': 'a {type}',
  'expect.geometryTypes': 'a {types} or {last}',
  // Phrases: what a reference points to.
  'target.compound': 'a compound in compounds.geojson',
  'target.gridParent': 'another feature in grids.geojson',
  'target.grid': 'a grid in grids.geojson',
} as const;

export type ProblemCode = keyof typeof PROBLEM_EN;

/** A phrase inside a message: a code and its own parameters. */
export interface Phrase {
  code: ProblemCode;
  params?: ProblemParams;
}

export type ProblemParam = string | number | Phrase;
export type ProblemParams = Record<string, ProblemParam>;

export const phrase = (code: ProblemCode, params?: ProblemParams): Phrase => (params ? { code, params } : { code });

/** Looks up the wording of a code in one language and fills in plain parameters. */
export type ProblemWording = (code: ProblemCode, vars: Record<string, string | number>) => string;

/** A message in the language of `wording`: phrases in the parameters are rendered first. */
export function renderProblem(code: ProblemCode, params: ProblemParams | undefined, wording: ProblemWording): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    vars[name] = typeof value === 'object' ? renderProblem(value.code, value.params, wording) : value;
  }
  return wording(code, vars);
}

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));

/** English, for the CLI, the JSON report and `message`. */
export const englishWording: ProblemWording = (code, vars) => fill(PROBLEM_EN[code], vars);

export const problemMessage = (code: ProblemCode, params?: ProblemParams): string => renderProblem(code, params, englishWording);

const MAX_TEXT = 40;

/** What was found, as a phrase: a short JSON literal, or what kind of thing it is. */
export function foundPhrase(value: unknown): Phrase {
  if (value === undefined) return phrase('found.missing');
  if (value === null) return phrase('found.value', { value: 'null' });
  if (typeof value === 'string') return phrase('found.value', { value: JSON.stringify(value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value) });
  if (typeof value === 'number' || typeof value === 'boolean') return phrase('found.value', { value: String(value) });
  if (Array.isArray(value)) return value.length === 0 ? phrase('found.emptyArray') : phrase('found.array', { count: value.length });
  return phrase('found.object');
}
