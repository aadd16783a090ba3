import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { RequestProps } from '../../src/domain/dataset';
import { DEFAULT_WORKFLOW, escalationList, requestTiming, stageCounts, STAGED_WORKFLOW, type WorkflowConfig } from '../../src/domain/volunteers/workflow';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

function request(id: string, requested: string, patch: Partial<RequestProps> = {}): Feature<Point, RequestProps> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [119.33, 26.09] },
    properties: {
      id,
      service_request_id: id.toUpperCase(),
      service_code: 'repair',
      status: 'open',
      stage: 'deliberate',
      requested_datetime: requested,
      ...patch,
    },
  };
}

describe('overdue rules at fixed clocks (default: the whole cycle within 7 days)', () => {
  const r = request('r-1', '2026-10-20T09:00:00+08:00').properties;

  it('is on time until 7 days after the request, then overdue', () => {
    expect(requestTiming(r, at('2026-10-27T08:59:00+08:00'), DEFAULT_WORKFLOW, TZ)).toMatchObject({ overdue: false, escalation: null });
    const late = requestTiming(r, at('2026-10-27T09:01:00+08:00'), DEFAULT_WORKFLOW, TZ);
    expect(late).toMatchObject({ overdue: true, overdueMs: 60_000, escalation: 'grid' });
    expect(late.deadline?.toISOString()).toBe('2026-10-27T01:00:00.000Z');
    expect(late.waitedMs).toBe((7 * 24 * 60 + 1) * 60_000);
  });

  it('climbs the escalation ladder: grid, community after 2 days, town after 5, district after 10', () => {
    const level = (iso: string) => requestTiming(r, at(iso), DEFAULT_WORKFLOW, TZ).escalation;
    expect(level('2026-10-29T08:59:00+08:00')).toBe('grid');
    expect(level('2026-10-29T09:00:00+08:00')).toBe('community');
    expect(level('2026-11-01T09:00:00+08:00')).toBe('town');
    expect(level('2026-11-06T09:00:00+08:00')).toBe('district');
  });

  it('never flags a closed request, but notes when it closed late', () => {
    const onTime = { ...r, status: 'closed' as const, stage: 'rate' as const, updated_datetime: '2026-10-26T18:00:00+08:00' };
    const late = { ...onTime, updated_datetime: '2026-10-28T18:00:00+08:00' };
    expect(requestTiming(onTime, at('2026-12-01T00:00:00+08:00'), DEFAULT_WORKFLOW, TZ)).toMatchObject({ overdue: false, closedLate: false, waitedMs: 0 });
    expect(requestTiming(late, at('2026-12-01T00:00:00+08:00'), DEFAULT_WORKFLOW, TZ)).toMatchObject({ overdue: false, closedLate: true });
  });

  it('applies per-stage limits when configured (deliberate within 2 days)', () => {
    expect(requestTiming(r, at('2026-10-22T08:59:00+08:00'), STAGED_WORKFLOW, TZ).overdue).toBe(false);
    expect(requestTiming(r, at('2026-10-22T09:01:00+08:00'), STAGED_WORKFLOW, TZ).overdue).toBe(true);
    const publishing = { ...r, stage: 'publish' as const };
    expect(requestTiming(publishing, at('2026-10-26T09:01:00+08:00'), STAGED_WORKFLOW, TZ).overdue).toBe(true);
    // A stage limit never stretches the week.
    const long: WorkflowConfig = { ...DEFAULT_WORKFLOW, stageDays: { deliberate: 30 } };
    expect(requestTiming(r, at('2026-10-27T09:01:00+08:00'), long, TZ).overdue).toBe(true);
  });

  it('reads a request time without an offset in the dataset zone', () => {
    const local = { ...r, requested_datetime: '2026-10-20 09:00' };
    expect(requestTiming(local, at('2026-10-27T09:01:00+08:00'), DEFAULT_WORKFLOW, TZ).overdue).toBe(true);
    expect(requestTiming(local, at('2026-10-27T08:59:00+08:00'), DEFAULT_WORKFLOW, TZ).overdue).toBe(false);
  });
});

describe('the escalation list', () => {
  it('lists overdue requests only, the longest wait first, then by stage and number', () => {
    const requests = [
      request('r-new', '2026-10-30T09:00:00+08:00'),
      request('r-old', '2026-10-10T09:00:00+08:00', { stage: 'execute' }),
      request('r-mid-b', '2026-10-15T09:00:00+08:00', { stage: 'coordinate' }),
      request('r-mid-a', '2026-10-15T09:00:00+08:00', { stage: 'collect' }),
      request('r-closed', '2026-10-01T09:00:00+08:00', { status: 'closed', stage: 'rate' }),
    ];
    // Deadlines 10-17, 10-22 (×2), 11-06: at 11-01 00:00 they are 14.6, 9.6, 9.6 days late and not yet due.
    const list = escalationList(requests, at('2026-11-01T00:00:00+08:00'), DEFAULT_WORKFLOW, TZ);
    expect(list.map((t) => t.request.properties.id)).toEqual(['r-old', 'r-mid-a', 'r-mid-b']);
    expect(list.map((t) => t.timing.escalation)).toEqual(['district', 'town', 'town']);
  });

  it('counts requests per stage in workflow order', () => {
    const counts = stageCounts([request('a', '2026-10-01T00:00:00+08:00'), request('b', '2026-10-01T00:00:00+08:00', { stage: 'rate' })]);
    expect(Object.entries(counts)).toEqual([
      ['collect', 0],
      ['deliberate', 1],
      ['coordinate', 0],
      ['execute', 0],
      ['publish', 0],
      ['rate', 1],
    ]);
  });
});
