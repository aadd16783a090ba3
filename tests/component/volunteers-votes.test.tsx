import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffVote } from '../../src/features/volunteers/votes/voteApi';
import { VotePanel } from '../../src/features/volunteers/votes/VotePanel';
import type { LedgerRequest } from '../../src/server/store/types';
import { useStore } from '../../src/store';

const initial = useStore.getState();

const REQUEST: LedgerRequest = {
  id: 'SR-1',
  serviceCode: 'repair',
  description: '楼道灯坏了',
  status: 'open',
  stage: 'deliberate',
  lon: 119.33,
  lat: 26.09,
  address: null,
  compoundId: 'c-1',
  gridId: null,
  communityId: 'g-1',
  requestedAt: '2026-12-04T01:00:00.000Z',
  updatedAt: '2026-12-04T01:00:00.000Z',
  expectedAt: null,
  rating: null,
  mediaHash: null,
  mediaUrl: null,
  source: 'intake',
  trackingCode: null,
  reporter: {},
  assignedTo: null,
  escalation: null,
};

interface Call {
  method: string;
  path: string;
  csrf: string | undefined;
  body: unknown;
}

/** The vote routes as the server answers them (tests/server/votes.test.ts covers the real ones). */
function fakeVotes() {
  const calls: Call[] = [];
  const votes: StaffVote[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const headers = (init.headers as Record<string, string>) ?? {};
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : null;
    calls.push({ method, path: url.pathname, csrf: headers['X-CSRF-Token'], body });
    switch (`${method} ${url.pathname}`) {
      case 'GET /api/requests/SR-1/votes':
        return json({ votes });
      case 'POST /api/requests/SR-1/votes': {
        const { question, options, deadline, codes } = body as { question: string; options: string[]; deadline: string; codes: number };
        if (options.length < 2) return json([{ code: 400, description: `a vote has 2 to 6 options, not ${options.length}` }], 400);
        const vote: StaffVote = {
          id: 'V-000001',
          requestId: 'SR-1',
          compoundId: 'c-1',
          gridId: null,
          communityId: 'g-1',
          question,
          options,
          deadline,
          state: 'open',
          createdAt: '',
          createdBy: 'li',
          closedAt: null,
          ballots: 0,
          codesIssued: codes,
          codesUsed: 0,
          result: null,
        };
        votes.push(vote);
        return json({ vote, codes: ['ABCD2345', 'EFGH6789', 'JKMN2345'].slice(0, codes) }, 201);
      }
      case 'POST /api/votes/V-000001/close': {
        Object.assign(votes[0]!, {
          state: 'closed',
          closedAt: '2026-12-05T10:00:00.000Z',
          ballots: 2,
          codesUsed: 2,
          result: [
            { option: votes[0]!.options[0], count: 2 },
            { option: votes[0]!.options[1], count: 0 },
          ],
        });
        return json(votes[0]);
      }
      default:
        return json([{ code: 404, description: 'no route' }], 404);
    }
  });
  return calls;
}

beforeEach(() => {
  useStore.setState({
    lang: 'zh',
    staff: {
      user: { id: 2, username: 'li', displayName: '李社工', role: 'community_worker', communityId: 'g-1', gridId: null, volunteerId: null },
      csrfToken: 'csrf-1',
    },
  });
});
afterEach(() => {
  useStore.setState(initial, true);
  vi.unstubAllGlobals();
});

describe('votes in the request detail', () => {
  it('a worker opens a vote (deadline tomorrow 18:00 by default) and gets one slip per code, then closes it and sees the result', async () => {
    const calls = fakeVotes();
    const user = userEvent.setup();
    render(<VotePanel request={REQUEST} />);
    await screen.findByText('这件事还没有发起过投票。');
    await user.click(screen.getByRole('button', { name: '发起投票' }));
    expect(screen.getByLabelText('投票问题')).toHaveValue('关于“维修”这件事，大家选哪个办法？');
    const deadline = new Date((screen.getByLabelText('截止时间') as HTMLInputElement).value);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect([deadline.getDate(), deadline.getHours(), deadline.getMinutes()]).toEqual([tomorrow.getDate(), 18, 0]);

    // One option is not a vote: the server's message is shown.
    await user.type(screen.getByLabelText('方案（每行一个，2–6 个）'), '换声控灯');
    await user.click(screen.getByRole('button', { name: '发起投票并生成投票码' }));
    expect(await screen.findByText('没有成功：a vote has 2 to 6 options, not 1')).toBeInTheDocument();

    await user.type(screen.getByLabelText('方案（每行一个，2–6 个）'), '\n\n  换常亮灯  ');
    const count = screen.getByLabelText('投票码数量（每户一个）');
    await user.clear(count);
    await user.type(count, '3');
    await user.click(screen.getByRole('button', { name: '发起投票并生成投票码' }));
    const sheet = await screen.findByRole('dialog', { name: '投票码纸条：关于“维修”这件事，大家选哪个办法？' });
    const opened = calls.find((c) => c.method === 'POST' && c.path === '/api/requests/SR-1/votes' && (c.body as { options: string[] }).options.length === 2)!;
    expect(opened.csrf).toBe('csrf-1');
    expect(opened.body).toEqual({
      question: '关于“维修”这件事，大家选哪个办法？',
      options: ['换声控灯', '换常亮灯'],
      deadline: deadline.toISOString(),
      codes: 3,
    });
    const slips = within(sheet).getAllByRole('article');
    expect(slips.map((s) => s.querySelector('.vote-slip-code strong')!.textContent)).toEqual(['ABCD-2345', 'EFGH-6789', 'JKMN-2345']);
    expect(slips[0]).toHaveTextContent(`扫码投票，或打开 ${window.location.origin}/vote?id=V-000001 输入投票码`);
    // The QR carries the code in the fragment only.
    expect(await within(slips[0]!).findByRole('img', { name: '投票二维码' })).toHaveAttribute(
      'data-url',
      `${window.location.origin}/vote?id=V-000001#code=ABCD2345`,
    );
    expect(document.body).toHaveClass('printing-vote-slips');
    await user.click(within(sheet).getByRole('button', { name: '关闭' }));
    expect(document.body).not.toHaveClass('printing-vote-slips');

    await screen.findByText(/已投 0 票 · 投票码 0\/3 已用/);
    expect(screen.queryByRole('button', { name: '发起投票' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '提前结束投票' }));
    expect(await screen.findByText('投票已结束，结果已记入台账。')).toBeInTheDocument();
    expect(await screen.findByText('换声控灯：2 票')).toBeInTheDocument();
    expect(screen.getByText('换常亮灯：0 票')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提前结束投票' })).toBeNull();
  });
});
