import { area, pointOnFeature } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { ContextKind } from '../../domain/dataset';
import { NameIndex } from '../poi/dedupe';
import { wantedContext, type Bbox, type Collected } from './collect';
import { featureId, type OsmElementType, type Tags } from './elements';
import { classifyFacility } from './facility-table';
import { GATE_DISTANCE_M, matchGates, type CompoundOutline } from './gates';
import { relationPolygon, touchesBbox, wayLine, wayPolygon } from './geometry';
import { walkability } from './highways';
import { gateKind, isCompound, wayIsArea } from './layer-tags';
import { compoundProps, contextProps, facilityProps, gateProps, networkProps, type PopulationOptions } from './properties';

/** Builds the dataset layers from what the passes kept. */

type Props = Record<string, unknown>;
type Feat<G extends Geometry = Geometry> = Feature<G, Props>;

export interface LayerOptions extends PopulationOptions {
  bbox?: Bbox;
  contextKinds?: ReadonlySet<ContextKind>;
  /** Metres from a compound boundary within which an entrance is its gate. */
  gateDistanceM?: number;
}

export interface Layers {
  network: Feat<LineString | MultiLineString>[];
  facilities: Feat<Point>[];
  compounds: Feat<Polygon | MultiPolygon>[];
  gates: Feat<Point>[];
  context: Feat[];
  multipolygons: { assembled: number; holes: number; failed: number };
}

/** An area or a line with the element it came from. */
interface Shape {
  type: OsmElementType;
  id: number;
  tags: Tags;
  geometry: Polygon | MultiPolygon | LineString | MultiLineString;
  area: boolean;
}

/** Computed points (point on surface) to OSM's own precision, 1e-7° (about 1 cm). */
function rounded(point: Point): Point {
  return { type: 'Point', coordinates: point.coordinates.map((c) => Math.round(c * 1e7) / 1e7) };
}

function feature<G extends Geometry>(geometry: G, properties: Props): Feat<G> {
  return { type: 'Feature', properties, geometry };
}

/** Ways and multipolygons as geometry, in file order (ways, then relations). */
function shapes(collected: Collected, bbox: Bbox | undefined, stats: Layers['multipolygons']): Shape[] {
  const { skipped } = collected;
  const out: Shape[] = [];
  for (const way of collected.ways.values()) {
    if (!way.tags) continue;
    const isArea = wayIsArea(way.tags, way.refs);
    const geometry = isArea ? wayPolygon(way, collected.coords) : wayLine(way, collected.coords);
    if (!geometry) {
      skipped.add('(all layers)', 'way with nodes missing from the extract');
      continue;
    }
    if (!touchesBbox(geometry, bbox)) continue;
    out.push({ type: 'way', id: way.id, tags: way.tags, geometry, area: isArea });
  }
  for (const relation of collected.relations) {
    const result = relationPolygon(relation, collected.ways, collected.coords);
    if (!result.ok) {
      stats.failed++;
      skipped.add('(all layers)', `multipolygon not assembled: ${result.reason}`);
      continue;
    }
    stats.assembled++;
    stats.holes += result.holes;
    if (!touchesBbox(result.geometry, bbox)) continue;
    out.push({ type: 'relation', id: relation.id, tags: relation.tags ?? {}, geometry: result.geometry, area: true });
  }
  return out;
}

export function buildLayers(collected: Collected, options: LayerOptions = {}): Layers {
  const { skipped } = collected;
  const layers: Layers = { network: [], facilities: [], compounds: [], gates: [], context: [], multipolygons: { assembled: 0, holes: 0, failed: 0 } };
  const names = new NameIndex();
  const addFacility = (type: OsmElementType, id: number, tags: Tags, point: Point) => {
    const kind = classifyFacility(tags);
    if (!kind) return;
    const props = facilityProps(type, id, tags, kind);
    const [lon, lat] = point.coordinates as [number, number];
    const duplicate = names.duplicateOf(props.name as string | undefined, lon, lat);
    if (duplicate) {
      skipped.add('facilities.geojson', 'same name as another facility within 30 m (e.g. a node and its building)');
      return;
    }
    names.add(props.id as string, props.name as string | undefined, lon, lat);
    layers.facilities.push(feature(point, props));
  };

  for (const node of collected.nodes) {
    if (node.tags) addFacility('node', node.id, node.tags, { type: 'Point', coordinates: [node.lon, node.lat] });
  }
  for (const shape of shapes(collected, options.bbox, layers.multipolygons)) {
    const { tags, geometry } = shape;
    if (shape.type === 'way' && walkability(tags)?.walkable) {
      // A pedestrian square (area=yes) is walked along its outline.
      const line = geometry.type === 'Polygon' ? { type: 'LineString' as const, coordinates: geometry.coordinates[0] ?? [] } : geometry;
      if (line.type === 'LineString' || line.type === 'MultiLineString') layers.network.push(feature(line, networkProps(shape.id, tags)));
    }
    if (classifyFacility(tags)) addFacility(shape.type, shape.id, tags, rounded(pointOnFeature(feature(geometry, {})).geometry));
    const polygonal = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
    if (isCompound(tags) && polygonal) {
      layers.compounds.push(feature(geometry, compoundProps(shape.type, shape.id, tags, area(geometry), options)));
    }
    const kind: ContextKind | null = wantedContext(tags, shape.area, options.contextKinds);
    if (kind) layers.context.push(feature(geometry, contextProps(shape.type, shape.id, tags, kind)));
  }
  layers.gates = gates(collected, layers.compounds, options.gateDistanceM ?? GATE_DISTANCE_M);
  return layers;
}

function gates(collected: Collected, compounds: Feat<Polygon | MultiPolygon>[], maxDistanceM: number): Feat<Point>[] {
  const candidates = collected.nodes.filter((n) => gateKind(n.tags) !== null);
  const outlines: CompoundOutline[] = compounds.map((c) => ({ id: c.properties.id as string, geometry: c.geometry }));
  const byId = new Map(candidates.map((n) => [featureId('node', n.id), n]));
  const matches = matchGates(
    candidates.map((n) => ({ id: featureId('node', n.id), position: [n.lon, n.lat] })),
    outlines,
    maxDistanceM,
  );
  const unmatched = candidates.length - matches.length;
  if (unmatched > 0) collected.skipped.add('gates.geojson', `entrance or gate not within ${maxDistanceM} m of a compound boundary`, unmatched);
  return matches.map((m) => {
    const node = byId.get(m.gateId);
    if (!node?.tags) throw new Error(`gate ${m.gateId} lost its node`);
    const kind = gateKind(node.tags) as string;
    return feature({ type: 'Point', coordinates: [node.lon, node.lat] }, gateProps(node.id, node.tags, kind, m.compoundId, m.distanceM));
  });
}
