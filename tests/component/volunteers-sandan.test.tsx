import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PartnerUnit } from '../../src/domain/volunteers/sandan';
import { SandanPanel } from '../../src/features/volunteers/sandan/SandanPanel';
import type { SandanAnswer } from '../../src/server/routes/sandan';
import { useStore } from '../../src/store';
import { sandanMapOf } from '../../src/store/sandanSlice';
import { volunteersDataset } from './volunteersDataset';

const initial = useStore.getState();

const unit: PartnerUnit = {
  id: 'U-000001',
  name: '新华社区礼堂',
  kind: 'venue',
  offer: '周末借用开议事会',
  capacity: 80,
  hours: 'Sa,Su 09:00-17:00',
  compoundId: 'c-1',
  lon: 119.3305,
  lat: 26.0905,
  gridId: null,
  communityId: 'g-1',
  contact: '张老师 13900000001',
  active: true,
  createdAt: '2026-12-01T00:00:00.000Z',
  createdBy: 'li',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

function answer(): SandanAnswer {
  return {
    timeZone: 'Asia/Shanghai',
    needs: [
      {
        key: 'c-1|errand',
        compoundId: 'c-1',
        gridId: null,
        communityId: 'g-1',
        need: 'errand',
        requests: 2,
        wishes: 1,
        total: 3,
        unmatched: 3,
        oldestAt: '2026-11-20T01:00:00.000Z',
        oldestDays: 14,
        projects: 0,
      },
      {
        key: 'c-2|repair',
        compoundId: 'c-2',
        gridId: null,
        communityId: 'g-1',
        need: 'repair',
        requests: 1,
        wishes: 0,
        total: 1,
        unmatched: 0,
        oldestAt: '2026-12-01T01:00:00.000Z',
        oldestDays: 3,
        projects: 1,
      },
    ],
    resources: [
      {
        key: 'skill:errand',
        kind: 'skill',
        group: 'errand',
        volunteers: 1,
        weeklyHours: 168,
        openEnded: 0,
        units: 0,
        capacity: 0,
        members: [{ kind: 'volunteer', id: 'v-3', name: '赵敏' }],
      },
      {
        key: 'unit:venue',
        kind: 'unit',
        group: 'venue',
        volunteers: 0,
        weeklyHours: 0,
        openEnded: 0,
        units: 1,
        capacity: 80,
        members: [{ kind: 'unit', id: unit.id, name: unit.name }],
      },
    ],
    units: [unit],
    projects: [
      {
        id: 'P-000001',
        title: '楼道灯统一维修',
        compoundId: 'c-2',
        need: 'repair',
        gridId: null,
        communityId: 'g-1',
        resources: [{ kind: 'unit', id: unit.id }],
        ownerId: 2,
        dueDate: '2026-12-01',
        state: 'active',
        createdAt: '2026-11-25T00:00:00.000Z',
        createdBy: 'li',
        updatedAt: '2026-11-25T00:00:00.000Z',
        overdue: true,
      },
    ],
    owners: [{ id: 2, name: '李社工' }],
  };
}

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** The routes the lists call, answering as the server does (tests/server/sandan.test.ts covers the real one). */
function fakeServer() {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : null;
    calls.push({ method, path: url.pathname, body });
    const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
    if (method === 'GET' && url.pathname === '/api/sandan') return json(answer());
    if (method === 'POST' && url.pathname === '/api/sandan/projects') return json({ ...answer().projects[0], id: 'P-000002', ...(body as object) }, 201);
    if (method === 'POST' && url.pathname === '/api/sandan/units') return json([{ code: 400, description: 'offer must not carry a phone or ID number' }], 400);
    if (method === 'POST' && url.pathname === '/api/sandan/projects/P-000001') return json({ ...answer().projects[0], ...(body as object) });
    return json([{ code: 404, description: 'not found' }], 404);
  });
  return calls;
}

/** What downloadText hands to the browser, as bytes (a text reader would hide the BOM). */
function captureDownloads(): { bytes: Uint8Array[]; names: string[] } {
  const saved = { bytes: [] as Uint8Array[], names: [] as string[] };
  const blobs: Blob[] = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => `blob:${blobs.push(blob)}`, revokeObjectURL: () => {} }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.names.push(this.download);
    const reader = new FileReader();
    reader.onload = () => saved.bytes.push(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blobs[Number(this.href.split(':').pop()) - 1]!);
  });
  return saved;
}

