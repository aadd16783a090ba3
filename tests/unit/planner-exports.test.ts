import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { CompoundProps, FC } from '../../src/domain/dataset';
import { complianceGeoJson, compoundRows, csvText, gapRows } from '../../src/domain/planner/exports';
import { PlannerModel } from '../../src/domain/planner/model';
import { at, compound, facility, streetContext, twoLevelRuleset } from './planner-fixtures';

const ROOT = resolve(import.meta.dirname, '../..');

describe('CSV for Excel', () => {
  it('starts with a byte-order mark, ends rows with CRLF and quotes what needs it', () => {
    const text = csvText([
      ['小区', '说明'],
      ['瑞城花园', '含,逗号'],
      ['耀隆宿舍', '含"引号"\n换行'],
      ['x', 12.5],
    ]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toBe('\uFEFF小区,说明\r\n瑞城花园,"含,逗号"\r\n耀隆宿舍,"含""引号""\n换行"\r\nx,12.5\r\n');
  });

  it('never lets a cell start a formula', () => {
    expect(csvText([['=HYPERLINK("x")', '-1', -1, '@a']])).toBe('\uFEFF"\'=HYPERLINK(""x"")","\'-1",-1,"\'@a"\r\n');
  });
});

describe('export builders', () => {
  const ctx = streetContext();
  const compounds = [
    compound('A', 500, { communityId: 'cm-1', nameEn: 'A estate', propertyManagement: true }),
    compound('B', 900, { propertyManagement: false }),
  ];
  const model = new PlannerModel(ctx, {
    compounds,
    facilities: [facility('hc', 'health_center', 1200), facility('cl', 'clinic', 1000), facility('bk', 'bank', 1900)],
  });
  const result = model.evaluate(model.baseline, twoLevelRuleset());
  const text = { areaName: (id?: string) => (id === 'cm-1' ? '新华社区' : ''), yes: '是', no: '否', unreachable: '不可达' };

  it('lists one row per compound and unmet rule, ▲ first, with the clause and whether it was verified', () => {
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
    const rows = gapRows(result, 'zh', columns, text);
    expect(rows[0]).toEqual(Object.values(columns));
    expect(rows.slice(1).map((r) => [r[0], r[8], r[9], r[10], r[11], r[12], r[13]])).toEqual([
      ['A', '卫生服务站', '▲', 300, 500, 'C.0.2', '是'],
      ['A', '银行', '▲', 300, 1400, 'C.0.2', '否'],
      ['B', '银行', '▲', 300, 1000, 'C.0.2', '否'],
      ['B', '物业', '▲', null, null, 'C.0.3', '否'],
    ]);
    expect(rows[1]![2]).toBe('新华社区');
  });

  it('gives one row per compound with a column per checked rule, in English too', () => {
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
    const rows = compoundRows(result, 'en', columns, text, (r) => r.status);
    expect(rows[0]!.slice(11)).toEqual([
      '15 minutes · Health centre ▲ ≤ 1000 m',
      '5 minutes · Health station ▲ ≤ 300 m',
      '5 minutes · Canteen △ ≤ 300 m',
      '5 minutes · Bank ▲ ≤ 300 m',
      '5 minutes · Property management ▲',
    ]);
    expect(rows[1]!.slice(0, 11)).toEqual(['A', 'A estate', '新华社区', '', 1000, 200, 40, 50, 2, 0, 0]);
    expect(rows[1]!.slice(11)).toEqual(['met 700', 'unmet 500', 'no-data', 'unmet 1400', 'met']);
  });

  it('writes the compounds with their results as GeoJSON', () => {
    const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[at(x), at(x + 50), [at(x + 50)[0], 26.0905], at(x)]] });
    const fc: FC<Polygon, CompoundProps> = {
      type: 'FeatureCollection',
      features: compounds.map((c, i) => ({
        type: 'Feature',
        geometry: square(i * 400 + 500),
        properties: { id: c.id, name: c.name, population: c.population, elderly60: c.elderly60, elderly80: c.elderly80 },
      })),
    };
    const geojson = complianceGeoJson(fc, result, true);
    expect(geojson.features).toHaveLength(2);
    expect(geojson.features[0]!.properties).toMatchObject({
      id: 'A',
      ruleset: 'test-two-levels@1',
      score: 50,
      gaps: ['r5-clinic', 'r5-bank'],
      walk_m: { 'r15-health': 700, 'r5-clinic': 500, 'r5-canteen': null, 'r5-bank': 1400 },
      distance_kind: 'network',
    });
  });
});

describe('npm run analyze -- --ruleset', () => {
  it('adds a compliance section after the contract keys, with rules, compounds, areas and canteens', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'planner-analyze-')), 'report.json');
    execFileSync('npx', ['tsx', 'src/cli/analyze.ts', '--data', 'data/yuefeng-sample', '--out', out, '--ruleset', 'gb50180-2018'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(report)).toEqual(['dataset', 'inputs', 'speed_m_per_min', 'network', 'distance_kind', 'compounds', 'problems', 'compliance']);
    const c = report.compliance;
    expect(c.ruleset).toMatchObject({ id: 'gb50180-2018', document: 'GB 50180-2018', nesting: 'independent' });
    expect(c.rules.find((r: { id: string }) => r.id === 'gb-5-kindergarten')).toMatchObject({
      distance_m: 300,
      clause: expect.stringContaining('C.0.2'),
      verified: true,
      state: 'checked',
    });
    const yaolong = c.compounds.find((x: { id: string }) => x.id === 'c-084');
    expect(yaolong.unmet.map((u: { rule: string }) => u.rule)).toContain('gb-5-health-station');
    expect(c.communities.length).toBe(8);
    expect(c.canteens.canteens).toHaveLength(5);
  }, 60_000);

  it('rejects an unknown ruleset, naming the known ones', () => {
    let stderr = '';
    try {
      execFileSync('npx', ['tsx', 'src/cli/analyze.ts', '--data', 'data/yuefeng-sample', '--out', join(tmpdir(), 'x.json'), '--ruleset', 'gb-1993'], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(stderr).toMatch(/unknown --ruleset "gb-1993"; known: gb50180-2018, mofcom-2021, complete-community-2020/);
  }, 60_000);
});
