import { describe, expect, it } from 'vitest';
import type { RequestStage } from '../../src/domain/dataset';
import { countEvidence, evidenceCategory, gapTally, parseEvidenceAnswer, tallyOf, type EvidenceRow } from '../../src/domain/planner/evidence';
import { complianceGeoJson, compoundRows, gapRows } from '../../src/domain/planner/exports';
import { PlannerModel } from '../../src/domain/planner/model';
import { compound, facility, streetContext, twoLevelRuleset } from './planner-fixtures';

const row = (compoundId: string | null, serviceCode: string, stage: RequestStage): EvidenceRow => ({ compoundId, serviceCode, stage });

describe("residents' requests as evidence for the planner's gaps", () => {
  it('maps a service code to the facility category it asks for, and doorstep help to none', () => {
    expect(evidenceCategory('canteen')).toBe('canteen');
    expect(evidenceCategory('pharmacy')).toBe('pharmacy');
    expect(evidenceCategory('recycling')).toBe('recycling');
    // Intake's 医 (a doctor) is what a missing health station causes.
    expect(evidenceCategory('medical')).toBe('clinic');
    for (const code of ['repair', 'errand', 'escort', 'companionship', 'mediation', 'other', 'toString', '__proto__'])
      expect(evidenceCategory(code)).toBeNull();
  });

  it('counts requests per compound, category and stage, leaving out those without a compound or a category', () => {
    const counts = countEvidence([
      row('c-1', 'clinic', 'collect'),
      row('c-1', 'medical', 'collect'),
      row('c-1', 'clinic', 'execute'),
      row('c-1', 'repair', 'collect'),
      row('c-2', 'canteen', 'rate'),
      row(null, 'canteen', 'collect'),
      row('c-2', 'canteen', 'nonsense' as RequestStage),
    ]);
    expect(counts).toEqual({ 'c-1': { clinic: { collect: 2, execute: 1 } }, 'c-2': { canteen: { rate: 1 } } });
  });

  it("tallies a rule's categories once each, with all six stages, and nothing for an unknown compound", () => {
    const counts = countEvidence([row('c-1', 'clinic', 'collect'), row('c-1', 'health_center', 'publish'), row('c-1', 'canteen', 'collect')]);
    expect(tallyOf(counts, 'c-1', ['clinic', 'health_center', 'clinic'])).toEqual({
      total: 2,
      byStage: { collect: 1, deliberate: 0, coordinate: 0, execute: 0, publish: 1, rate: 0 },
    });
    expect(tallyOf(counts, 'c-9', ['clinic']).total).toBe(0);
    expect(tallyOf(null, 'c-1', ['clinic']).total).toBe(0);
  });

  it("counts a compound's requests for its unmet ▲ rules only (a category named by two gaps once)", () => {
    const rules = [
      { mark: '▲', categories: ['clinic', 'health_center'] },
      { mark: '▲', categories: ['clinic'] },
      { mark: '△', categories: ['canteen'] },
      { mark: '▲', categories: ['bank'] },
    ];
    const results = [{ status: 'unmet' }, { status: 'unmet' }, { status: 'unmet' }, { status: 'met' }];
    const counts = countEvidence([
      row('A', 'clinic', 'collect'),
      row('A', 'canteen', 'collect'),
      row('A', 'bank', 'rate'),
      row('A', 'health_center', 'deliberate'),
    ]);
    expect(gapTally(counts, 'A', rules, results).total).toBe(2);
    expect(gapTally(counts, 'A', rules, results, true).total).toBe(3);
  });

  it('accepts only well-formed answers from the server', () => {
    expect(parseEvidenceAnswer({ at: '2026-12-04T00:00:00Z', counts: { 'c-1': { clinic: { collect: 2 } } } })).not.toBeNull();
    expect(parseEvidenceAnswer({ at: 'x', counts: { 'c-1': { clinic: { done: 2 } } } })).toBeNull();
    expect(parseEvidenceAnswer({ at: 'x', counts: { 'c-1': { clinic: { collect: -1 } } } })).toBeNull();
    expect(parseEvidenceAnswer({ at: 'x', counts: { 'c-1': { clinic: { collect: '2' } } } })).toBeNull();
    expect(parseEvidenceAnswer([{ code: 500, description: 'x' }])).toBeNull();
    expect(parseEvidenceAnswer(null)).toBeNull();
  });
});

