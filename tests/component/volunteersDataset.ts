import type { Feature, Point } from 'geojson';
import type { Dataset, RequestProps, VolunteerProps } from '../../src/domain/dataset';
import { tinyDataset } from './tinyDataset';

const at = <P>(coordinates: [number, number], properties: P): Feature<Point, P> => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });

/**
 * The tiny two-compound dataset (no network: straight-line) with three volunteers and five
 * requests. On Monday 2026-11-02 at 20:00 only 陈静 (medical, 500 m) is on duty among the
 * medical volunteers: she reaches 瑞城花园's gate, not 耀隆宿舍 1 km east.
 */
export function volunteersDataset(): Dataset {
  const d = tinyDataset();
  d.volunteers.features = [
    at<VolunteerProps>([119.3315, 26.0905], {
      id: 'v-1',
      name: '陈静',
      phone: '13700000001',
      team: '新华社区医护志愿队',
      skills: ['medical'],
      availability: 'Mo-Su 18:00-22:00',
      service_radius_m: 500,
    }),
    at<VolunteerProps>([119.34, 26.092], {
      id: 'v-2',
      name: '李建国',
      phone: '13700000002',
      team: '岳峰镇党员志愿服务队',
      skills: ['medical', 'escort'],
      availability: 'Sa,Su 08:00-18:00',
      service_radius_m: 2000,
    }),
    at<VolunteerProps>([119.3405, 26.0905], {
      id: 'v-3',
      name: '赵敏',
      phone: '13700000003',
      team: '三台社区邻里互助队',
      skills: ['errand'],
      availability: 'Mo-Su 00:00-24:00',
      service_radius_m: 800,
    }),
  ];
  const request = (id: string, patch: Partial<RequestProps>): Feature<Point, RequestProps> =>
    at([119.3312, 26.0905], {
      id,
      service_request_id: id.toUpperCase(),
      service_code: 'repair',
      status: 'open',
      stage: 'collect',
      requested_datetime: '2026-10-31T09:00:00+08:00',
      compound_id: 'c-1',
      ...patch,
    });
  d.requests.features = [
    request('yf-1', { description: '楼道灯坏了', requested_datetime: '2026-10-20T09:00:00+08:00', compound_id: 'c-2' }),
    request('yf-2', { service_code: 'medical', stage: 'deliberate', description: '需要上门测血压' }),
    request('yf-3', { service_code: 'pharmacy', stage: 'coordinate', description: '想在附近买到常用药', requested_datetime: '2026-10-22T09:00:00+08:00' }),
    request('yf-4', {
      status: 'closed',
      stage: 'rate',
      rating: 5,
      requested_datetime: '2026-10-01T09:00:00+08:00',
      updated_datetime: '2026-10-05T09:00:00+08:00',
    }),
    request('yf-5', {
      status: 'closed',
      stage: 'rate',
      rating: 3,
      requested_datetime: '2026-10-02T09:00:00+08:00',
      updated_datetime: '2026-10-12T09:00:00+08:00',
    }),
  ];
  return d;
}

/** Monday 2026-11-02, 20:00 in Fuzhou. */
export const MONDAY_EVENING = new Date('2026-11-02T20:00:00+08:00');
