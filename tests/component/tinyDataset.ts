import type { Dataset } from '../../src/domain/dataset';

const square = (x: number, y: number, d = 0.002): [number, number][][] => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

/** A hand-made two-compound dataset for component tests. */
export function tinyDataset(): Dataset {
  return {
    manifest: {
      id: 'tiny',
      name: { zh: '测试（示意数据）', en: 'Test (illustrative)' },
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
          geometry: { type: 'Polygon', coordinates: square(119.33, 26.09) },
          properties: { id: 'c-1', name: '瑞城花园', name_en: 'Ruicheng Garden', population: 1200, elderly60: 300, elderly80: 60, community_id: 'g-1' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: square(119.34, 26.09) },
          properties: { id: 'c-2', name: '耀隆宿舍', population: 400, elderly60: 150, elderly80: 40, property_management: false },
        },
      ],
    },
    facilities: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [119.331, 26.088] }, properties: { id: 'f-1', category: 'clinic', name: '新华卫生服务站' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [119.336, 26.088] }, properties: { id: 'f-2', category: 'clinic', name: '三台诊所' } },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [119.338, 26.091] },
          properties: { id: 'f-3', category: 'canteen', name: '长者食堂', capacity: 60 },
        },
      ],
    },
    network: null,
    gates: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [119.331, 26.09] }, properties: { id: 'g-c1-s', compound_id: 'c-1', name: '南门' } },
      ],
    },
    grids: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: square(119.32, 26.08, 0.03) },
          properties: { id: 'g-1', level: 'community', name: '新华社区', staff: [{ role: '网格员', name: '王小明', phone: '13900000000' }] },
        },
      ],
    },
    volunteers: { type: 'FeatureCollection', features: [] },
    requests: { type: 'FeatureCollection', features: [] },
    context: { type: 'FeatureCollection', features: [] },
  };
}
