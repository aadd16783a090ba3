import { describe, expect, it } from 'vitest';
import { canMoveProject, groupNeeds, isCalendarDate, needItems, projectOverdue, type NeedRequest } from '../../src/domain/volunteers/sandan';
import { needsCsv, projectsCsv, type SandanNames } from '../../src/domain/volunteers/sandanCsv';
import { groupResources, weeklyHours } from '../../src/domain/volunteers/sandanResources';

const now = new Date('2026-12-04T10:00:00+08:00');
const request = (over: Partial<NeedRequest>): NeedRequest => ({
  serviceCode: 'pharmacy',
  status: 'open',
  compoundId: 'c-001',
  gridId: 'g-1',
  communityId: 'cm-1',
  requestedAt: '2026-12-01T09:00:00+08:00',
  assignedTo: null,
  ...over,
});
const wish = (over: Partial<{ compoundId: string; skill: string | null; state: 'open' | 'claimed' | 'done' | 'cancelled'; createdAt: string }>) => ({
  compoundId: 'c-001',
  gridId: 'g-1',
  communityId: 'cm-1',
  skill: 'errand',
  state: 'open' as const,
  createdAt: '2026-12-03T09:00:00+08:00',
  ...over,
});

describe('需求单: needs grouped by compound and need', () => {
  it('counts open requests and open or claimed wishes per compound and skill; closed and done ones are not needs', () => {
    const items = needItems(
      [
        request({}),
        request({ serviceCode: 'canteen', requestedAt: '2026-11-20T08:00:00+08:00', assignedTo: 7 }),
        request({ status: 'closed' }),
        request({ compoundId: 'c-002', serviceCode: 'park' }),
      ],
      [wish({}), wish({ state: 'claimed' }), wish({ state: 'done' }), wish({ skill: null })],
    );
    const lines = groupNeeds(items, [], now);
    const errand = lines.find((l) => l.key === 'c-001|errand')!;
    // pharmacy and canteen requests both ask for an errand; two wishes (open + claimed) too.
    expect(errand).toMatchObject({ requests: 2, wishes: 2, total: 4, unmatched: 2, oldestAt: '2026-11-20T08:00:00+08:00', oldestDays: 14, projects: 0 });
    expect(lines.find((l) => l.key === 'c-002|park')).toMatchObject({ requests: 1, wishes: 0, unmatched: 1, need: 'park' });
    expect(lines.find((l) => l.key === 'c-001|any')).toMatchObject({ wishes: 1, unmatched: 1 });
    expect(lines.reduce((n, l) => n + l.total, 0)).toBe(6);
    // Most unmatched first.
    expect(lines[0]!.key).toBe('c-001|errand');
  });

  it('a live project answers its line (nothing left unmatched); a done or cancelled one does not', () => {
    const items = needItems([request({}), request({})], []);
    expect(groupNeeds(items, [{ compoundId: 'c-001', need: 'errand', state: 'active' }], now)[0]).toMatchObject({ unmatched: 0, projects: 1 });
    expect(groupNeeds(items, [{ compoundId: 'c-001', need: 'errand', state: 'done' }], now)[0]).toMatchObject({ unmatched: 2, projects: 0 });
    expect(groupNeeds(items, [{ compoundId: 'c-002', need: 'errand', state: 'active' }], now)[0]).toMatchObject({ unmatched: 2 });
  });
});

