import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestDetail } from '../../src/features/volunteers/RequestDetail';
import { StaffBar } from '../../src/features/volunteers/StaffBar';
import type { HistoryEntry, LedgerRequest } from '../../src/server/store/types';
import { useStore } from '../../src/store';
import { requestsOf } from '../../src/store/volunteersSlice';
import { MONDAY_EVENING, volunteersDataset } from './volunteersDataset';

const initial = useStore.getState();

const row = (id: string, patch: Partial<LedgerRequest> = {}): LedgerRequest => ({
  id,
  serviceCode: 'repair',
  description: '楼道灯坏了',
  status: 'open',
  stage: 'collect',
  lon: 119.3312,
  lat: 26.0905,
  address: null,
  compoundId: 'c-1',
  gridId: null,
  communityId: 'g-1',
  requestedAt: '2026-10-31T01:00:00.000Z',
  updatedAt: '2026-10-31T01:00:00.000Z',
  expectedAt: null,
  rating: null,
  mediaHash: null,
  mediaUrl: null,
  source: 'intake',
  trackingCode: null,
  reporter: { phone: '13800000009' },
  assignedTo: null,
  escalation: null,
  ...patch,
});

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A small stand-in for the requests service: the routes the view calls, with the answers
 * the real one gives (tests/server covers the real one).
 */
function fakeServer(options: { server?: boolean } = {}) {
  const calls: Call[] = [];
  const ledger = new Map([['SR-1', row('SR-1')]]);
  const history: HistoryEntry[] = [
    {
      seq: 1,
      requestId: 'SR-1',
      at: '2026-10-31T01:00:00.000Z',
      actor: 'resident',
      fromStage: null,
      toStage: 'collect',
      fromStatus: null,
      toStatus: 'open',
      note: 'filed',
    },
  ];
  let loggedIn = false;
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries((init.headers as Record<string, string>) ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : null;
    calls.push({ method, path: url.pathname, headers, body });
    // A static build answers api/info from its own file.
    if (!options.server) return url.pathname === '/api/info' ? json({ server: false }) : new Response('not found', { status: 404 });
    const user = { id: 2, username: 'li', displayName: '李社工', role: 'community_worker', communityId: 'g-1', gridId: null, volunteerId: null };
    switch (`${method} ${url.pathname}`) {
      case 'GET /api/info':
        return json({ server: true, dataset: 'tiny', dataPath: 'data/tiny' });
      case 'GET /api/session':
        return json(loggedIn ? { user, csrfToken: 'csrf-1' } : { user: null, csrfToken: null });
      case 'POST /api/login': {
        const { username, password } = body as { username: string; password: string };
        if (username === 'locked') return json([{ code: 429, description: 'locked', lockedUntil: '2026-11-02T12:15:00.000Z' }], 429);
        if (username !== 'li' || password !== 'secret-pw') return json([{ code: 401, description: 'wrong user name or password' }], 401);
        loggedIn = true;
        return json({ user, csrfToken: 'csrf-1' });
      }
      case 'GET /api/requests':
        return loggedIn ? json([...ledger.values()]) : json([{ code: 401, description: 'log in first' }], 401);
      case 'GET /api/requests/SR-1':
        return json({
          request: ledger.get('SR-1'),
          history,
          escalations: [
            {
              id: 1,
              requestId: 'SR-1',
              level: 'grid',
              at: '2026-11-08T00:00:00.000Z',
              webhookState: 'sent',
              attempts: 1,
              nextAttemptAt: null,
              lastError: null,
            },
          ],
          assignee: null,
        });
      case 'POST /api/requests/SR-1/move': {
        if (headers['x-csrf-token'] !== 'csrf-1') return json([{ code: 403, description: 'missing or wrong CSRF token' }], 403);
        const { stage, note } = body as { stage: LedgerRequest['stage']; note: string | null };
        const current = ledger.get('SR-1')!;
        const moved = { ...current, stage, updatedAt: '2026-11-02T12:00:00.000Z' };
        history.push({
          seq: history.length + 1,
          requestId: 'SR-1',
          at: moved.updatedAt,
          actor: 'li',
          fromStage: current.stage,
          toStage: stage,
          fromStatus: 'open',
          toStatus: 'open',
          note,
        });
        ledger.set('SR-1', moved);
        return json(moved);
      }
      default:
        return json([{ code: 404, description: 'nothing here' }], 404);
    }
  });
  return { calls };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(MONDAY_EVENING);
  useStore.setState({ ...initial, dataset: volunteersDataset(), status: 'ready', mode: 'volunteers', volNow: MONDAY_EVENING.getTime() }, true);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('where the requests come from', () => {
  it('says a static build is read-only from requests.geojson and keeps the file’s requests', async () => {
    fakeServer({ server: false });
    render(<StaffBar />);
    await useStore.getState().detectServer();
    expect(await screen.findByRole('note', { name: '只读：来自 requests.geojson' })).toBeInTheDocument();
    expect(screen.queryByRole('form')).toBeNull();
    expect(requestsOf(useStore.getState())).toHaveLength(5);
  });

  it('on the server, shows no request before login', async () => {
    fakeServer({ server: true });
    render(<StaffBar />);
    await useStore.getState().detectServer();
    expect(await screen.findByRole('heading', { name: '工作人员登录' })).toBeInTheDocument();
    expect(requestsOf(useStore.getState())).toEqual([]);
  });
});

