import { describe, expect, it } from 'vitest';
import { communityStats, requestMonth } from '../../src/domain/hall/community';
import { publicDataset, textFingerprint } from '../../src/domain/hall/privacy';
import { streetDataset } from './hall-fixture';

const PHONE = /(?<![\d.])(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/;

describe('what the public hall screen keeps', () => {
  it('drops staff, phones, volunteers and requests but keeps what the map draws', () => {
    const full = streetDataset();
    const shown = publicDataset(full);
    const text = JSON.stringify(shown);
    expect(text).not.toMatch(PHONE);
    for (const name of ['王小明', '李四', '志愿者1', '代缴水电费']) expect(text).not.toContain(name);
    expect(shown.volunteers.features).toEqual([]);
    expect(shown.requests.features).toEqual([]);
    expect(shown.grids.features[0]?.properties).toEqual({ id: 'cm-east', name: '东社区', level: 'community' });
    expect(shown.facilities.features[0]?.properties).toEqual({ id: 'f-canteen', name: '长者食堂', category: 'canteen', capacity: 60 });
    expect(shown.compounds.features[0]?.geometry).toBe(full.compounds.features[0]?.geometry);
  });

  it('keeps only the properties of a way that are shown, and a network known to carry only those as it is', () => {
    const full = streetDataset();
    const way = full.network!.features[0]!;
    const tagged = { ...way, properties: { ...way.properties, name_en: 'Gushan Rd', u: 300799470, note: '王小明 13800138000' } };
    const network = { type: 'FeatureCollection' as const, features: [tagged, ...full.network!.features.slice(1)] };
    const shown = publicDataset({ ...full, network });
    expect(shown.network!.features[0]!.properties).toEqual({ ...way.properties, name_en: 'Gushan Rd' });
    expect(JSON.stringify(shown.network)).not.toMatch(PHONE);
    // The same network gives the same public one (the map keeps its streets' tiles).
    expect(publicDataset({ ...full, network }).network).toBe(shown.network);
    expect(publicDataset({ ...full, network }, { networkShownOnly: true }).network).toBe(network);
  });

  it('tells a changed dataset from an unchanged one', () => {
    expect(textFingerprint(['a', 'b'])).toBe(textFingerprint(['a', 'b']));
    expect(textFingerprint(['a', 'b'])).not.toBe(textFingerprint(['a', 'c']));
    expect(textFingerprint(['ab', ''])).not.toBe(textFingerprint(['a', 'b']));
  });
});

describe('volunteer and request aggregates', () => {
  const now = new Date('2026-11-23T10:00:00+08:00');

  it('reports the month before a snapshot "as of 1 November", and this month for live data', () => {
    expect(requestMonth(now, '2026-11-01', 'Asia/Shanghai')).toMatchObject({ month: '2026-10', until: new Date('2026-11-01T00:00:00+08:00') });
    const live = requestMonth(now, undefined, 'Asia/Shanghai');
    expect(live.month).toBe('2026-11');
    expect(live.from).toEqual(new Date('2026-11-01T00:00:00+08:00'));
  });

  it('counts requests of the month by stage and shows fewer than five as "<5"', () => {
    const { requests } = communityStats(streetDataset(), now);
    // Six collected in late October, one rated after an October update; the September one is out.
    expect(requests).toMatchObject({ month: '2026-10', total: 7 });
    expect(requests?.byStage).toEqual([
      { stage: 'collect', count: 6 },
      { stage: 'deliberate', count: '<5' },
      { stage: 'coordinate', count: '<5' },
      { stage: 'execute', count: '<5' },
      { stage: 'publish', count: '<5' },
      { stage: 'rate', count: '<5' },
    ]);
  });

  it('reports volunteer coverage as tiers per compound and counts per skill only', () => {
    const { volunteers } = communityStats(streetDataset(), now);
    expect(volunteers).toMatchObject({ volunteers: 7, tones: { A: 0, B: 1 }, population: { covered: 1500, total: 1500 }, distance: 'network' });
    expect(volunteers?.bySkill).toEqual([
      { skill: 'medical', count: 6 },
      { skill: 'escort', count: '<5' },
    ]);
    expect(JSON.stringify(volunteers)).not.toMatch(/李四|志愿者|1370/);
  });
});
