import type { Feature, Point } from 'geojson';
import type { Dataset, RequestProps, VolunteerProps } from '../../src/domain/dataset';

/**
 * A street along the equator, 0.02° (2,224 m) long, where 0.001° of longitude is 111.2 m:
 * compound A's gate at 0.001°, B's at 0.015°, a canteen at 0.004°, a clinic at 0.016°, the
 * community's service centre at 0.010°. Walks along the street equal straight lines, so every
 * figure can be checked on paper.
 */
const box = (w: number, s: number, e: number, n: number): [number, number][][] => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
const point = <P>(lon: number, properties: P): Feature<Point, P> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, 0] }, properties });

export function streetDataset(): Dataset {
  return {
    manifest: { id: 'street', name: { zh: '一条街' }, crs: 'WGS84', dataAsOf: '2026-11-01', synthetic: true, sources: [], timezone: 'Asia/Shanghai' },
    compounds: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(0.0005, 0.0002, 0.0015, 0.0012) },
          properties: { id: 'A', name: '甲小区', population: 1000, elderly60: 300, elderly80: 50 },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(0.0145, 0.0002, 0.0155, 0.0012) },
          properties: { id: 'B', name: '乙小区', population: 500, elderly60: 100, elderly80: 20 },
        },
      ],
    },
    facilities: {
      type: 'FeatureCollection',
      features: [
        point(0.004, { id: 'f-canteen', category: 'canteen', name: '长者食堂', capacity: 60, phone: '0591-80000001' }),
        point(0.016, { id: 'f-clinic', category: 'clinic', name: '卫生服务站' }),
        point(0.01, { id: 'f-centre', category: 'community_service', name: '东社区党群服务中心' }),
      ],
    },
    network: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [0.02, 0],
            ],
          },
          properties: { id: 'w-1', highway: 'residential' },
        },
      ],
    },
    gates: { type: 'FeatureCollection', features: [point(0.001, { id: 'g-A', compound_id: 'A' }), point(0.015, { id: 'g-B', compound_id: 'B' })] },
    grids: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(-0.001, -0.002, 0.021, 0.003) },
          properties: { id: 'cm-east', level: 'community', name: '东社区', staff: [{ role: '书记', name: '王小明', phone: '13900000000' }] },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: box(-0.001, -0.002, 0.005, 0.003) },
          properties: { id: 'gr-1', level: 'grid', name: '东社区第一网格', parent_id: 'cm-east' },
        },
      ],
    },
    volunteers: {
      type: 'FeatureCollection',
      features: [
        ...[1, 2, 3, 4, 5, 6].map((i) =>
          point<VolunteerProps>(0.001, { id: `v-${i}`, name: `志愿者${i}`, phone: `1370000000${i}`, skills: ['medical'], service_radius_m: 500 }),
        ),
        point<VolunteerProps>(0.0148, { id: 'v-7', name: '李四', phone: '13700000007', skills: ['escort'], service_radius_m: 100 }),
      ],
    },
    requests: {
      type: 'FeatureCollection',
      features: [
        ...Array.from({ length: 6 }, (_, i) =>
          point<RequestProps>(0.001, {
            id: `r-${i}`,
            service_request_id: `R${i}`,
            service_code: 'errand',
            description: '代缴水电费',
            status: 'open',
            stage: 'collect',
            requested_datetime: `2026-10-2${i}T09:00:00+08:00`,
          }),
        ),
        point<RequestProps>(0.001, {
          id: 'r-x',
          service_request_id: 'RX',
          service_code: 'repair',
          status: 'closed',
          stage: 'rate',
          requested_datetime: '2026-09-01T09:00:00+08:00',
          updated_datetime: '2026-10-03T09:00:00+08:00',
        }),
        point<RequestProps>(0.001, {
          id: 'r-old',
          service_request_id: 'RO',
          service_code: 'repair',
          status: 'closed',
          stage: 'rate',
          requested_datetime: '2026-08-01T09:00:00+08:00',
          updated_datetime: '2026-09-03T09:00:00+08:00',
        }),
      ],
    },
    context: { type: 'FeatureCollection', features: [] },
  };
}

/** Metres per 0.001° of longitude on the equator (haversine, R = 6,371,008.8 m). */
export const M_PER_MILLIDEGREE = 111.19508;
