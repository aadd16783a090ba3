import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportApp, routeOf } from '../../src/features/report/ReportApp';
import { TRACK_POLL_MS } from '../../src/features/report/TrackPage';
import { fakeIntakeApi, tracked } from './reportFakeApi';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const openTrack = (query: { code?: string; id?: string }, lang: 'zh' | 'en' = 'zh') =>
  render(<ReportApp route={{ page: 'track', code: query.code ?? null, id: query.id ?? null }} lang={lang} href="http://localhost/track" />);

describe('the tracking page', () => {
  it('reads its page from the address', () => {
    expect(routeOf({ pathname: '/track', search: '?code=K7Q4M9XP2R' })).toEqual({ page: 'track', code: 'K7Q4M9XP2R', id: null });
    expect(routeOf({ pathname: '/track/', search: '?id=YF-1' })).toEqual({ page: 'track', code: null, id: 'YF-1' });
    expect(routeOf({ pathname: '/report', search: '?compound=c-1' })).toEqual({ page: 'report', compound: 'c-1', building: null });
    expect(routeOf({ pathname: '/report.html', search: '' })).toEqual({ page: 'report', compound: null, building: null });
    expect(routeOf({ pathname: '/posters', search: '' })).toEqual({ page: 'posters' });
  });

  it('shows the six steps with the current one marked and dated, and follows the next stage at its poll', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let stage = tracked();
    const calls = fakeIntakeApi((call) => (call.url === '/api/track/K7Q4M9XP2R' ? { body: stage } : undefined));
    openTrack({ code: 'K7Q4M9XP2R' });
    const steps = await screen.findByRole('list', { name: '办理步骤' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.track-step-name')!.textContent),
    ).toEqual(['收集', '商议', '协调', '执行', '公示', '评价']);
    const current = steps.querySelector('[aria-current="step"]')!;
    expect(current).toHaveTextContent('收集');
    expect(current).toHaveTextContent('已收到，正在了解情况');
    expect(current).toHaveTextContent(/12月1日/);
    expect(screen.getByText('K7Q4M 9XP2R')).toBeInTheDocument();
    expect(screen.getByText('类别：维修')).toBeInTheDocument();
    expect(screen.getByText('预计 12月8日 前办结')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '对办理结果满意吗？' })).toBeNull();

    stage = tracked({ stage: 'deliberate', steps: [...stage.steps, { stage: 'deliberate', at: '2026-12-02T03:00:00Z', by: 'community' }] });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TRACK_POLL_MS);
    });
    expect(steps.querySelector('[aria-current="step"]')).toHaveTextContent('商议');
    expect(within(steps).getAllByRole('listitem')[0]).toHaveTextContent('已完成');
    expect(calls.filter((c) => c.url === '/api/track/K7Q4M9XP2R').length).toBeGreaterThanOrEqual(2);
  });

  it('offers the rating at 公示 to the code holder and shows it once sent', async () => {
    const calls = fakeIntakeApi((call) => {
      if (call.url === '/api/track/K7Q4M9XP2R') return { body: tracked({ stage: 'publish', can_rate: true }) };
      if (call.url === '/api/track/K7Q4M9XP2R/rate') return { body: tracked({ stage: 'rate', status: 'closed', rating: 5, can_rate: false }) };
      return undefined;
    });
    const user = userEvent.setup();
    openTrack({ code: 'K7Q4M9XP2R' });
    await screen.findByRole('heading', { name: '对办理结果满意吗？' });
    const send = screen.getByRole('button', { name: '提交评价' });
    expect(send).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: '5 星' }));
    await user.type(screen.getByLabelText('意见（可不填）'), '很满意');
    await user.click(send);
    expect(await screen.findByText('你的评价：5 星。谢谢！')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/track/K7Q4M9XP2R/rate', body: { rating: 5, comment: '很满意' } });
    expect(screen.queryByRole('heading', { name: '对办理结果满意吗？' })).toBeNull();
  });

  it('never offers the rating to a follower by request id', async () => {
    fakeIntakeApi((call) =>
      call.url === '/api/track/request/YF-2026-0042' ? { body: tracked({ service_request_id: 'YF-2026-0042', stage: 'publish', can_rate: false }) } : undefined,
    );
    openTrack({ id: 'YF-2026-0042' });
    expect(await screen.findByText('事项编号 YF-2026-0042')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '对办理结果满意吗？' })).toBeNull();
  });

  it('says when a code is unknown and offers to type it again', async () => {
    fakeIntakeApi();
    openTrack({ code: 'WRONGCODE2' });
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到这个查询码对应的事项');
    expect(screen.getByLabelText('输入查询码')).toBeInTheDocument();
  });
});

describe('the QR posters', () => {
  it('makes one poster per compound with its name, community and a QR code of its report page', async () => {
    fakeIntakeApi((call) =>
      call.url === '/api/intake/compounds'
        ? {
            body: {
              cycle_days: 7,
              compounds: [
                { id: 'c-1', name: { zh: '耀隆宿舍', en: 'Yaolong Dormitory' }, community: { id: 'cm-1', name: { zh: '新华社区', en: 'Xinhua' } } },
                { id: 'c-2', name: { zh: '瑞城花园', en: 'Ruicheng Garden' }, community: null },
              ],
            },
          }
        : undefined,
    );
    render(<ReportApp route={{ page: 'posters' }} lang="zh" href="https://yuefeng.example/posters" />);
    const posters = await screen.findAllByRole('article');
    expect(posters).toHaveLength(2);
    expect(within(posters[0]!).getByRole('heading', { name: '耀隆宿舍' })).toBeInTheDocument();
    expect(within(posters[0]!).getByText('新华社区')).toBeInTheDocument();
    expect(within(posters[0]!).getByText('社区会在 7 天内办理')).toBeInTheDocument();
    const qr = await within(posters[1]!).findByRole('img', { name: '瑞城花园反映问题二维码' });
    expect(qr).toHaveAttribute('data-url', 'https://yuefeng.example/report?compound=c-2');
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(screen.getByText('每个小区一张 A4 海报，共 2 张。用浏览器打印（A4，纵向）即可。')).toBeInTheDocument();
  });
});
