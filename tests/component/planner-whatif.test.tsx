import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlannerPanel } from '../../src/features/planner/PlannerPanel';
import { useStore } from '../../src/store';
import { PLANNER_ANSWER_MEASURE, SHOW_PROPOSAL_AFTER_MS } from '../../src/store/plannerSlice';
import { walkingSession } from '../../src/workers/sessionClient';
import { plannerDataset } from './planner-dataset';

const initial = useStore.getState();
beforeEach(() => useStore.setState({ ...initial, dataset: plannerDataset(), status: 'ready', mode: 'planner' }, true));
afterEach(() => vi.restoreAllMocks());

async function whatIfTab() {
  render(<PlannerPanel />);
  await screen.findByTestId('planner-summary');
  await userEvent.click(screen.getByRole('tab', { name: '模拟' }));
}

/** The what-if tab with the placing tool armed, and a session that never answers (its `ask`, recorded). */
async function placingUnanswered() {
  await whatIfTab();
  await userEvent.click(screen.getByRole('button', { name: '在地图上放置' }));
  return vi.spyOn(walkingSession(), 'ask').mockReturnValue(new Promise(() => {}));
}

describe('what-if', () => {
  it('a proposed clinic, placed on the map, says how many elders it newly covers; undo takes it back', async () => {
    await whatIfTab();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '新增设施类别' }), 'clinic');
    await userEvent.click(screen.getByRole('button', { name: '在地图上放置' }));
    expect(screen.getByRole('status')).toHaveTextContent('请在地图上点击要新增卫生服务站/诊所的位置。');
    // A click on the map next to 耀隆宿舍's gate (119.346).
    useStore.getState().plannerClick([119.3465, 26.09]);
    const changes = await screen.findByRole('list', { name: '方案中的调整' });
    expect(within(changes).getByText('新增卫生服务站/诊所')).toBeInTheDocument();
    const health = within(changes)
      .getByText(/社区卫生服务站/)
      .closest('li')!;
    expect(health).toHaveTextContent('新增达标 1 个小区，400 人（60 岁以上 150 人）');
    expect(screen.getByText('正在显示模拟方案，不是现状。')).toBeInTheDocument();
    // Each answer is measured for `npm run bench:planner`: asked to in the store, with its number of changes.
    const measured = performance
      .getEntriesByName(PLANNER_ANSWER_MEASURE, 'measure')
      .map((m) => (m as PerformanceMeasure).detail as { changes: number; sessionMs: number });
    expect(measured.some((d) => d.changes === 1 && d.sessionMs >= 0)).toBe(true);
    // Side by side with the baseline.
    const compare = screen.getByTestId('planner-compare');
    expect(within(compare).getByRole('columnheader', { name: '方案 1' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '撤销上一步' }));
    expect(screen.queryByRole('list', { name: '方案中的调整' })).toBeNull();
  });

  it('asks about a change placed on the map before showing it, and shows the change with its answer in one update', async () => {
    await whatIfTab();
    await userEvent.click(screen.getByRole('button', { name: '在地图上放置' }));
    const before = useStore.getState();
    const states: ReturnType<typeof useStore.getState>[] = [];
    const unsubscribe = useStore.subscribe((s) => states.push(s));
    useStore.getState().plannerClick([119.3465, 26.09]);
    // The click changes nothing on screen: the browser may then run the answer without waiting for a frame.
    expect(states).toEqual([]);
    // A second click while the first waits places nothing more.
    useStore.getState().plannerClick([119.35, 26.09]);
    await screen.findByRole('list', { name: '方案中的调整' });
    unsubscribe();
    const withChange = states.filter((s) => s.scenarios.some((x) => x.changes.length > 0));
    expect(withChange.length).toBeGreaterThan(0);
    for (const s of withChange) {
      const changes = s.scenarios.find((x) => x.id === s.activeScenarioId)!.changes;
      expect(changes).toHaveLength(1);
      // Every state that shows the change also shows its answer and its effects.
      expect(s.scenarioEffectsFor).toBe(changes);
      expect(s.plannerResult).not.toBe(s.baselineResult);
      expect(s.plannerTool).toBeNull();
    }
    expect(before.plannerTool).not.toBeNull();
  });

  it('shows a change placed on the map without its answer when the answer is slow, and undo waits for nothing', async () => {
    await placingUnanswered();
    useStore.getState().plannerClick([119.3465, 26.09]);
    expect(useStore.getState().scenarios).toEqual([]);
    await vi.waitFor(() => expect(useStore.getState().scenarios[0]?.changes).toHaveLength(1), { timeout: SHOW_PROPOSAL_AFTER_MS * 10 });
    expect(useStore.getState().plannerTool).toBeNull();
    // Placed, not yet answered: the list says its effects are still being computed.
    expect(useStore.getState().scenarioEffectsFor).not.toBe(useStore.getState().scenarios[0]!.changes);
    // Placed again and undone at once: the waiting change is shown first, then undone.
    useStore.getState().setPlannerTool({ kind: 'add-facility', category: 'clinic', capacity: null });
    useStore.getState().plannerClick([119.35, 26.09]);
    useStore.getState().undoChange();
    expect(useStore.getState().scenarios[0]!.changes).toHaveLength(1);
  });

  it('drops a change still waiting for its answer when another dataset opens', async () => {
    const ask = await placingUnanswered();
    useStore.getState().plannerClick([119.3465, 26.09]);
    useStore.setState({ dataset: plannerDataset() });
    useStore.getState().startPlanner();
    // The new dataset's first question carries no change of the old one, and none is shown.
    expect(ask.mock.calls.at(-1)![1]).toMatchObject({ changes: [] });
    await new Promise((resolve) => setTimeout(resolve, SHOW_PROPOSAL_AFTER_MS * 2));
    expect(useStore.getState().scenarios).toEqual([]);
  });

  it('closes a facility clicked on the map, and the closure shows as a loss', async () => {
    await whatIfTab();
    useStore.getState().pick({ kind: 'facility', id: 'f-5' });
    await userEvent.click(await screen.findByRole('button', { name: '关闭此设施（模拟）' }));
    const changes = await screen.findByRole('list', { name: '方案中的调整' });
    expect(within(changes).getByText('关闭 瑞城幼儿园')).toBeInTheDocument();
    expect(
      within(changes)
        .getByText(/幼儿园/, { selector: '.effect-rule' })
        .closest('li'),
    ).toHaveTextContent('不再达标 1 个小区，1,200 人（60 岁以上 300 人）');
    expect(screen.getByText('在当前方案中已关闭。')).toBeInTheDocument();
  });

  it('opens a new gate in a compound, put on its outline', async () => {
    render(<PlannerPanel />);
    await screen.findByTestId('planner-summary');
    useStore.getState().selectCompound('c-2');
    await userEvent.click(await screen.findByRole('button', { name: '为此小区新开出入口（模拟）' }));
    useStore.getState().plannerClick([119.3455, 26.0905]);
    // The outline's geometry loads on the first new gate.
    const change = await vi.waitFor(() => useStore.getState().scenarios[0]!.changes[0]!);
    expect(change).toMatchObject({ kind: 'add-gate', compoundId: 'c-2' });
    // Moved onto the south edge of the compound (latitude 26.0902).
    expect(change.kind === 'add-gate' && change.point[1]).toBeCloseTo(26.0902, 6);
  });

  it('labels the figures on screen with the standard they were checked against while another one is being answered', async () => {
    await whatIfTab();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '新增设施类别' }), 'clinic');
    await userEvent.click(screen.getByRole('button', { name: '在地图上放置' }));
    useStore.getState().plannerClick([119.3465, 26.09]);
    const changes = await screen.findByRole('list', { name: '方案中的调整' });
    const before = within(changes)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(before.join()).toMatch(/社区卫生服务站.*新增达标 1 个小区/);

    // Another standard (fewer rules): its answer has not come yet.
    const ask = vi.spyOn(walkingSession(), 'ask').mockReturnValue(new Promise(() => {}));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '对照标准' }), 'complete-community-2020');
    expect(ask).toHaveBeenCalled();
    expect(screen.getByRole('combobox', { name: '对照标准' })).toHaveValue('complete-community-2020');
    // The effects still on screen are the previous standard's, named by its rules.
    expect(
      within(screen.getByRole('list', { name: '方案中的调整' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(before);

    ask.mockRestore();
    useStore.getState().setRuleset('complete-community-2020');
    await vi.waitFor(() => expect(useStore.getState().plannerResult?.compliance.ruleset.id).toBe('complete-community-2020'));
    await vi.waitFor(() => expect(useStore.getState().scenarioEffectsFor).toBe(useStore.getState().scenarios[0]!.changes));
    expect(screen.getByRole('list', { name: '方案中的调整' })).toBeInTheDocument();
  });

  it('keeps named scenarios apart and switches back to the baseline', async () => {
    await whatIfTab();
    await userEvent.click(screen.getByRole('button', { name: '新方案' }));
    await userEvent.type(screen.getByRole('textbox', { name: '方案名称' }), '凤林加诊所');
    useStore.getState().addChange({ kind: 'add-facility', facility: { id: 'p-1', category: 'clinic', point: [119.3465, 26.09] } });
    const picker = screen.getByRole('combobox', { name: '方案' });
    expect(within(picker).getByRole('option', { name: '凤林加诊所' })).toBeInTheDocument();
    await userEvent.selectOptions(picker, '现状（基线）');
    expect(screen.queryByText('正在显示模拟方案，不是现状。')).toBeNull();
    expect(useStore.getState().plannerResult).toBe(useStore.getState().baselineResult);
  });
});

