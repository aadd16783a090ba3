import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { HolidayOverrides } from './holidays';
import type { ProblemCode, ProblemParams } from './problemText';
import type { CategoryId } from './taxonomy';

/** Coordinate systems a dataset may declare (DATA-CONTRACT.md, manifest.json). */
export const CRS_IDS = ['WGS84', 'GCJ02', 'BD09'] as const;
export type CrsId = (typeof CRS_IDS)[number];

export interface LocalizedName {
  zh: string;
  en?: string;
}

export interface DataSource {
  name: string;
  licence?: string;
  attribution?: string;
  url?: string;
}

export interface Manifest {
  id: string;
  name: LocalizedName;
  /** The CRS of the files as supplied; everything in a loaded Dataset is WGS84. */
  crs: CrsId;
  dataAsOf?: string;
  synthetic: boolean;
  sources: DataSource[];
  licence?: string;
  timezone?: string;
  /** The files the dataset has (besides manifest.json); absent in older datasets. */
  files?: string[];
  /** Days off and 调休 make-up working days to add to China's calendar (holidays.ts). */
  holidays?: HolidayOverrides;
}

interface Named {
  id: string;
  name?: string;
  name_en?: string;
}

export interface CompoundProps extends Named {
  population: number;
  elderly60: number;
  elderly80: number;
  households?: number;
  built_year?: number;
  property_management?: boolean;
  community_id?: string;
  grid_id?: string;
}

export interface FacilityProps extends Named {
  category: CategoryId;
  opening_hours?: string;
  capacity?: number;
  phone?: string;
  address?: string;
  last_verified?: string;
  source?: string;
}

export interface NetworkProps {
  id: string;
  name?: string;
  highway?: string;
  access?: string;
  bridge?: boolean | string;
}

/** A dataset's walking network: its valid ways. */
export type Network = FC<LineString | MultiLineString, NetworkProps>;

/**
 * The properties of a way that anything shows: the map's streets and their names, the phone's
 * still map, a compound's sketch, the public hall screen. The page's copy of a network checked
 * by the walking session keeps only these (an import's node ids and other tags stay with the
 * session), and the public screen keeps no others.
 */
export const SHOWN_NETWORK_PROPS: readonly string[] = ['id', 'name', 'name_en', 'highway', 'access', 'bridge'];

/** A feature's properties, only the listed ones that it has (the public screen's whitelists, the page's copy of a network). */
export function pickProperties<P>(properties: P | null, keys: readonly (keyof P)[]): P {
  const kept = {} as P;
  for (const key of keys) if (properties?.[key] !== undefined) kept[key] = properties[key];
  return kept;
}

export interface GateProps extends Named {
  compound_id: string;
}

export const GRID_LEVELS = ['community', 'grid'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];

export interface StaffMember {
  role: string;
  name?: string;
  phone?: string;
}

export interface GridProps extends Named {
  level: GridLevel;
  parent_id?: string;
  staff?: StaffMember[];
}

export interface VolunteerProps extends Named {
  team?: string;
  skills: string[];
  availability?: string;
  service_radius_m?: number;
  phone?: string;
}

export const REQUEST_STAGES = ['collect', 'deliberate', 'coordinate', 'execute', 'publish', 'rate'] as const;
export type RequestStage = (typeof REQUEST_STAGES)[number];

export interface RequestProps {
  id: string;
  service_request_id: string;
  service_code: string;
  description?: string;
  status: 'open' | 'closed';
  stage: RequestStage;
  requested_datetime: string;
  updated_datetime?: string;
  expected_datetime?: string;
  compound_id?: string;
  rating?: number;
}

/**
 * A building (楼栋) of a compound: the third level of the four-level grid (社区大党委 →
 * 小区党支部 → 楼栋党小组 → 党员中心户). Public figures only; the names and phones of its
 * 党小组 leader and 党员中心户 live in the staff-only contacts file (src/data/buildingContacts.ts).
 */
export interface BuildingProps extends Named {
  compound_id: string;
  /** The grid (网格) it belongs to; the loader fills in its compound's grid when absent. */
  grid_id?: string;
  households?: number;
  residents?: number;
  /** Residents aged 60+. */
  elderly60?: number;
  /** The public label of its 楼栋党小组 (e.g. "3号楼党小组"), never a person's name. */
  party_group?: string;
}

export const CONTEXT_KINDS = ['water', 'green', 'building', 'rail'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export interface ContextProps {
  id?: string;
  kind: ContextKind;
  name?: string;
}

export type FC<G extends Geometry, P> = FeatureCollection<G, P>;

/** A loaded, validated dataset: every coordinate WGS84 `[lon, lat]`, every feature valid. */
export interface Dataset {
  manifest: Manifest;
  compounds: FC<Polygon | MultiPolygon, CompoundProps>;
  facilities: FC<Point, FacilityProps>;
  network: Network | null;
  gates: FC<Point, GateProps>;
  grids: FC<Polygon | MultiPolygon, GridProps>;
  volunteers: FC<Point, VolunteerProps>;
  requests: FC<Point, RequestProps>;
  context: FC<Geometry, ContextProps>;
  /** Optional (buildings.geojson); the loader always sets it, empty when the dataset has none. */
  buildings?: FC<Polygon | MultiPolygon | Point, BuildingProps>;
}

export type DatasetFile =
  | 'manifest.json'
  | 'compounds.geojson'
  | 'facilities.geojson'
  | 'network.geojson'
  | 'gates.geojson'
  | 'grids.geojson'
  | 'volunteers.geojson'
  | 'requests.geojson'
  | 'context.geojson'
  | 'buildings.geojson';

export const DATASET_FILES: readonly DatasetFile[] = [
  'manifest.json',
  'compounds.geojson',
  'facilities.geojson',
  'network.geojson',
  'gates.geojson',
  'grids.geojson',
  'volunteers.geojson',
  'requests.geojson',
  'context.geojson',
  'buildings.geojson',
];

export const REQUIRED_FILES: readonly DatasetFile[] = ['manifest.json', 'compounds.geojson', 'facilities.geojson'];

/**
 * The precomputed nearest report (the `analyze` output) a dataset may ship, so a resident
 * sees walking minutes before the network has arrived (src/data/firstAnswer.ts).
 */
export const REPORT_FILE = 'report.json';

/** Files a dataset may have that the loader does not read (the hall reads its playlist itself). */
export const EXTRA_FILES = ['playlist.json', REPORT_FILE] as const;

/**
 * One bad input found while loading: which file, which feature (its id, or its index when
 * it has no usable id), which field, and what is wrong. The feature is left out; the rest loads.
 */
export interface Problem {
  file: string;
  id?: string;
  index?: number;
  field: string;
  /** In English (the CLI and reports show it); the app shows `code` in the reader's language. */
  message: string;
  /** What the problem is (src/domain/problemText.ts), set on every problem the loader finds. */
  code?: ProblemCode;
  /** The values the message is made of; a parameter may be a phrase with a code of its own. */
  params?: ProblemParams;
  /** 'error': the feature or file was left out. 'warning': loaded, but worth a look. */
  severity: 'error' | 'warning';
}

export type CompoundFeature = Feature<Polygon | MultiPolygon, CompoundProps>;
export type FacilityFeature = Feature<Point, FacilityProps>;