describe('exports carry the evidence', () => {
  const ctx = streetContext();
  const compounds = [compound('A', 500, { propertyManagement: true }), compound('B', 900, { propertyManagement: false })];
  const model = new PlannerModel(ctx, {
    compounds,
    facilities: [facility('hc', 'health_center', 1200), facility('cl', 'clinic', 1000), facility('bk', 'bank', 1900)],
  });
  const result = model.evaluate(model.baseline, twoLevelRuleset());
  const text = { areaName: () => '', yes: '是', no: '否', unreachable: '不可达' };
  const counts = countEvidence([
    row('A', 'clinic', 'collect'),
    row('A', 'medical', 'execute'),
    row('A', 'clinic', 'execute'),
    row('B', 'clinic', 'collect'),
    row('A', 'repair', 'collect'),
  ]);
  const evidence = {
    counts,
    columns: { total: '诉求', byStage: { collect: '收集', deliberate: '商议', coordinate: '协调', execute: '执行', publish: '公示', rate: '评价' } },
  };

  it('adds the requests of each gap by stage to the CSV of gaps', () => {
    const columns = {
      compoundId: '编号',
      compound: '小区',
      community: '社区',
      grid: '网格',
      residents: '人口',
      elderly60: '60+',
      elderly80: '80+',
      level: '层级',
      item: '项目',
      mark: '▲/△',
      distanceM: '距离',
      walkM: '步行',
      clause: '条款',
      verified: '已核实',
      note: '说明',
    };
    const rows = gapRows(result, 'zh', columns, text, evidence);
    expect(rows[0]!.slice(15)).toEqual(['诉求', '收集', '商议', '协调', '执行', '公示', '评价']);
    // A lacks the health station (clinic): three requests, one collected, two being carried out.
    expect(rows.find((r) => r[0] === 'A' && r[8] === '卫生服务站')!.slice(15)).toEqual([3, 1, 0, 0, 2, 0, 0]);
    expect(rows.find((r) => r[0] === 'A' && r[8] === '银行')!.slice(15)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Without counts the columns are not there.
    expect(gapRows(result, 'zh', columns, text)[0]).toHaveLength(15);
  });

  it("adds each compound's requests for its gaps to the CSV of compounds and the GeoJSON", () => {
    const columns = {
      compoundId: 'id',
      compound: 'compound',
      community: 'community',
      grid: 'grid',
      residents: 'residents',
      elderly60: '60+',
      elderly80: '80+',
      score: 'score %',
      unmetRequired: 'unmet ▲',
      unmetOptional: 'unmet △',
      canteenSeats: 'seats/100',
    };
    const rows = compoundRows(result, 'en', columns, text, (r) => r.status, evidence);
    expect(rows[0]!.slice(11, 18)).toEqual(['诉求', '收集', '商议', '协调', '执行', '公示', '评价']);
    expect(rows[1]!.slice(11, 18)).toEqual([3, 1, 0, 0, 2, 0, 0]);
    // B meets the health station rule: its clinic request is no gap's evidence.
    expect(rows[2]!.slice(11, 18)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const fc = complianceGeoJson(
      {
        type: 'FeatureCollection',
        features: compounds.map((c) => ({
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [] },
          properties: { id: c.id, population: c.population, elderly60: c.elderly60, elderly80: c.elderly80 },
        })),
      },
      result,
      true,
      counts,
    );
    expect(fc.features[0]!.properties.requests!['r5-clinic']).toEqual({
      total: 3,
      byStage: { collect: 1, deliberate: 0, coordinate: 0, execute: 2, publish: 0, rate: 0 },
    });
    expect(fc.features[0]!.properties.requests!['r5-bank']!.total).toBe(0);
  });
});