describe('answers arriving', () => {
  const tasks = async (n = 3) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };

  it('shows a baseline a task after it arrives; a what-if answered meanwhile is against it and stays', async () => {
    const session = walkingSession();
    const real = session.ask.bind(session);
    // Real answers first: the baseline, then a what-if against it.
    type Asked = Awaited<ReturnType<typeof real>>;
    const recorded: NonNullable<Asked>[] = [];
    const ask = vi.spyOn(session, 'ask').mockImplementation(async (kind, question) => {
      const answered = await real(kind, question);
      if (answered) recorded.push(answered);
      return answered;
    });
    useStore.getState().startPlanner();
    await vi.waitFor(() => expect(useStore.getState().plannerStatus).toBe('ready'));
    useStore.getState().addChange({ kind: 'add-facility', facility: { id: 'p-1', category: 'clinic', point: [119.3465, 26.09] } });
    await vi.waitFor(() => expect(useStore.getState().scenarioEffectsFor).toHaveLength(1));
    const baselineAnswer = recorded.find((r) => (r.answer as { baseline?: unknown }).baseline)!;
    const whatIfAnswer = recorded.at(-1)!;
    expect(baselineAnswer).toBeDefined();
    expect((whatIfAnswer.answer as { baseline?: unknown }).baseline).toBeFalsy();
    const shownBefore = JSON.stringify(useStore.getState().plannerResult!.compliance.compounds);

    // Again on the same data, the answers replayed in a race: the what-if comes while the
    // baseline waits for its task.
    let deliver!: (answered: Asked) => void;
    ask.mockReset();
    ask.mockImplementationOnce(() => new Promise((resolve) => (deliver = resolve as typeof deliver)));
    ask.mockImplementation(() => Promise.resolve(whatIfAnswer) as ReturnType<typeof real>);
    useStore.setState({ dataset: plannerDataset() });
    useStore.getState().startPlanner();
    deliver(baselineAnswer);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    // Arrived, not shown yet: it is shown in the next task.
    expect(useStore.getState().plannerResult).toBeNull();
    useStore.getState().addChange({ kind: 'add-facility', facility: { id: 'p-1', category: 'clinic', point: [119.3465, 26.09] } });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    const shown = useStore.getState().plannerResult;
    expect(shown).not.toBeNull();
    expect(JSON.stringify(shown!.compliance.compounds)).toBe(shownBefore);
    // The baseline's own turn comes later and does not put it back over the newer answer.
    await tasks();
    expect(useStore.getState().plannerResult).toBe(shown);
    expect(useStore.getState().baselineResult).not.toBeNull();
    expect(useStore.getState().baselineResult).not.toBe(shown);
    // The session's build, reported with the baseline only, is kept although that answer was dropped.
    const built = (baselineAnswer.answer as { buildMs: number }).buildMs;
    expect(built).toBeGreaterThan(0);
    expect(useStore.getState().plannerMs.build).toBe(built);
  });
});

describe('where to build', () => {
  it('suggests sites for a rule, each with how many more people it serves, and tries one', async () => {
    render(<PlannerPanel />);
    await screen.findByTestId('planner-summary');
    await userEvent.click(screen.getByRole('tab', { name: '选址' }));
    // The default is the clinic rule leaving the most elders out: the 5-minute health station.
    expect(screen.getByRole('combobox', { name: '针对规则' })).toHaveDisplayValue(/社区卫生服务站/);
    await userEvent.click(screen.getByRole('button', { name: '计算建议选址' }));
    const sites = await screen.findByRole('list', { name: '社区卫生服务站的建议选址' });
    const items = within(sites).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('新增覆盖 900 人（60 岁以上 250 人）新华新村');
    expect(items[1]).toHaveTextContent('新增覆盖 400 人（60 岁以上 150 人）耀隆宿舍');
    await userEvent.click(within(items[0]!).getByRole('button', { name: '按此模拟' }));
    expect(useStore.getState().scenarios[0]!.changes).toHaveLength(1);
  });
});
