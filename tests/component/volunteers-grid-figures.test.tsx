import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GridFiguresPanel, type GridRow } from '../../src/features/volunteers/buildings/GridFiguresPanel';
import { useStore } from '../../src/store';
import { volunteersDataset } from './volunteersDataset';

const initial = useStore.getState();

const zero = { openRequests: 0, overdue: 0, openWishes: 0 };
function grids(openAtB1: number): GridRow[] {
  return [
    {
      id: 'gr-1',
      name: '新华社区第一网格',
      elderly60: 310,
      openRequests: openAtB1 + 1,
      overdue: 1,
      openWishes: 2,
      withoutBuilding: { openRequests: 1, overdue: 0, openWishes: 0 },
      buildings: [
        {
          id: 'c-1-b1',
          name: '耀隆宿舍1号楼',
          compoundId: 'c-1',
          compoundName: '耀隆宿舍',
          gridId: 'gr-1',
          households: 48,
          residents: 130,
          elderly60: 41,
          openRequests: openAtB1,
          overdue: 1,
          openWishes: 2,
          contacts: {
            building_id: 'c-1-b1',
            leader: { role: '楼栋党小组组长', name: '林美玲', phone: '13600001234' },
            centre_households: [{ role: '党员中心户', name: '陈国平' }],
          },
        },
        {
          id: 'c-1-b2',
          name: '耀隆宿舍2号楼',
          compoundId: 'c-1',
          compoundName: '耀隆宿舍',
          gridId: 'gr-1',
          households: 30,
          residents: 80,
          elderly60: 22,
          ...zero,
          contacts: null,
        },
      ],
    },
  ];
}

let openAtB1 = 2;
let asked = 0;

beforeEach(() => {
  openAtB1 = 2;
  asked = 0;
  vi.stubGlobal('fetch', async (input: string) => {
    const url = new URL(input);
    asked++;
    const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/api/staff/grid-figures') return json({ grids: grids(openAtB1), asOf: '2026-12-04T02:00:00.000Z' });
    return json([{ code: 404, description: 'not found' }], 404);
  });
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
  });
});
afterEach(() => {
  useStore.setState(initial, true);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('grid and building figures for workers', () => {
  it('shows each grid and, opened, each building with its figures and contacts', async () => {
    const user = userEvent.setup();
    render(<GridFiguresPanel />);
    const section = await screen.findByRole('region', { name: '网格与楼栋' });
    const gridRow = await within(section).findByRole('row', { name: /新华社区第一网格/ });
    expect(
      within(gridRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '1', '2', '310']);
    await user.click(within(section).getByText('新华社区第一网格 · 2 栋楼'));
    const buildings = within(section).getByRole('table', { name: '新华社区第一网格 楼栋' });
    const b1 = within(buildings).getByRole('row', { name: /耀隆宿舍1号楼/ });
    expect(
      within(b1)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 5),
    ).toEqual(['2', '1', '2', '41', '48']);
    expect(b1).toHaveTextContent('党小组组长：林美玲 13600001234');
    expect(within(b1).getByRole('link', { name: '13600001234' })).toHaveAttribute('href', 'tel:13600001234');
    expect(b1).toHaveTextContent('党员中心户：陈国平');
    expect(within(buildings).getByRole('row', { name: /耀隆宿舍2号楼/ })).toHaveTextContent('未登记');
    expect(section).toHaveTextContent('未注明楼栋：诉求 1 件，微心愿 0 个');
  });

  it('reads the figures again when the ledger changes', async () => {
    render(<GridFiguresPanel />);
    const gridRow = await screen.findByRole('row', { name: /新华社区第一网格/ });
    expect(within(gridRow).getAllByRole('cell')[0]).toHaveTextContent('3');
    openAtB1 = 5;
    useStore.setState({ serverLedger: { ...useStore.getState().serverLedger } });
    await waitFor(() => expect(within(screen.getByRole('row', { name: /新华社区第一网格/ })).getAllByRole('cell')[0]).toHaveTextContent('6'));
  });

  it('is not shown to a volunteer, nor to anyone logged out, and asks the server nothing then', () => {
    useStore.setState({
      staff: { user: { id: 9, username: 'v1', displayName: '志愿者', role: 'volunteer', communityId: null, gridId: null, volunteerId: 'v-1' }, csrfToken: 'c' },
    });
    const { unmount } = render(<GridFiguresPanel />);
    expect(screen.queryByRole('region', { name: '网格与楼栋' })).toBeNull();
    unmount();
    useStore.setState({ staff: null });
    render(<GridFiguresPanel />);
    expect(screen.queryByRole('region', { name: '网格与楼栋' })).toBeNull();
    expect(asked).toBe(0);
  });
});
