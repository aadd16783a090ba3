import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicVote } from '../../src/features/report/api';
import { ReportApp, routeOf } from '../../src/features/report/ReportApp';
import { fakeIntakeApi, tracked } from './reportFakeApi';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const VOTE: PublicVote = {
  id: 'V-000001',
  request_id: 'YF-2026-0042',
  compound: { id: 'c-1', name: { zh: '耀隆宿舍', en: 'Yaolong Dormitory' } },
  question: '楼道堆物怎么处理？',
  options: ['统一清运', '各户自理'],
  deadline: '2026-12-05T10:00:00Z',
  state: 'open',
  closed_at: null,
  ballots: 4,
  result: null,
};

const openVote = (code: string | null = null, lang: 'zh' | 'en' = 'zh') =>
  render(<ReportApp route={{ page: 'vote', id: 'V-000001', code }} lang={lang} href="http://localhost/vote?id=V-000001" />);

/** A server that takes code GOOD2345 once; any other code is wrong. */
function ballotServer() {
  let used = false;
  let vote = VOTE;
  const calls = fakeIntakeApi((call) => {
    if (call.url === '/api/votes/V-000001') return { body: vote };
    if (call.url === '/api/votes/V-000001/ballots') {
      const { code } = call.body as { code: string; option: number };
      if (code.replace('-', '').toUpperCase() !== 'GOOD2345')
        return { status: 403, body: [{ code: 403, description: 'this code is not valid for this vote' }] };
      if (used) return { status: 409, body: [{ code: 409, description: 'this code has been used already' }] };
      used = true;
      vote = { ...vote, ballots: vote.ballots + 1 };
      return { status: 201, body: vote };
    }
    return undefined;
  });
  return calls;
}

describe('the ballot page', () => {
  it('reads the vote id from the address and the code from the fragment, never from the query', () => {
    expect(routeOf({ pathname: '/vote', search: '?id=V-000001', hash: '#code=GOOD2345' })).toEqual({ page: 'vote', id: 'V-000001', code: 'GOOD2345' });
    expect(routeOf({ pathname: '/vote', search: '?id=V-000001&code=GOOD2345' })).toEqual({ page: 'vote', id: 'V-000001', code: null });
  });

  it('a household votes once with its code; a second use and a wrong code get clear messages', async () => {
    const calls = ballotServer();
    const user = userEvent.setup();
    openVote('GOOD2345');
    expect(await screen.findByRole('heading', { name: '楼道堆物怎么处理？' })).toBeInTheDocument();
    expect(screen.getByText('耀隆宿舍的居民投票（民主协商议事）')).toBeInTheDocument();
    expect(screen.getByText(/已投 4 票/)).toBeInTheDocument();
    expect(screen.getByText('投票进行中：结果在截止后公布。')).toBeInTheDocument();
    // The slip's QR filled the code in.
    expect(screen.getByLabelText('投票码（见纸条，8 位）')).toHaveValue('GOOD2345');

    await user.click(screen.getByRole('button', { name: '投票' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请先选一个方案。');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.click(within(screen.getByRole('group', { name: '您选哪个方案？' })).getByRole('radio', { name: '各户自理' }));
    await user.click(screen.getByRole('button', { name: '投票' }));
    expect(await screen.findByText('投票成功，谢谢！结果在投票结束后公布。')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ code: 'GOOD2345', option: 1 }]);
    expect(screen.queryByRole('button', { name: '投票' })).toBeNull();
    expect(screen.getByText(/已投 5 票/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '查看这件事的办理进度' })).toHaveAttribute('href', '/track?id=YF-2026-0042');
  });

  it('the same code from another phone is refused as used; a mistyped one as wrong', async () => {
    ballotServer();
    const user = userEvent.setup();
    const first = openVote('GOOD2345');
    await user.click(await screen.findByRole('radio', { name: '统一清运' }));
    await user.click(screen.getByRole('button', { name: '投票' }));
    await screen.findByText(/投票成功/);
    first.unmount();

    openVote('good-2345');
    await user.click(await screen.findByRole('radio', { name: '各户自理' }));
    await user.click(screen.getByRole('button', { name: '投票' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('这个投票码已经用过了：每户只能投一次。');
    const input = screen.getByLabelText('投票码（见纸条，8 位）');
    await user.clear(input);
    await user.type(input, 'GOOD2346');
    await user.click(screen.getByRole('button', { name: '投票' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('投票码不对，请核对纸条上的 8 位字母和数字。');
  });

  it('a closed vote shows its result and no form, in English too', async () => {
    fakeIntakeApi((call) =>
      call.url === '/api/votes/V-000001'
        ? {
            body: {
              ...VOTE,
              state: 'closed',
              closed_at: '2026-12-05T10:00:00Z',
              ballots: 3,
              result: [
                { option: '统一清运', count: 2 },
                { option: '各户自理', count: 1 },
              ],
            },
          }
        : undefined,
    );
    openVote(null, 'en');
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(
      within(result)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['统一清运2 vote(s)', '各户自理1 vote(s)']);
    expect(screen.queryByRole('button', { name: 'Vote' })).toBeNull();
    expect(screen.queryByLabelText(/Voting code/)).toBeNull();
  });

  it('an unknown vote says so', async () => {
    fakeIntakeApi((call) => (call.url === '/api/votes/V-000001' ? { status: 404, body: [{ code: 404, description: 'no vote' }] } : undefined));
    openVote();
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到这个投票。请重新扫描纸条上的二维码。');
  });

  it("the tracking page shows the request's closed vote with its counts", async () => {
    fakeIntakeApi((call) =>
      call.url === '/api/track/request/YF-2026-0042'
        ? {
            body: {
              ...tracked(),
              votes: [
                {
                  ...VOTE,
                  state: 'closed',
                  closed_at: '2026-12-05T10:00:00Z',
                  ballots: 3,
                  result: [
                    { option: '统一清运', count: 2 },
                    { option: '各户自理', count: 1 },
                  ],
                },
              ],
            },
          }
        : undefined,
    );
    render(<ReportApp route={{ page: 'track', code: null, id: 'YF-2026-0042' }} lang="zh" href="http://localhost/track?id=YF-2026-0042" />);
    const votes = await screen.findByRole('region', { name: '居民投票' });
    expect(within(votes).getByRole('heading', { name: '楼道堆物怎么处理？' })).toBeInTheDocument();
    expect(
      within(votes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['统一清运2 票', '各户自理1 票']);
  });
});
