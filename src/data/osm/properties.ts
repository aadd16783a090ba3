import type { ContextKind } from '../../domain/dataset';
import type { OsmElementType, Tags } from './elements';
import { elementRef, featureId } from './elements';
import type { FacilityKind } from './facility-table';
import { namesOf } from './layer-tags';

/** Feature properties per layer from OSM tags (DATA-CONTRACT.md field names). Pure. */

type Props = Record<string, string | number | boolean>;

function put(props: Props, key: string, value: string | number | boolean | undefined): void {
  if (value !== undefined && value !== '') props[key] = value;
}

/** A whole number ≥ 0 from a tag such as `capacity=60`; undefined for `60-80`, `many`, … */
function wholeNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : undefined;
}

function addressOf(tags: Tags): string | undefined {
  if (tags['addr:full']) return tags['addr:full'];
  const parts = [tags['addr:city'], tags['addr:street'], tags['addr:housenumber']].filter((p): p is string => Boolean(p?.trim()));
  return parts.length ? parts.join(' ') : undefined;
}

export function facilityProps(type: OsmElementType, id: number, tags: Tags, kind: FacilityKind): Props {
  const props: Props = { id: featureId(type, id) };
  const names = namesOf(tags);
  put(props, 'name', names.name);
  put(props, 'name_en', names.name_en);
  props.category = kind.category;
  put(props, 'kind_zh', kind.zh);
  put(props, 'kind_en', kind.en);
  put(props, 'opening_hours', tags.opening_hours);
  put(props, 'capacity', wholeNumber(tags.capacity));
  put(props, 'phone', tags.phone ?? tags['contact:phone']);
  put(props, 'address', addressOf(tags));
  props.source = 'OpenStreetMap';
  props.osm = elementRef(type, id);
  return props;
}

export function networkProps(id: number, tags: Tags): Props {
  const props: Props = { id: featureId('way', id), highway: tags.highway as string };
  const names = namesOf(tags);
  put(props, 'name', names.name);
  put(props, 'name_en', names.name_en);
  if (tags.bridge && tags.bridge !== 'no') props.bridge = tags.bridge;
  if (tags.tunnel && tags.tunnel !== 'no') props.tunnel = tags.tunnel;
  // Only the foot permission is carried, never access=private: the engine reads `access`
  // as "not walkable", and a private way kept here is one with foot=yes.
  put(props, 'foot', tags.foot);
  if (tags.area === 'yes') props.area = true;
  return props;
}

export function contextProps(type: OsmElementType, id: number, tags: Tags, kind: ContextKind): Props {
  const props: Props = { id: featureId(type, id), kind };
  put(props, 'name', namesOf(tags).name);
  return props;
}

export interface PopulationOptions {
  /** Persons per square metre; without it population is unknown (0, marked missing). */
  densityPerM2?: number;
  /** Shares of the population aged 60+ and 80+, when known for the area. */
  elderly60Share?: number;
  elderly80Share?: number;
}

export function compoundProps(type: OsmElementType, id: number, tags: Tags, areaM2: number, options: PopulationOptions): Props {
  const props: Props = { id: featureId(type, id) };
  const names = namesOf(tags);
  put(props, 'name', names.name);
  put(props, 'name_en', names.name_en);
  const density = options.densityPerM2;
  const population = density === undefined ? 0 : Math.round(areaM2 * density);
  props.population = population;
  props.elderly60 = options.elderly60Share === undefined ? 0 : Math.round(population * options.elderly60Share);
  props.elderly80 = options.elderly80Share === undefined ? 0 : Math.min(props.elderly60, Math.round(population * options.elderly80Share));
  if (density === undefined) props.population_missing = true;
  else props.population_estimated = true;
  if (options.elderly60Share === undefined) props.elderly_missing = true;
  props.area_m2 = Math.round(areaM2);
  props.source = 'OpenStreetMap';
  props.osm = elementRef(type, id);
  return props;
}

export function gateProps(id: number, tags: Tags, kind: string, compoundId: string, distanceM: number): Props {
  const props: Props = { id: featureId('node', id), compound_id: compoundId };
  const names = namesOf(tags);
  put(props, 'name', names.name);
  put(props, 'name_en', names.name_en);
  props.kind = kind;
  if (tags.access) props.access = tags.access;
  props.distance_m = Math.round(distanceM * 10) / 10;
  return props;
}
