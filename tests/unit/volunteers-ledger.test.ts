import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { RequestProps } from '../../src/domain/dataset';
import { toCsv } from '../../src/domain/volunteers/csv';
import { isServiceGap, nearestMetres, serviceGapRequests, type GapReport } from '../../src/domain/volunteers/requestGaps';
import { filterLedger, ledgerCsv, ledgerRows, NO_FILTER, type LedgerCsvLabels } from '../../src/domain/volunteers/ledger';
import { hasPersonalData, personalDataIn, suppressedCount } from '../../src/domain/volunteers/privacy';
import { satisfaction } from '../../src/domain/volunteers/satisfaction';
import { DEFAULT_WORKFLOW } from '../../src/domain/volunteers/workflow';

const TZ = 'Asia/Shanghai';

function request(id: string, patch: Partial<RequestProps> = {}): Feature<Point, RequestProps> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [119.33, 26.09] },
    properties: {
      id,
      service_request_id: `YF-${id}`,
      service_code: 'repair',
      status: 'open',
      stage: 'collect',
      requested_datetime: '2026-10-30T09:00:00+08:00',
      compound_id: 'c-1',
      ...patch,
    },
  };
}

/** Compound c-1: a clinic 600 m away, the nearest canteen 1,200 m (beyond 15 min at 60 m/min), no pharmacy reachable. */
const report: GapReport = {
  speed_m_per_min: 60,
  compounds: [
    {
      id: 'c-1',
      population: 800,
      elderly60: 150,
      origins: [],
      nearest: { clinic: { facility_id: 'f-1', walk_m: 600, walk_min: 10 }, canteen: { facility_id: 'f-2', walk_m: 1200, walk_min: 20 }, pharmacy: null },
    },
  ],
};

describe('requests meet gaps', () => {
  it('marks a request for a category its compound cannot reach within 15 minutes', () => {
    const nearest = nearestMetres(report);
    const gap = (code: string, compound: string | null = 'c-1') =>
      isServiceGap({ service_code: code, ...(compound ? { compound_id: compound } : {}) }, nearest, 60);
    expect(gap('clinic')).toBe(false);
    expect(gap('canteen')).toBe(true);
    expect(gap('pharmacy')).toBe(true);
    // No market in the data at all.
    expect(gap('market')).toBe(true);
    // A volunteer skill is not a facility gap; an unknown compound is not judged.
    expect(gap('repair')).toBe(false);
    expect(gap('canteen', 'c-9')).toBe(false);
    expect(gap('canteen', null)).toBe(false);
    expect(isServiceGap({ service_code: 'canteen', compound_id: 'c-1' }, nearest, 60, 25)).toBe(false);
  });

  it('collects the ids of gap requests for the planner to count', () => {
    const gaps = serviceGapRequests(
      [request('a', { service_code: 'canteen' }), request('b', { service_code: 'clinic' }), request('c', { service_code: 'pharmacy' })].map(
        (f) => f.properties,
      ),
      report,
    );
    expect([...gaps]).toEqual(['a', 'c']);
  });
});

describe('the ledger', () => {
  const now = new Date('2026-11-08T00:00:00+08:00');
  const requests = [
    request('a', { service_code: 'canteen' }),
    request('b', { stage: 'execute', requested_datetime: '2026-11-05T09:00:00+08:00' }),
    request('c', { status: 'closed', stage: 'rate', rating: 5, updated_datetime: '2026-11-02T10:00:00+08:00' }),
  ];
  const rows = ledgerRows(requests, now, DEFAULT_WORKFLOW, TZ, new Set(['a']));

  it('gives each request its deadline and flags', () => {
    expect(rows.map((r) => [r.id, r.overdue, r.gap, r.rating])).toEqual([
      ['a', true, true, null],
      ['b', false, false, null],
      ['c', false, false, 5],
    ]);
  });

  it('filters by stage, status, category, overdue, gap and number', () => {
    expect(filterLedger(rows, { ...NO_FILTER, stage: 'execute' }).map((r) => r.id)).toEqual(['b']);
    expect(filterLedger(rows, { ...NO_FILTER, status: 'closed' }).map((r) => r.id)).toEqual(['c']);
    expect(filterLedger(rows, { ...NO_FILTER, code: 'repair' }).map((r) => r.id)).toEqual(['b', 'c']);
    expect(filterLedger(rows, { ...NO_FILTER, overdueOnly: true }).map((r) => r.id)).toEqual(['a']);
    expect(filterLedger(rows, { ...NO_FILTER, gapOnly: true }).map((r) => r.id)).toEqual(['a']);
    expect(filterLedger(rows, { ...NO_FILTER, query: ' yf-B ' }).map((r) => r.id)).toEqual(['b']);
  });

  it('exports the table as CSV with a BOM, quoted where needed, no request texts', () => {
    const labels: LedgerCsvLabels = {
      header: ['编号', '小区', '类别', '环节', '状态', '提出时间', '更新时间', '预计完成', '期限', '超期', '服务缺口', '评分'],
      compoundName: (id) => (id === 'c-1' ? '瑞城花园, 东区' : ''),
      codeName: (code) => code,
      stageName: (stage) => stage,
      statusName: (status) => status,
      yes: '是',
      no: '否',
    };
    const csv = ledgerCsv(rows, labels, TZ);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv.startsWith('\uFEFF编号,小区,')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('YF-a,"瑞城花园, 东区",canteen,collect,open,2026-10-30T09:00:00+08:00,,,2026-11-06T09:00:00+08:00,是,是,');
    expect(lines[3]!.endsWith(',否,否,5')).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['a', 'b'], [['=HYPERLINK("x")', -3]])).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")",-3\r\n');
  });
});

describe('satisfaction and privacy', () => {
  it('sums up the ratings: mean, share of 4–5 stars, distribution', () => {
    const s = satisfaction([
      { status: 'closed', rating: 5 },
      { status: 'closed', rating: 4 },
      { status: 'closed', rating: 2 },
      { status: 'closed' },
      { status: 'open' },
    ]);
    expect(s).toEqual({ rated: 3, closed: 4, mean: 11 / 3, satisfiedShare: 2 / 3, distribution: [0, 1, 0, 1, 1] });
    expect(satisfaction([])).toMatchObject({ rated: 0, mean: null, satisfiedShare: null });
  });

  it('shows counts per compound below 5 as "<5"', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppressedCount(n))).toEqual(['<5', '<5', '<5', 5, 12]);
  });

  it('knows when a dataset holds personal data', () => {
    const empty = { type: 'FeatureCollection' as const, features: [] };
    expect(hasPersonalData(personalDataIn({ volunteers: empty, requests: empty, grids: empty }))).toBe(false);
    const withText = { type: 'FeatureCollection' as const, features: [request('a', { description: '楼道灯坏了' })] };
    expect(personalDataIn({ volunteers: empty, requests: withText, grids: empty })).toMatchObject({ requestTexts: 1 });
  });
});