describe('资源单: volunteers by skill with weekly hours, units by kind', () => {
  it('reads weekly hours from opening-hours availability; none or unreadable is null', () => {
    expect(weeklyHours('Sa,Su 09:00-12:00')).toBe(6);
    expect(weeklyHours('Mo-Fr 18:00-20:30')).toBe(12.5);
    expect(weeklyHours(undefined)).toBeNull();
    expect(weeklyHours('whenever')).toBeNull();
  });

  it('a volunteer with two skills counts under both; retired units are left out', () => {
    const lines = groupResources(
      [
        { id: 'v-1', name: '王', skills: ['errand', 'medical'], availability: 'Sa 09:00-12:00' },
        { id: 'v-2', skills: ['errand'], availability: 'Mo-Fr 18:00-19:00' },
        { id: 'v-3', skills: ['errand'] },
      ],
      [
        { id: 'U-1', name: '社区礼堂', kind: 'venue', capacity: 120, active: true },
        { id: 'U-2', name: '小会议室', kind: 'venue', capacity: 20, active: true },
        { id: 'U-3', name: '旧仓库', kind: 'room', capacity: 10, active: false },
      ],
    );
    expect(lines.map((l) => l.key)).toEqual(['skill:medical', 'skill:errand', 'unit:venue']);
    expect(lines[1]).toMatchObject({ volunteers: 3, weeklyHours: 8, openEnded: 1 });
    expect(lines[1]!.members.map((m) => m.name)).toEqual(['王', 'v-2', 'v-3']);
    expect(lines[2]).toMatchObject({ units: 2, capacity: 140 });
  });
});

describe('项目单: states, due dates, overdue', () => {
  it('moves 拟定 → 进行中 → 已完成, or to 已取消 before it is done; never back', () => {
    expect(canMoveProject('draft', 'active')).toBe(true);
    expect(canMoveProject('active', 'done')).toBe(true);
    expect(canMoveProject('draft', 'cancelled')).toBe(true);
    expect(canMoveProject('draft', 'done')).toBe(false);
    expect(canMoveProject('done', 'active')).toBe(false);
    expect(canMoveProject('cancelled', 'draft')).toBe(false);
  });

  it('is overdue the day after its due date in the dataset zone, only while worked on', () => {
    expect(projectOverdue({ state: 'active', dueDate: '2026-12-04' }, now, 'Asia/Shanghai')).toBe(false);
    expect(projectOverdue({ state: 'active', dueDate: '2026-12-03' }, now, 'Asia/Shanghai')).toBe(true);
    expect(projectOverdue({ state: 'done', dueDate: '2026-12-03' }, now, 'Asia/Shanghai')).toBe(false);
    // 2026-12-04 01:00 in Shanghai is still 12-03 in UTC: the zone decides.
    expect(projectOverdue({ state: 'draft', dueDate: '2026-12-03' }, new Date('2026-12-03T17:00:00Z'), 'Asia/Shanghai')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-12-31')).toBe(true);
  });
});

describe('CSV', () => {
  const names: SandanNames = {
    compound: (id) => (id === 'c-001' ? '前横小区' : (id ?? '')),
    need: (code) => ({ errand: '跑腿代办' })[code] ?? code,
    unitKind: (k) => k,
    state: (s) => ({ draft: '拟定', active: '进行中', done: '已完成', cancelled: '已取消' })[s],
    owner: () => '李',
    resource: (r) => r.id,
    yes: '是',
    no: '否',
  };

  it('starts with a BOM, has CRLF lines and Chinese text as written', () => {
    const csv = needsCsv(
      groupNeeds(needItems([request({})], []), [], now),
      ['小区', '需求', '诉求', '微心愿', '合计', '未匹配', '最早', '天数', '项目'],
      names,
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[1]).toBe('前横小区,跑腿代办,1,0,1,1,2026-12-01,3,0');
  });

  it('marks overdue projects and neutralises a title that looks like a formula', () => {
    const csv = projectsCsv(
      [
        {
          id: 'P-000001',
          title: '=HYPERLINK("x")',
          compoundId: 'c-001',
          need: 'errand',
          gridId: null,
          communityId: 'cm-1',
          resources: [{ kind: 'unit', id: 'U-1' }],
          ownerId: 1,
          dueDate: '2026-12-01',
          state: 'active',
          createdAt: '',
          createdBy: 'li',
          updatedAt: '',
        },
      ],
      ['id', 'title', 'compound', 'need', 'resources', 'owner', 'due', 'state', 'overdue'],
      names,
      now,
      'Asia/Shanghai',
    );
    expect(csv.slice(1).split('\r\n')[1]).toBe(`P-000001,"'=HYPERLINK(""x"")",前横小区,跑腿代办,U-1,李,2026-12-01,进行中,是`);
  });
});
