import type { Geometry, Position } from 'geojson';
import { lastValue } from '../domain/lastValue';
import type { Bounds } from '../domain/bounds';
import type { Dataset } from '../domain/dataset';
import type { Route } from '../domain/engine/route';
import type { WalkResult } from '../domain/engine/walkEngine';
import type { LonLat } from '../domain/geo';
import { CATEGORIES } from '../domain/taxonomy';
import type { WalkOrigin } from '../store/selectionSlice';
import type { LayerGroup } from '../store/uiSlice';
import { MAJOR_HIGHWAYS, PATH_HIGHWAYS, theme } from './theme';

/**
 * The still map of a shared link (LiteMap): what the store holds, projected (Web Mercator)
 * into a box of the page's size, as SVG path data. Pure: no DOM, no MapLibre.
 */

export interface LiteInput {
  dataset: Dataset | null;
  layers: Record<LayerGroup, boolean>;
  hiddenCategories: readonly string[];
  compoundId: string | null;
  circles: WalkOrigin | null;
  walk: WalkResult | null;
  walkStale: boolean;
  route: Route | null;
}

export interface LiteShape {
  d: string;
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  dash?: string;
  /** Of the whole shape (a stale walk is dimmed). */
  opacity?: number;
}

export interface LiteDot {
  x: number;
  y: number;
  r: number;
  fill: string;
  stroke?: string;
  /** A facility's category glyph (诊, 超…), white on its colour. */
  glyph?: string;
}

/**
 * The straight-line circles of one band (speed × minutes around each origin). Drawn as the
 * outline of their union: each circle's dashed edge is hidden where it lies inside another
 * circle of the band (LiteMap masks it with the discs shrunk by `inset`).
 */
export interface LiteCircleBand {
  minutes: number;
  colour: string;
  r: number;
  centres: [number, number][];
}

export interface LiteScene {
  width: number;
  height: number;
  /**
   * What stays while walks come and go, in drawing order: context, streets, compounds. The
   * same array for as long as what it is made of stays (LiteMap then paints it once).
   */
  base: LiteShape[];
  /** Above the base, in drawing order: walking areas, reached ways, route. */
  shapes: LiteShape[];
  /** Gates, facilities and the origin, above the shapes. */
  dots: LiteDot[];
  /** Straight-line circles, largest band first, drawn above the walking areas. */
  circleBands: LiteCircleBand[];
  /** Whether a walkshed is drawn (what `walkshed-drawn` marks). */
  hasWalkshed: boolean;
}

/** performance.mark set when the first walkshed is on screen, on either map: what `npm run bench:web` times. */
export const WALKSHED_MARK = 'walkshed-drawn';

/** Sets `name` once per page. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

const RAD = Math.PI / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));
const M_PER_DEG_LAT = 111_320;
/** Margin around what is framed, in CSS pixels. */
const PADDING = 16;
const ROUTE_COLOUR = '#c2255c';
const ORIGIN_COLOUR = '#d9480f';

function extend(b: Bounds, [x, y]: Position): void {
  if (x! < b[0]) b[0] = x!;
  if (y! < b[1]) b[1] = y!;
  if (x! > b[2]) b[2] = x!;
  if (y! > b[3]) b[3] = y!;
}

const emptyBounds = (): Bounds => [Infinity, Infinity, -Infinity, -Infinity];
const isEmpty = (b: Bounds) => !(b[0] <= b[2] && b[1] <= b[3]);

/** Every position of a geometry (all rings and parts), for bounds. */
function eachPosition(g: Geometry | null, visit: (p: Position) => void): void {
  if (!g) return;
  switch (g.type) {
    case 'Point':
      return visit(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.forEach(visit);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.forEach((part) => part.forEach(visit));
    case 'MultiPolygon':
      return g.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(visit)));
    case 'GeometryCollection':
      return g.geometries.forEach((inner) => eachPosition(inner, visit));
  }
}

