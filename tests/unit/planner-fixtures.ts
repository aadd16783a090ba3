import { resolve } from 'node:path';
import type { LineString } from 'geojson';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import type { FC, NetworkProps } from '../../src/domain/dataset';
import { haversineM } from '../../src/domain/engine/graph';
import type { LonLat } from '../../src/domain/geo';
import { walkContext } from '../../src/domain/planner/distances';
import type { PlannerCompound, PlannerFacility } from '../../src/domain/planner/inputs';
import { PlannerModel } from '../../src/domain/planner/model';
import type { Ruleset } from '../../src/domain/planner/ruleset';
import { parseRuleset } from '../../src/domain/planner/rulesetSchema';

/**
 * Hand-made planner cases whose answers can be checked on paper: one straight street along
 * latitude 26.09° from x = 0 to x = 2,000 m (a node every 100 m), places on the street at
 * x metres from its west end, so every walk is |x1 − x2|.
 */

const LAT = 26.09;
const LON0 = 119.33;
/** Metres per degree of longitude at this latitude (haversine, R = 6,371,008.8 m). */
const M_PER_DEG = haversineM(LON0, LAT, LON0 + 1, LAT);

export const at = (x: number): LonLat => [LON0 + x / M_PER_DEG, LAT];

export function street(lengthM = 2000, stepM = 100): FC<LineString, NetworkProps> {
  const coordinates = Array.from({ length: lengthM / stepM + 1 }, (_, i) => at(i * stepM));
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'street' }, geometry: { type: 'LineString', coordinates } }] };
}

export const streetContext = (lengthM = 2000) => walkContext(street(lengthM))!;

export function compound(id: string, x: number, people: Partial<PlannerCompound> = {}): PlannerCompound {
  return { id, name: id, population: 1000, elderly60: 200, elderly80: 40, origins: [at(x)], originKind: 'gates', ...people };
}

export function facility(id: string, category: string, x: number, more: Partial<PlannerFacility> = {}): PlannerFacility {
  return { id, category, point: at(x), ...more };
}

/** A two-level ruleset in the shape of GB 50180: each level its own list and distance. */
export function twoLevelRuleset(): Ruleset {
  return parseRuleset(
    {
      id: 'test-two-levels',
      version: '1',
      document: 'test',
      name: { zh: '测试', en: 'Test' },
      short: { zh: '测试', en: 'Test' },
      issuer: { zh: '测试', en: 'Test' },
      approved: '2026',
      nesting: 'independent',
      notes: [],
      levels: [
        { id: '15min', name: { zh: '十五分钟', en: '15 minutes' }, distanceM: 1000, clause: 'T1', verified: true },
        { id: '5min', name: { zh: '五分钟', en: '5 minutes' }, distanceM: 300, clause: 'T1', verified: true },
      ],
      rules: [
        {
          id: 'r15-health',
          item: { zh: '卫生服务中心', en: 'Health centre' },
          level: '15min',
          mark: '▲',
          check: 'distance',
          categories: ['health_center'],
          distanceM: 1000,
          distanceSource: 'item',
          clause: 'C.0.1',
          verified: true,
        },
        {
          id: 'r5-clinic',
          item: { zh: '卫生服务站', en: 'Health station' },
          level: '5min',
          mark: '▲',
          check: 'distance',
          categories: ['clinic'],
          distanceM: 300,
          distanceSource: 'item',
          clause: 'C.0.2',
          verified: true,
        },
        {
          id: 'r5-canteen',
          item: { zh: '社区食堂', en: 'Canteen' },
          level: '5min',
          mark: '△',
          check: 'distance',
          categories: ['canteen'],
          distanceM: 300,
          distanceSource: 'level',
          clause: 'C.0.2',
          verified: false,
        },
        {
          id: 'r5-bank',
          item: { zh: '银行', en: 'Bank' },
          level: '5min',
          mark: '▲',
          check: 'distance',
          categories: ['bank'],
          distanceM: 300,
          distanceSource: 'level',
          clause: 'C.0.2',
          verified: false,
        },
        {
          id: 'r-property',
          item: { zh: '物业', en: 'Property management' },
          level: '5min',
          mark: '▲',
          check: 'attribute',
          attribute: 'property_management',
          categories: [],
          distanceM: null,
          distanceSource: null,
          clause: 'C.0.3',
          verified: false,
        },
        {
          id: 'r-parking',
          item: { zh: '停车', en: 'Parking' },
          level: '5min',
          mark: '▲',
          check: 'none',
          categories: [],
          distanceM: null,
          distanceSource: null,
          clause: 'C.0.3',
          verified: false,
        },
      ],
    },
    'test',
  );
}

/** The planner's model of the built-in sample dataset (on its street network). */
export async function samplePlannerModel(): Promise<PlannerModel> {
  const { dataset } = await loadDataset(fromDirectory(resolve(import.meta.dirname, '../../data/yuefeng-sample')));
  return PlannerModel.fromDataset(dataset!);
}
