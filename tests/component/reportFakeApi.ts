import { vi } from 'vitest';
import type { CompoundInfo, IntakeService, NearbyRequest, Tracked } from '../../src/features/report/api';

/** A square compound of about 100 m with one street and one gate, around (119.33, 26.09). */
export const COMPOUND: CompoundInfo = {
  id: 'c-1',
  name: { zh: '耀隆宿舍', en: 'Yaolong Dormitory' },
  community: { id: 'cm-1', name: { zh: '新华社区', en: 'Xinhua Community' } },
  point: { lat: 26.09, long: 119.33 },
  sketch: {
    bbox: [119.328, 26.088, 119.332, 26.092],
    outline: [
      [
        [119.3295, 26.0895],
        [119.3305, 26.0895],
        [119.3305, 26.0905],
        [119.3295, 26.0905],
        [119.3295, 26.0895],
      ],
    ],
    streets: [
      {
        name: '华林路',
        coords: [
          [119.328, 26.0892],
          [119.332, 26.0892],
        ],
      },
    ],
    gates: [{ name: '南门', nameEn: 'South Gate', lon: 119.33, lat: 26.0895 }],
  },
};

export const SERVICES: IntakeService[] = [
  { service_code: 'repair', service_name: { zh: '维修', en: 'Repairs' }, glyph: '修' },
  { service_code: 'canteen', service_name: { zh: '助餐 / 食堂', en: 'Meals / canteen' }, glyph: '餐' },
  { service_code: 'recycling', service_name: { zh: '环境卫生', en: 'Cleanliness and rubbish' }, glyph: '洁' },
];

export const NEARBY: NearbyRequest[] = [
  { service_request_id: 'YF-2026-0042', stage: 'coordinate', requested: new Date(Date.now() - 3 * 86_400_000).toISOString(), distance_m: 12 },
];

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

type Handler = (call: Call) => { status?: number; body: unknown } | undefined;

/**
 * Replaces fetch with the intake API's answers (as the server gives them), recording every
 * call; `handler` answers first when it returns something.
 */
export function fakeIntakeApi(handler: Handler = () => undefined) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = { method: init?.method ?? 'GET', url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const answer = handler(call) ?? defaultAnswer(call);
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function defaultAnswer(call: Call): { status?: number; body: unknown } {
  if (call.url === '/api/intake/compounds/c-1') return { body: COMPOUND };
  if (call.url.startsWith('/api/intake/compounds/')) return { status: 404, body: [{ code: 404, description: 'no compound' }] };
  if (call.url === '/api/intake/services') return { body: { services: SERVICES } };
  if (call.url.startsWith('/api/intake/nearby')) return { body: { radius_m: 50, requests: call.url.includes('service_code=repair') ? NEARBY : [] } };
  if (call.url === '/api/intake' && call.method === 'POST')
    return { status: 201, body: { service_request_id: 'SR-2026-000126', tracking_code: 'K7Q4M9XP2R', tracking_url: '/track?code=K7Q4M9XP2R' } };
  return { status: 404, body: [{ code: 404, description: `nothing at ${call.url}` }] };
}

export function tracked(over: Partial<Tracked> = {}): Tracked {
  return {
    service_request_id: 'SR-2026-000126',
    service_code: 'repair',
    stage: 'collect',
    status: 'open',
    requested: '2026-12-01T10:00:00Z',
    updated: '2026-12-01T10:00:00Z',
    expected: '2026-12-08T10:00:00Z',
    steps: [{ stage: 'collect', at: '2026-12-01T10:00:00Z', by: 'resident' }],
    rating: null,
    can_rate: false,
    ...over,
  };
}
