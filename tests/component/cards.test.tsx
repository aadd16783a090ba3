import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { InfoCard } from '../../src/components/InfoCard';
import { CirclesPanel } from '../../src/features/resident/CirclesPanel';
import { useStore } from '../../src/store';
import { tinyDataset } from './tinyDataset';

const initial = useStore.getState();
beforeEach(() => useStore.setState({ ...initial, dataset: tinyDataset(), status: 'ready' }, true));

describe('info card', () => {
  it('describes a clicked compound and offers its circles', async () => {
    useStore.getState().pick({ kind: 'compound', id: 'c-2' });
    render(<InfoCard />);
    expect(screen.getByRole('heading', { name: '耀隆宿舍' })).toBeInTheDocument();
    expect(screen.getByText('400')).toBeInTheDocument();
    expect(screen.getByText('物业管理').nextSibling).toHaveTextContent('无');
    await userEvent.click(screen.getByRole('button', { name: '查看服务圈' }));
    expect(useStore.getState().compoundId).toBe('c-2');
  });

  it('never shows the personal data of grid staff', () => {
    useStore.getState().pick({ kind: 'grid', id: 'g-1' });
    const { container } = render(<InfoCard />);
    expect(screen.getByRole('heading', { name: '新华社区' })).toBeInTheDocument();
    expect(container.textContent).not.toContain('王小明');
    expect(container.textContent).not.toContain('13900000000');
  });

  it('shows a facility with its category label and seats', () => {
    useStore.getState().pick({ kind: 'facility', id: 'f-3' });
    render(<InfoCard />);
    expect(screen.getByText('长者食堂/社区食堂')).toBeInTheDocument();
    expect(screen.getByText('60 座')).toBeInTheDocument();
  });
});

describe('circles panel', () => {
  it('says the circles are straight-line and lists 5/10/15 minutes at 60 m/min', () => {
    useStore.getState().selectCompound('c-1');
    render(<CirclesPanel />);
    expect(screen.getByRole('heading', { name: '瑞城花园 的服务圈' })).toBeInTheDocument();
    expect(screen.getByText('直线距离圈')).toBeInTheDocument();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['5 分钟 · 300 米', '10 分钟 · 600 米', '15 分钟 · 900 米']);
    expect(screen.getByText('起点：1 个出入口')).toBeInTheDocument();
  });

  it('uses a point inside a compound without gates', () => {
    useStore.getState().selectCompound('c-2');
    render(<CirclesPanel />);
    expect(screen.getByText('起点：小区内部中心点（无出入口数据）')).toBeInTheDocument();
  });
});
