import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { buildingsEn, buildingsZh } from '../../src/i18n/features/buildings';
import { evidenceEn, evidenceZh } from '../../src/i18n/features/evidence';
import { hallEn, hallZh } from '../../src/i18n/features/hall';
import { liveEn, liveZh } from '../../src/i18n/features/live';
import { open311En, open311Zh } from '../../src/i18n/features/open311';
import { plannerEn, plannerZh } from '../../src/i18n/features/planner';
import { reportEn, reportZh } from '../../src/i18n/features/report';
import { sandanEn, sandanZh } from '../../src/i18n/features/sandan';
import { staffEn, staffZh } from '../../src/i18n/features/staff';
import { volunteersEn, volunteersZh } from '../../src/i18n/features/volunteers';
import { votesEn, votesZh } from '../../src/i18n/features/votes';
import { zhCN } from '../../src/i18n/zh-CN';

type Table = Record<string, string>;
/** Each view's messages module and the tables it must add, in both languages. */
const VIEWS: { view: string; load: () => Promise<unknown>; tables: [Table, Table][] }[] = [
  {
    view: 'planner',
    load: () => import('../../src/features/planner/messages'),
    tables: [
      [plannerZh, plannerEn],
      [evidenceZh, evidenceEn],
      [reportZh, reportEn],
    ],
  },
  {
    view: 'hall',
    load: () => import('../../src/features/hall/messages'),
    tables: [
      [hallZh, hallEn],
      [liveZh, liveEn],
    ],
  },
  {
    view: 'volunteers',
    load: () => import('../../src/features/volunteers/messages'),
    tables: [
      [volunteersZh, volunteersEn],
      [staffZh, staffEn],
      [votesZh, votesEn],
      [buildingsZh, buildingsEn],
      [sandanZh, sandanEn],
      [liveZh, liveEn],
      [hallZh, hallEn],
    ],
  },
];
const MOVED: Table[] = [plannerZh, evidenceZh, volunteersZh, staffZh, votesZh, buildingsZh, liveZh, hallZh, reportZh, open311Zh, sandanZh];

// One test file, one module graph: the views' modules are imported in order, each test sees the
// tables the earlier ones added (the checks before a view loads pick keys only it adds).
describe('messages split by view', () => {
  it('keeps the other views’ messages out of the core tables, in both languages', () => {
    const core = new Set([...Object.keys(zhCN), ...Object.keys(en)]);
    for (const table of MOVED) for (const key of Object.keys(table)) expect(core.has(key), key).toBe(false);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    expect(translate('zh', 'app.title')).toBe('十五分钟服务圈');
    expect(translate('en', 'problems.title', { count: 3 })).toBe(en['problems.title'].replace('{count}', '3'));
  });

  it('fails loudly (in development and tests) on a key whose view has not loaded', () => {
    expect(() => translate('zh', 'planner.title')).toThrow(/planner\.title/);
    expect(() => translate('en', 'sandan.title')).toThrow(/messages module/);
    expect(() => translate('en', 'hall.screenTitle')).toThrow();
  });

  for (const { view, load, tables } of VIEWS)
    it(`adds the ${view} view’s messages in both languages when its messages module loads`, async () => {
      await load();
      for (const [zh, english] of tables) {
        expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort());
        for (const key of Object.keys(zh) as MessageKey[]) {
          expect(translate('zh', key)).toBe(zh[key]);
          expect(translate('en', key)).toBe(english[key]);
        }
      }
    });

  it('has every key of every table added by src/i18n/all.ts (the server’s)', async () => {
    expect(() => translate('en', 'open311.group.other')).toThrow();
    await import('../../src/i18n/all');
    for (const table of [zhCN, ...MOVED]) for (const key of Object.keys(table) as MessageKey[]) expect(translate('en', key)).not.toBe(key);
    expect(translate('zh', 'open311.group.other')).toBe(open311Zh['open311.group.other']);
    expect(translate('en', 'open311.group.other')).toBe(open311En['open311.group.other']);
  });
});