/** What the picture frames: the walking areas, the route and the straight-line circles; else the compound, else the dataset. */
export function liteBounds(input: LiteInput): Bounds | null {
  const b = emptyBounds();
  for (const f of input.walk?.walksheds.features ?? []) eachPosition(f.geometry, (p) => extend(b, p));
  if (input.route) for (const p of input.route.line) extend(b, p);
  const circles = input.circles;
  if (circles && circles.origins.points.length > 0) {
    // The outer straight-line circle as well, as the interactive map frames a selection.
    const radiusM = circles.speedMPerMin * Math.max(...circles.bandMinutes, 0);
    for (const [lon, lat] of circles.origins.points) {
      const dLat = radiusM / M_PER_DEG_LAT;
      const dLon = dLat / Math.cos(lat * RAD);
      extend(b, [lon - dLon, lat - dLat]);
      extend(b, [lon + dLon, lat + dLat]);
    }
  }
  if (!isEmpty(b)) return b;
  const compounds = input.dataset?.compounds.features ?? [];
  const selected = compounds.filter((f) => f.properties.id === input.compoundId);
  for (const f of selected.length ? selected : compounds) eachPosition(f.geometry, (p) => extend(b, p));
  return isEmpty(b) ? null : b;
}

/** Web Mercator fitted to a box: lon/lat to CSS pixels, and the lon/lat box the pixels cover. */
export function fitProjection(bounds: Bounds, width: number, height: number) {
  const [w, s, e, n] = bounds;
  const x0 = w * RAD;
  const x1 = e * RAD;
  const y0 = mercY(s);
  const y1 = mercY(n);
  const scale = Math.min((width - 2 * PADDING) / Math.max(x1 - x0, 1e-9), (height - 2 * PADDING) / Math.max(y1 - y0, 1e-9));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const project = ([lon, lat]: Position): [number, number] => [width / 2 + (lon! * RAD - cx) * scale, height / 2 - (mercY(lat!) - cy) * scale];
  const unY = (py: number) => (2 * Math.atan(Math.exp(cy + (height / 2 - py) / scale)) - Math.PI / 2) / RAD;
  const covers: Bounds = [(cx - width / 2 / scale) / RAD, unY(height), (cx + width / 2 / scale) / RAD, unY(0)];
  /** CSS pixels per metre at the middle of the box. */
  const pxPerM = scale / ((M_PER_DEG_LAT / RAD) * Math.cos(((s + n) / 2) * RAD));
  return { project, covers, pxPerM };
}

type Project = (p: Position) => [number, number];
const r1 = (v: number) => Math.round(v * 10) / 10;

function linePath(line: readonly Position[], project: Project): string {
  let d = '';
  line.forEach((p, i) => {
    const [x, y] = project(p);
    d += `${i === 0 ? 'M' : 'L'}${r1(x)} ${r1(y)}`;
  });
  return d;
}

const ringsPath = (rings: readonly Position[][], project: Project) => rings.map((ring) => `${linePath(ring, project)}Z`).join('');

function geometryPath(g: Geometry | null, project: Project): string {
  if (!g) return '';
  switch (g.type) {
    case 'LineString':
      return linePath(g.coordinates, project);
    case 'MultiLineString':
      return g.coordinates.map((line) => linePath(line, project)).join('');
    case 'Polygon':
      return ringsPath(g.coordinates, project);
    case 'MultiPolygon':
      return g.coordinates.map((poly) => ringsPath(poly, project)).join('');
    default:
      return '';
  }
}

/** Each geometry's bounds, made once: the picture is made again for every walk, the dataset's geometries stay. */
const boundsCache = new WeakMap<Geometry, Bounds>();

function intersects(g: Geometry | null, box: Bounds): boolean {
  if (!g) return false;
  let b = boundsCache.get(g);
  if (!b) {
    b = emptyBounds();
    const found = b;
    eachPosition(g, (p) => extend(found, p));
    boundsCache.set(g, b);
  }
  return !isEmpty(b) && b[0] <= box[2] && b[2] >= box[0] && b[1] <= box[3] && b[3] >= box[1];
}

