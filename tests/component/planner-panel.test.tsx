import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { PlannerPanel } from '../../src/features/planner/PlannerPanel';
import { useStore } from '../../src/store';
import { plannerDataset } from './planner-dataset';

const initial = useStore.getState();
beforeEach(() => useStore.setState({ ...initial, dataset: plannerDataset(), status: 'ready', mode: 'planner' }, true));

async function openPanel() {
  const view = render(<PlannerPanel />);
  await screen.findByTestId('planner-summary');
  return view;
}

describe('planner panel', () => {
  it('checks every compound against GB 50180-2018 by default, with its source and the unverified rules counted', async () => {
    await openPanel();
    expect(screen.getByRole('combobox', { name: '对照标准' })).toHaveDisplayValue('GB 50180-2018 居住区标准');
    expect(screen.getByText(/50 条规则中有 46 条标“未核实”/)).toBeInTheDocument();
    const summary = screen.getByTestId('planner-summary');
    expect(within(summary).getByText('小区', { selector: 'dt' }).nextSibling).toHaveTextContent('3');
    expect(within(summary).getByText('2,500 人，其中 60 岁以上 700 人、80 岁以上 150 人')).toBeInTheDocument();
  });

  it('shows the gaps of 耀隆宿舍 with their clauses, walking metres and "unverified" marks', async () => {
    await openPanel();
    useStore.getState().selectCompound('c-2');
    const gaps = await screen.findByRole('list', { name: '该小区的缺口' });
    const clinic = within(gaps).getByText('社区卫生服务站').closest('li')!;
    // 1,350 m from the gate at 119.346 to the clinic at 119.3325, along the street.
    expect(clinic).toHaveTextContent(/五分钟生活圈居住区：步行 300 米内 · 实际步行 1,34\d 米（新华卫生服务站）/);
    expect(clinic).toHaveTextContent('出处：GB 50180-2018 附录 B；附录 C 表 C.0.2');
    expect(within(clinic).getByText('未核实')).toBeInTheDocument();
    expect(within(gaps).getByText('物业管理与服务').closest('li')).toHaveTextContent('缺口');
    expect(screen.getByRole('tab', { name: '小区', selected: true })).toBeInTheDocument();
  });

  it('says "no data" for a rule the dataset has no facility for, never a gap', async () => {
    await openPanel();
    useStore.getState().selectCompound('c-1');
    await userEvent.click(await screen.findByText(/其余规则/));
    const school = screen.getAllByText('初中')[0]!.closest('li')!;
    expect(within(school).getByText('无数据')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '该小区的缺口' })).queryByText('初中')).toBeNull();
  });

  it('draws the coverage chart and shows the numbers behind it one click away', async () => {
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: '五分钟生活圈居住区' }));
    expect(screen.getByRole('img', { name: '五分钟生活圈居住区：各项设施覆盖的居民比例' })).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: '查看数据表' })[0]!);
    const table = screen.getByRole('table', { name: '五分钟生活圈居住区：各项设施覆盖的居民比例' });
    // The kindergarten at 119.333 is within 300 m of 瑞城花园 only: 1,200 of 2,500 residents.
    expect(within(table).getByRole('row', { name: /幼儿园/ })).toHaveTextContent('▲ 幼儿园48%43%');
  });

  it('switches the standard and re-evaluates', async () => {
    await openPanel();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '对照标准' }), 'complete-community-2020');
    await waitFor(() => expect(useStore.getState().plannerResult?.compliance.ruleset.id).toBe('complete-community-2020'));
    expect(screen.getByText(/完整居住社区建设标准（试行）/)).toBeInTheDocument();
  });

  it('without a network, checks by straight-line distance and says so', async () => {
    useStore.setState({ dataset: { ...plannerDataset(), network: null } });
    await openPanel();
    expect(screen.getByText('此数据没有路网：以下均为直线距离，实际步行会更远。')).toBeInTheDocument();
    useStore.getState().selectCompound('c-2');
    const clinic = within(await screen.findByRole('list', { name: '该小区的缺口' }))
      .getByText('社区卫生服务站')
      .closest('li')!;
    expect(clinic).toHaveTextContent(/直线距离 1,34\d 米（新华卫生服务站）/);
  });

  it('never shows the names or phones of community and grid staff', async () => {
    const { container } = await openPanel();
    useStore.getState().selectCompound('c-1');
    await screen.findByRole('list', { name: '该小区的缺口' });
    await userEvent.click(screen.getByRole('button', { name: '小区达标表' }));
    await userEvent.click(screen.getByRole('tab', { name: '社区与网格' }));
    for (const personal of ['林建华', '13900033620', '王小明', '13900000000']) expect(container.textContent).not.toContain(personal);
  });
});
