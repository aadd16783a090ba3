import type { Dataset } from '../../src/domain/dataset';

/**
 * A hand-made dataset for the planner's component tests: one street along latitude 26.09°
 * (0.001° of longitude ≈ 100 m), three compounds with a gate each on it, a few facilities on
 * it, two communities with a grid each. Walks are along the street.
 */
const box = (x0: number, x1: number): [number, number][][] => [
  [
    [x0, 26.0902],
    [x1, 26.0902],
    [x1, 26.0915],
    [x0, 26.0915],
    [x0, 26.0902],
  ],
];
const point = (x: number) => ({ type: 'Point' as const, coordinates: [x, 26.09] });

export function plannerDataset(): Dataset {
  return {
    manifest: {
      id: 'planner-test',
      name: { zh: '测试镇（示意数据）', en: 'Test town (illustrative)' },
      crs: 'WGS84',
      dataAsOf: '2026-11-01',
      synthetic: true,
      sources: [{ name: 'test', licence: 'CC0-1.0', attribution: '测试数据' }],
    },
    compounds: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(119.331, 119.333) },
          properties: {
            id: 'c-1',
            name: '瑞城花园',
            name_en: 'Ruicheng Garden',
            population: 1200,
            elderly60: 300,
            elderly80: 60,
            community_id: 'cm-1',
            grid_id: 'g-1a',
            property_management: true,
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(119.336, 119.338) },
          properties: {
            id: 'c-3',
            name: '新华新村',
            population: 900,
            elderly60: 250,
            elderly80: 50,
            community_id: 'cm-1',
            grid_id: 'g-1b',
            property_management: true,
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(119.345, 119.347) },
          properties: {
            id: 'c-2',
            name: '耀隆宿舍',
            name_en: 'Yaolong Dormitory',
            population: 400,
            elderly60: 150,
            elderly80: 40,
            community_id: 'cm-2',
            grid_id: 'g-2a',
            property_management: false,
          },
        },
      ],
    },
    facilities: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point(119.3325), properties: { id: 'f-1', category: 'clinic', name: '新华卫生服务站' } },
        { type: 'Feature', geometry: point(119.337), properties: { id: 'f-3', category: 'canteen', name: '新华长者食堂', capacity: 60 } },
        { type: 'Feature', geometry: point(119.34), properties: { id: 'f-4', category: 'health_center', name: '岳峰镇社区卫生服务中心' } },
        { type: 'Feature', geometry: point(119.333), properties: { id: 'f-5', category: 'kindergarten', name: '瑞城幼儿园' } },
      ],
    },
    network: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: Array.from({ length: 21 }, (_, i) => [119.33 + i * 0.001, 26.09]) },
          properties: { id: 'street', highway: 'residential' },
        },
      ],
    },
    gates: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point(119.332), properties: { id: 'g-c1', compound_id: 'c-1' } },
        { type: 'Feature', geometry: point(119.337), properties: { id: 'g-c3', compound_id: 'c-3' } },
        { type: 'Feature', geometry: point(119.346), properties: { id: 'g-c2', compound_id: 'c-2' } },
      ],
    },
    grids: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [119.33, 26.089],
                [119.342, 26.089],
                [119.342, 26.092],
                [119.33, 26.092],
                [119.33, 26.089],
              ],
            ],
          },
          properties: { id: 'cm-1', level: 'community', name: '新华社区', staff: [{ role: '社区党委书记', name: '林建华', phone: '13900033620' }] },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [119.342, 26.089],
                [119.35, 26.089],
                [119.35, 26.092],
                [119.342, 26.092],
                [119.342, 26.089],
              ],
            ],
          },
          properties: { id: 'cm-2', level: 'community', name: '凤林社区' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(119.33, 119.335) },
          properties: {
            id: 'g-1a',
            level: 'grid',
            parent_id: 'cm-1',
            name: '新华社区第一网格',
            staff: [{ role: '网格员', name: '王小明', phone: '13900000000' }],
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(119.335, 119.342) },
          properties: { id: 'g-1b', level: 'grid', parent_id: 'cm-1', name: '新华社区第二网格' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(119.342, 119.35) },
          properties: { id: 'g-2a', level: 'grid', parent_id: 'cm-2', name: '凤林社区第一网格' },
        },
      ],
    },
    volunteers: { type: 'FeatureCollection', features: [] },
    requests: { type: 'FeatureCollection', features: [] },
    context: { type: 'FeatureCollection', features: [] },
  };
}