const inBox = ([x, y]: Position, box: Bounds) => x! >= box[0] && x! <= box[2] && y! >= box[1] && y! <= box[3];

/** The band a minute value is drawn in: 5, 10 or 15 (as the map's `minutesColour`). */
const bandOf = (minutes: number) => (minutes <= 5 ? 5 : minutes <= 10 ? 10 : 15);
const bandColour = (minutes: number) => theme.bands[bandOf(minutes)] ?? theme.bands[15]!;
const CATEGORY = new Map(CATEGORIES.map((c) => [c.id, c]));

type StreetClass = 'major' | 'minor' | 'path' | 'steps' | 'private';

function streetClass(props: { highway?: string; access?: string } | null): StreetClass {
  const highway = props?.highway ?? '';
  if (props?.access === 'no' || props?.access === 'private') return 'private';
  if (highway === 'steps') return 'steps';
  if (MAJOR_HIGHWAYS.includes(highway)) return 'major';
  if (PATH_HIGHWAYS.includes(highway)) return 'path';
  return 'minor';
}

/** The last base made, kept while what it was made of stays the same: a walk arriving changes none of it. */
const baseOf = lastValue<LiteShape[]>();

/** Context, streets and compounds in this projection (the same array as last time when nothing it depends on changed). */
function baseShapes(input: LiteInput, bounds: Bounds, width: number, height: number, view: ReturnType<typeof fitProjection>): LiteShape[] {
  const { dataset, layers, compoundId } = input;
  return baseOf([dataset, layers.context, layers.network, layers.compounds, compoundId, width, height, ...bounds], () => drawBase(input, view));
}

function drawBase(input: LiteInput, view: ReturnType<typeof fitProjection>): LiteShape[] {
  const { dataset, layers } = input;
  const { project, covers, pxPerM } = view;
  const shapes: LiteShape[] = [];
  const visible = (g: Geometry | null) => intersects(g, covers);
  // Street widths follow the scale a little, within what stays legible on a phone.
  const streetPx = (metres: number, min: number, max: number) => Math.min(max, Math.max(min, metres * pxPerM));

  if (dataset && layers.context) {
    for (const kind of ['green', 'water'] as const) {
      const d = dataset.context.features
        .filter((f) => f.properties?.kind === kind && visible(f.geometry))
        .map((f) => geometryPath(f.geometry, project))
        .join('');
      if (d) shapes.push({ d, fill: kind === 'green' ? theme.green : theme.water });
    }
  }
  if (dataset?.network && layers.network) {
    const byClass: Record<StreetClass, string[]> = { major: [], minor: [], path: [], steps: [], private: [] };
    for (const f of dataset.network.features) if (visible(f.geometry)) byClass[streetClass(f.properties)].push(geometryPath(f.geometry, project));
    const minor = byClass.minor.join('');
    const major = byClass.major.join('');
    const minorW = streetPx(8, 2, 6);
    const majorW = streetPx(14, 3.5, 10);
    if (minor) shapes.push({ d: minor, stroke: theme.street.minorCasing, strokeWidth: minorW + 1.5 });
    if (major) shapes.push({ d: major, stroke: theme.street.majorCasing, strokeWidth: majorW + 2 });
    if (minor) shapes.push({ d: minor, stroke: theme.street.minor, strokeWidth: minorW });
    if (major) shapes.push({ d: major, stroke: theme.street.major, strokeWidth: majorW });
    const thin = [
      [byClass.path, theme.street.path, '3 2'],
      [byClass.steps, theme.street.steps, '1.5 1.5'],
      [byClass.private, theme.street.private, undefined],
    ] as const;
    for (const [paths, colour, dash] of thin) if (paths.length) shapes.push({ d: paths.join(''), stroke: colour, strokeWidth: 1.2, ...(dash ? { dash } : {}) });
  }
  if (dataset && layers.compounds) {
    const d = dataset.compounds.features
      .filter((f) => visible(f.geometry))
      .map((f) => geometryPath(f.geometry, project))
      .join('');
    if (d) shapes.push({ d, fill: theme.compound.fill, fillOpacity: 0.6, stroke: theme.compound.outline, strokeWidth: 1 });
    const selected = dataset.compounds.features.find((f) => f.properties.id === input.compoundId);
    if (selected) shapes.push({ d: geometryPath(selected.geometry, project), stroke: theme.compound.selected, strokeWidth: 2.5 });
  }
  return shapes;
}

