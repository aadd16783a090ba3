import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VolunteersPanel } from '../../src/features/volunteers/VolunteersPanel';
import { useStore } from '../../src/store';
import { MONDAY_EVENING, volunteersDataset } from './volunteersDataset';

const initial = useStore.getState();
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(MONDAY_EVENING);
  useStore.setState({ ...initial, dataset: volunteersDataset(), status: 'ready', mode: 'volunteers' }, true);
});
afterEach(() => vi.useRealTimers());

describe('volunteer coverage by skill and hour', () => {
  it('shows who is on duty at Monday 20:00 and the compound no medical volunteer reaches', async () => {
    render(<VolunteersPanel />);
    await userEvent.selectOptions(screen.getByLabelText('技能'), 'medical');
    await userEvent.click(screen.getByRole('radio', { name: '指定时间' }));
    await userEvent.selectOptions(screen.getByLabelText('星期'), '周一');
    fireEvent.change(screen.getByLabelText('时刻'), { target: { value: String(20 * 60) } });
    expect(screen.getByText('20:00')).toBeInTheDocument();
    expect(screen.getByTestId('coverage-available')).toHaveTextContent('可服务志愿者 1 名（具备该技能 2 名）');
    expect(await screen.findByText('1 / 2 个')).toBeInTheDocument();
    expect(screen.getByText('无路网数据：按服务半径直线距离计算')).toBeInTheDocument();
    const uncovered = screen.getByRole('list', { name: '未覆盖的小区' });
    expect(within(uncovered).getByRole('button', { name: '耀隆宿舍' })).toBeInTheDocument();
    expect(screen.getByText('1,200 / 1,600 人（75%）')).toBeInTheDocument();
  });

  it("takes the clock's time onto the hour slider's half-hour step when a time is to be chosen", async () => {
    vi.setSystemTime(new Date(MONDAY_EVENING.getTime() + 25 * 60_000));
    useStore.setState({ volNow: Date.now() });
    render(<VolunteersPanel />);
    expect(screen.getByText('20:25')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: '指定时间' }));
    // The slider and the time asked agree: 20:00, not a slider on 20:00 asking 20:25.
    expect(screen.getByLabelText('时刻')).toHaveValue(String(20 * 60));
    expect(screen.getByText('20:00')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('时刻'), { target: { value: String(21 * 60) } });
    expect(screen.getByText('21:00')).toBeInTheDocument();
  });

  it('on Sunday morning the wide-ranging volunteer reaches both compounds', async () => {
    render(<VolunteersPanel />);
    await userEvent.selectOptions(screen.getByLabelText('技能'), 'medical');
    await userEvent.click(screen.getByRole('radio', { name: '指定时间' }));
    await userEvent.selectOptions(screen.getByLabelText('星期'), '周日');
    fireEvent.change(screen.getByLabelText('时刻'), { target: { value: String(10 * 60) } });
    expect(await screen.findByText('2 / 2 个')).toBeInTheDocument();
    expect(screen.getByText('所有小区都在覆盖范围内。')).toBeInTheDocument();
  });
});

describe('requests: escalation, detail and matching', () => {
  it('lists the overdue requests, longest wait first, at the data date', () => {
    render(<VolunteersPanel />);
    expect(screen.getByText('期限按数据日期 2026年11月1日 计算。')).toBeInTheDocument();
    const list = screen.getByTestId('escalation-list');
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent?.slice(0, 4)),
    ).toEqual(['YF-1', 'YF-3']);
    expect(screen.getByRole('heading', { name: '超期督办（吹哨）2 件' })).toBeInTheDocument();
    expect(screen.getByTestId('overdue-count')).toHaveTextContent('超期 2 件（办理中 3 件）');
  });

  it('judges deadlines now when asked', async () => {
    render(<VolunteersPanel />);
    await userEvent.click(screen.getByRole('button', { name: '改按现在计算' }));
    expect(screen.getByText('期限按现在的时间计算。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '超期督办（吹哨）2 件' })).toBeInTheDocument();
  });

  it('opens a request: its text, its service gap, and the volunteer who can fetch the medicine now', async () => {
    render(<VolunteersPanel />);
    await userEvent.click(within(screen.getByTestId('escalation-list')).getByRole('button', { name: /YF-3/ }));
    expect(screen.getByRole('heading', { name: 'YF-3' })).toBeInTheDocument();
    expect(screen.getByText('想在附近买到常用药')).toBeInTheDocument();
    expect(await screen.findByText('服务缺口：15分钟步行内没有药店')).toBeInTheDocument();
    const matches = await screen.findByRole('list', { name: '现在可派的跑腿代办志愿者' });
    expect(within(matches).getByText('赵敏')).toBeInTheDocument();
    expect(within(matches).getByRole('link', { name: '13700000003' })).toHaveAttribute('href', 'tel:13700000003');
  });

  it('ranks the medical volunteers on duty by walking distance', async () => {
    useStore.getState().selectRequest('yf-2');
    render(<VolunteersPanel />);
    const matches = await screen.findByRole('list', { name: '现在可派的医疗护理志愿者' });
    // Only 陈静 is on duty on Monday evening; 李建国 serves at weekends.
    expect(
      within(matches)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.match-name')?.textContent),
    ).toEqual(['陈静']);
    expect(within(matches).getByText(/步行 0\.\d 分钟/)).toBeInTheDocument();
  });

  it('sums up satisfaction from the ratings', () => {
    render(<VolunteersPanel />);
    expect(screen.getByText('已评价 2 件（已办结 2 件），平均 4 分，满意（4–5 分）50%')).toBeInTheDocument();
  });

  it('shows open requests per compound below five as "<5"', async () => {
    render(<VolunteersPanel />);
    await userEvent.click(screen.getByText('各小区办理中的诉求'));
    const counts = [...screen.getByTestId('by-compound').querySelectorAll('.count')].map((el) => el.textContent);
    expect(counts).toEqual(['<5', '<5']);
  });
});

describe('personal data', () => {
  it('warns "contains personal data" when names, phones or texts can be shown', () => {
    render(<VolunteersPanel />);
    expect(screen.getByRole('note', { name: '含个人信息' })).toBeInTheDocument();
  });

  it('shows no banner for a sanitised dataset, and ids instead of names', async () => {
    const d = volunteersDataset();
    for (const v of d.volunteers.features) {
      delete v.properties.name;
      delete v.properties.phone;
    }
    for (const r of d.requests.features) delete r.properties.description;
    for (const g of d.grids.features) g.properties.staff = g.properties.staff?.map((s) => ({ role: s.role }));
    useStore.setState({ dataset: d });
    useStore.getState().selectRequest('yf-2');
    render(<VolunteersPanel />);
    expect(screen.queryByRole('note', { name: '含个人信息' })).not.toBeInTheDocument();
    const matches = await screen.findByRole('list', { name: '现在可派的医疗护理志愿者' });
    expect(within(matches).getByText('v-1')).toBeInTheDocument();
  });
});
