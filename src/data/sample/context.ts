import type { Feature, Geometry } from 'geojson';
import type { ContextProps } from '../../domain/dataset';
import type { CompoundPlan } from './compounds';
import type { FacilityPlan } from './facilities';
import { uv, type Frame, type Uv } from './frame';
import type { Layout } from './layout';
import type { LotsResult } from './lots';
import { RIVER_NAME, type ZhEn } from './names';
import { rectPolygon, toPositions, type Rect } from './polygon';

/**
 * Basemap context (drawn, never analysed): the river and park ponds, parks and riverside
 * green, simple building footprints, and the railway along the north edge.
 */

const RIVER_U: readonly [number, number] = [-300, 3300];
const RAIL_V = 2575;
const MAX_BUILDINGS = 600;

export interface ContextInputs {
  layout: Layout;
  frame: Frame;
  compounds: CompoundPlan[];
  lots: LotsResult;
  riversideGreen: Rect[];
  facilities: FacilityPlan[];
}

/** Plan-space outline of the river, counter-clockwise: south bank west→east, north bank back. */
function riverRing(layout: Layout, frame: Frame): Uv[] {
  const south: Uv[] = [];
  const north: Uv[] = [];
  for (let u = RIVER_U[0]; u <= RIVER_U[1]; u += 25) {
    south.push(uv(u, layout.riverV - frame.bankSouth(u)));
    north.push(uv(u, layout.riverV + frame.bankNorth(u)));
  }
  return [...south, ...north.reverse()];
}

export function contextFeatures(inputs: ContextInputs): Array<Feature<Geometry, ContextProps>> {
  const { layout, frame } = inputs;
  const out: Array<Feature<Geometry, ContextProps>> = [];
  const add = (id: string, kind: ContextProps['kind'], geometry: Geometry, name?: ZhEn) => {
    const properties: ContextProps = { id, kind };
    if (name) properties.name = name.zh;
    out.push({ type: 'Feature', properties, geometry });
  };

  add('water-1', 'water', { type: 'Polygon', coordinates: [toPositions(riverRing(layout, frame), frame)] }, RIVER_NAME);
  inputs.lots.ponds.forEach((r, i) => add(`water-${i + 2}`, 'water', rectPolygon(r, frame, 20)));

  const parkName = (anchor: Uv) => inputs.facilities.find((f) => f.category === 'park' && f.at[0] === anchor[0] && f.at[1] === anchor[1])?.name;
  let green = 0;
  for (const { site, green: r } of inputs.lots.parks) add(`green-${++green}`, 'green', rectPolygon(r, frame, 25), parkName(site.anchor));
  const strips: ZhEn[] = [
    { zh: '光明港滨河公园', en: 'Guangminggang Riverside Park' },
    { zh: '光明港北岸绿带', en: 'Guangminggang North Bank Green' },
  ];
  inputs.riversideGreen.forEach((r, i) => add(`green-${++green}`, 'green', rectPolygon(r, frame, 50), strips[i]));

  const buildings = [...inputs.compounds.flatMap((c) => c.parts.flatMap((p) => p.buildings)), ...inputs.lots.buildings].slice(0, MAX_BUILDINGS);
  buildings.forEach((r, i) => add(`bld-${String(i + 1).padStart(3, '0')}`, 'building', rectPolygon(r, frame, 40)));

  const rail: Uv[] = [];
  for (let u = RIVER_U[0]; u <= RIVER_U[1]; u += 50) rail.push(uv(u, RAIL_V));
  add(
    'rail-1',
    'rail',
    { type: 'LineString', coordinates: rail.map((p) => frame.toLonLat(p)) },
    { zh: '外福铁路（示意）', en: 'Waifu Railway (illustrative)' },
  );
  return out;
}