/**
 * The picture for a box of `width` × `height` CSS pixels, or null when there is nothing to
 * frame yet (no dataset, no origin).
 */
export function liteScene(input: LiteInput, width: number, height: number): LiteScene | null {
  const bounds = liteBounds(input);
  if (!bounds || width <= 2 * PADDING || height <= 2 * PADDING) return null;
  const view = fitProjection(bounds, width, height);
  const { project, covers, pxPerM } = view;
  const { dataset, layers } = input;
  const base = baseShapes(input, bounds, width, height, view);
  const shapes: LiteShape[] = [];
  const dots: LiteDot[] = [];
  const dim = input.walkStale ? 0.4 : 1;
  let hasWalkshed = false;
  if (input.walk && layers.circles) {
    // The outer band first, so the nearer ones lie on top of it.
    const bands = [...input.walk.walksheds.features].sort((a, b) => b.properties.value - a.properties.value);
    for (const f of bands) {
      const d = geometryPath(f.geometry, project);
      if (!d) continue;
      hasWalkshed = true;
      const colour = bandColour(f.properties.value);
      shapes.push({ d, fill: colour, fillOpacity: 0.22 * dim, stroke: colour, strokeWidth: 1.5 });
    }
    const reached = new Map<number, string[]>();
    for (const f of input.walk.reachedWays.features) {
      const band = bandOf(f.properties.minutes);
      reached.set(band, [...(reached.get(band) ?? []), geometryPath(f.geometry, project)]);
    }
    for (const [band, paths] of [...reached].sort((a, b) => b[0] - a[0]))
      shapes.push({ d: paths.join(''), stroke: bandColour(band), strokeWidth: 2, opacity: 0.9 * dim });
  }
  if (input.route && layers.circles && input.route.line.length > 1) {
    const d = linePath(input.route.line, project);
    shapes.push({ d, stroke: '#ffffff', strokeWidth: 8 }, { d, stroke: ROUTE_COLOUR, strokeWidth: 4.5 });
  }
  if (dataset && layers.gates)
    for (const f of dataset.gates.features) {
      if (!inBox(f.geometry.coordinates, covers)) continue;
      const [x, y] = project(f.geometry.coordinates);
      dots.push({ x: r1(x), y: r1(y), r: 2.5, fill: theme.gate });
    }
  if (dataset && layers.facilities) {
    const hidden = new Set(input.hiddenCategories);
    for (const f of dataset.facilities.features) {
      if (hidden.has(f.properties.category) || !inBox(f.geometry.coordinates, covers)) continue;
      const [x, y] = project(f.geometry.coordinates);
      const category = CATEGORY.get(f.properties.category);
      dots.push({ x: r1(x), y: r1(y), r: 8, fill: category?.color ?? theme.text, stroke: theme.halo, ...(category ? { glyph: category.glyph } : {}) });
    }
  }
  if (input.circles?.origins.kind === 'point')
    for (const p of input.circles.origins.points as LonLat[]) {
      const [x, y] = project(p);
      dots.push({ x: r1(x), y: r1(y), r: 7, fill: ORIGIN_COLOUR, stroke: theme.halo });
    }
  const circleBands: LiteCircleBand[] = [];
  if (input.circles && layers.circles) {
    const centres = input.circles.origins.points.map((p) => project(p).map(r1) as [number, number]);
    for (const minutes of [...input.circles.bandMinutes].sort((a, b) => b - a))
      circleBands.push({ minutes, colour: bandColour(minutes), r: r1(input.circles.speedMPerMin * minutes * pxPerM), centres });
  }
  return { width, height, base, shapes, dots, circleBands, hasWalkshed };
}