describe('the login form', () => {
  it('says when the password is wrong or the account is locked, then logs in and loads the ledger', async () => {
    const { calls } = fakeServer({ server: true });
    render(<StaffBar />);
    await useStore.getState().detectServer();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('用户名'), 'li');
    await user.type(screen.getByLabelText('密码'), 'guess-guess');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不对。');
    expect(screen.getByLabelText('密码')).toHaveValue('');

    await user.clear(screen.getByLabelText('用户名'));
    await user.type(screen.getByLabelText('用户名'), 'locked');
    await user.type(screen.getByLabelText('密码'), 'whatever1');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('登录失败次数过多，账号锁定至 11月2日 20:15。');

    await user.clear(screen.getByLabelText('用户名'));
    await user.type(screen.getByLabelText('用户名'), 'li');
    await user.type(screen.getByLabelText('密码'), 'secret-pw');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('已登录：李社工（社区工作者 · 新华社区）')).toBeInTheDocument();
    await waitFor(() => expect(requestsOf(useStore.getState()).map((r) => r.properties.service_request_id)).toEqual(['SR-1']));
    expect(requestsOf(useStore.getState())[0]!.properties).toMatchObject({ stage: 'collect', compound_id: 'c-1', description: '楼道灯坏了' });
    expect(calls.filter((c) => c.path === '/api/login').at(-1)?.body).toEqual({ username: 'li', password: 'secret-pw' });
  });

  it('in English', async () => {
    fakeServer({ server: true });
    useStore.setState({ lang: 'en' });
    render(<StaffBar />);
    await useStore.getState().detectServer();
    expect(await screen.findByLabelText('User name')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  });
});

describe('moving a request on the server', () => {
  async function loggedIn() {
    const server = fakeServer({ server: true });
    await useStore.getState().detectServer();
    await useStore.getState().login('li', 'secret-pw');
    useStore.getState().selectRequest('SR-1');
    render(<RequestDetail />);
    return server;
  }

  it('moves it to its next stage with the CSRF token, then offers the stage after', async () => {
    const { calls } = await loggedIn();
    const user = userEvent.setup();
    expect(screen.getByText('反映人：13800000009')).toBeInTheDocument();
    await user.type(screen.getByLabelText('备注（可选；退回时必填）'), '议事会周三讨论');
    await user.click(screen.getByRole('button', { name: '推进到：民主协商议事' }));
    expect(await screen.findByText('已推进到「民主协商议事」。')).toBeInTheDocument();
    const move = calls.find((c) => c.method === 'POST' && c.path === '/api/requests/SR-1/move')!;
    expect(move.headers['x-csrf-token']).toBe('csrf-1');
    expect(move.body).toEqual({ stage: 'deliberate', status: 'open', note: '议事会周三讨论', expectStage: 'collect' });
    expect(screen.getByRole('button', { name: '推进到：多元协同理事' })).toBeInTheDocument();
    expect(requestsOf(useStore.getState())[0]!.properties.stage).toBe('deliberate');
    expect(screen.getByLabelText('备注（可选；退回时必填）')).toHaveValue('');
  });

  it('does not send a step back without a reason', async () => {
    const { calls } = await loggedIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '推进到：民主协商议事' }));
    await screen.findByRole('button', { name: '退回：收集民情提事' });
    const sent = calls.length;
    await user.click(screen.getByRole('button', { name: '退回：收集民情提事' }));
    expect(await screen.findByText('退回需要写明原因。')).toBeInTheDocument();
    expect(calls).toHaveLength(sent);
  });

  it('opens the whole history and the escalations in one click', async () => {
    await loggedIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '推进到：民主协商议事' }));
    await screen.findByText('已推进到「民主协商议事」。');
    await user.click(screen.getByRole('button', { name: '办理记录' }));
    const list = await screen.findByRole('list', { name: '办理记录（2 条）' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('建档：收集民情提事');
    expect(items[1]).toHaveTextContent('li');
    expect(items[1]).toHaveTextContent('收集民情提事 → 民主协商议事');
    expect(within(screen.getByRole('list', { name: '吹哨记录（1）' })).getByRole('listitem')).toHaveTextContent('已通知');
    expect(screen.getByText('承办人：未分派')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '收起办理记录' }));
    expect(screen.queryByRole('list', { name: '办理记录（2 条）' })).toBeNull();
  });

  it('forgets the ledger on logout', async () => {
    await loggedIn();
    await useStore.getState().logout();
    expect(requestsOf(useStore.getState())).toEqual([]);
    expect(useStore.getState().staff).toBeNull();
    expect(useStore.getState().selectedRequestId).toBeNull();
  });
});