beforeEach(() => {
  useStore.setState({
    ...initial,
    dataset: volunteersDataset(),
    mode: 'volunteers',
    serverKind: 'server',
    serverInfo: { server: true, dataset: 'tiny', dataPath: 'data/tiny' },
    staff: {
      user: { id: 2, username: 'li', displayName: '李社工', role: 'community_worker', communityId: 'g-1', gridId: null, volunteerId: null },
      csrfToken: 'csrf-1',
    },
    volNow: new Date('2026-12-04T10:00:00+08:00').getTime(),
  });
});
afterEach(() => {
  useStore.setState(initial, true);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('三单制 in the volunteers view', () => {
  it('shows the needs, resources and projects lists of the scope, with the overdue project marked', async () => {
    fakeServer();
    render(<SandanPanel />);
    const needs = await screen.findByRole('region', { name: '需求单' });
    const rows = within(within(needs).getByRole('list', { name: '需求单' })).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('瑞城花园 · 跑腿代办');
    expect(rows[0]).toHaveTextContent('诉求 2 件 · 微心愿 1 个 · 未匹配 3 · 最早 14 天前');
    expect(rows[1]).toHaveTextContent('已立项 1 个');
    const resources = screen.getByRole('region', { name: '资源单' });
    expect(within(resources).getByRole('list', { name: '资源单' })).toHaveTextContent('1 名志愿者 · 每周约 168 小时');
    expect(within(resources).getByRole('list', { name: '共建单位资源' })).toHaveTextContent('张老师 13900000001');
    const project = within(screen.getByRole('region', { name: '项目单' })).getByRole('listitem');
    expect(project).toHaveTextContent('楼道灯统一维修 进行中 已逾期');
    expect(project).toHaveTextContent('负责人 李社工 · 2026-12-01 前完成');
    expect(project).toHaveTextContent('资源：新华社区礼堂');
  });

  it('starts a project from a need line with an owner, a due date and resources', async () => {
    const calls = fakeServer();
    render(<SandanPanel />);
    await userEvent.click(await screen.findByRole('button', { name: '立项: 瑞城花园 · 跑腿代办' }));
    const form = screen.getByRole('form', { name: '为「瑞城花园 · 跑腿代办」立项' });
    await userEvent.type(within(form).getByLabelText('项目名称'), '每周二上门代购');
    await userEvent.type(within(form).getByLabelText('完成日期'), '2026-12-20');
    await userEvent.selectOptions(within(form).getByLabelText('调配资源'), ['赵敏', '新华社区礼堂']);
    await userEvent.click(within(form).getByRole('button', { name: '创建项目' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已创建项目 P-000002。');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      compoundId: 'c-1',
      need: 'errand',
      title: '每周二上门代购',
      ownerId: 2,
      dueDate: '2026-12-20',
      resources: [
        { kind: 'volunteer', id: 'v-3' },
        { kind: 'unit', id: 'U-000001' },
      ],
    });
  });

  it('moves a project on, and says why a unit was refused', async () => {
    const calls = fakeServer();
    render(<SandanPanel />);
    await userEvent.click(await screen.findByRole('button', { name: '完成 楼道灯统一维修' }));
    expect(await screen.findByRole('status')).toHaveTextContent('项目 P-000001 已改为「已完成」。');
    expect(calls.find((c) => c.path === '/api/sandan/projects/P-000001')?.body).toEqual({ state: 'done' });
    const form = screen.getByRole('form', { name: '登记共建单位资源' });
    await userEvent.type(within(form).getByLabelText('名称'), '卫生室');
    await userEvent.selectOptions(within(form).getByLabelText('所在小区'), '耀隆宿舍');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('没有成功：offer must not carry a phone or ID number'));
  });

  it('toggles each list on the map, and the map data follows the lists', async () => {
    fakeServer();
    render(<SandanPanel />);
    const toggle = await screen.findByRole('checkbox', { name: '在地图上显示资源单' });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    expect(useStore.getState().sandanLayers.resources).toBe(true);
    const map = sandanMapOf(useStore.getState());
    expect(map.needs.features.map((f) => f.properties?.key)).toEqual(['c-1|errand', 'c-2|repair']);
    expect(map.resources.features.map((f) => f.properties?.id)).toEqual(['volunteer:v-3', 'unit:U-000001']);
    // The project: a marker at its need and a line to the unit it uses.
    expect(map.projects.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString']);
  });

  it('exports each list as CSV with a BOM, so Excel opens the Chinese text', async () => {
    fakeServer();
    const saved = captureDownloads();
    render(<SandanPanel />);
    await userEvent.click(await screen.findByRole('button', { name: '导出需求单 CSV' }));
    await userEvent.click(screen.getByRole('button', { name: '导出项目单 CSV' }));
    await waitFor(() => expect(saved.bytes).toHaveLength(2));
    expect(saved.names).toEqual(['三单制-需求单-2026-12-04.csv', '三单制-项目单-2026-12-04.csv']);
    for (const bytes of saved.bytes) expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const needs = new TextDecoder('utf-8', { ignoreBOM: true }).decode(saved.bytes[0]).slice(1).split('\r\n');
    expect(needs[0]).toBe('小区,需求,诉求数,微心愿数,合计,未匹配,最早日期,已等天数,项目数');
    expect(needs[1]).toBe('瑞城花园,跑腿代办,2,1,3,3,2026-11-20,14,0');
    const projects = new TextDecoder().decode(saved.bytes[1]).split('\r\n');
    expect(projects[1]).toBe('P-000001,楼道灯统一维修,耀隆宿舍,维修,新华社区礼堂,李社工,2026-12-01,进行中,是');
  });

  it('a burst of live events reads the lists twice at most, not once per event', async () => {
    const calls = fakeServer();
    await Promise.all(Array.from({ length: 20 }, () => useStore.getState().refreshSandan()));
    expect(calls.filter((c) => c.path === '/api/sandan').length).toBe(2);
    expect(useStore.getState().sandan?.needs).toHaveLength(2);
  });

  it('speaks English with ?lang=en and is not shown to a volunteer', async () => {
    fakeServer();
    useStore.setState({ lang: 'en' });
    const { unmount } = render(<SandanPanel />);
    expect(await screen.findByRole('heading', { name: 'Three lists (三单制)' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'needs list' })).toHaveTextContent('Ruicheng Garden · Errands');
    unmount();
    useStore.setState({
      staff: { user: { id: 5, username: 'v', displayName: null, role: 'volunteer', communityId: null, gridId: null, volunteerId: 'v-1' }, csrfToken: 'x' },
    });
    render(<SandanPanel />);
    expect(screen.queryByRole('heading', { name: 'Three lists (三单制)' })).toBeNull();
  });
});
