import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toOpen311 } from '../../src/domain/volunteers/open311';
import { LedgerDrawer } from '../../src/features/volunteers/LedgerDrawer';
import { LiveStatus } from '../../src/features/volunteers/LiveStatus';
import { Open311Buttons } from '../../src/features/volunteers/Open311Buttons';
import { useStore } from '../../src/store';
import { requestsOf, volunteersOf } from '../../src/store/volunteersSlice';
import { MONDAY_EVENING, volunteersDataset } from './volunteersDataset';

const initial = useStore.getState();
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(MONDAY_EVENING);
  useStore.setState({ ...initial, dataset: volunteersDataset(), status: 'ready', mode: 'volunteers', volNow: MONDAY_EVENING.getTime() }, true);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Captures what downloadText hands to the browser. */
function captureDownloads(): { texts: string[]; names: string[] } {
  const saved = { texts: [] as string[], names: [] as string[] };
  const blobs: Blob[] = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => `blob:${blobs.push(blob)}`, revokeObjectURL: () => {} }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.names.push(this.download);
    const blob = blobs[Number(this.href.split(':').pop()) - 1]!;
    const reader = new FileReader();
    reader.onload = () => saved.texts.push(String(reader.result));
    reader.readAsText(blob);
  });
  return saved;
}

describe('the ledger', () => {
  it('filters to the overdue requests and exports them as CSV', async () => {
    useStore.getState().setLedgerOpen(true);
    render(<LedgerDrawer />);
    const dialog = screen.getByRole('dialog', { name: '诉求台账（一问题一建档）' });
    expect(within(dialog).getByTestId('ledger-count')).toHaveTextContent('显示 5 / 5 件');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: '只看超期' }));
    expect(within(dialog).getByTestId('ledger-count')).toHaveTextContent('显示 2 / 5 件');
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['YF-1', 'YF-3']);
    expect(within(rows[0]!).getByText('耀隆宿舍')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('收集民情提事')).toBeInTheDocument();

    const saved = captureDownloads();
    await userEvent.click(within(dialog).getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(saved.texts).toHaveLength(1));
    expect(saved.names).toEqual(['tiny-ledger.csv']);
    const lines = saved.texts[0]!.replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('编号,小区,类别,环节,状态,提出时间,更新时间,承诺完成,办理期限,超期,服务缺口,评分');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['YF-1,耀隆宿舍,维修,收集民情提事', 'YF-3,瑞城花园,药店,多元协同理事']);
    expect(saved.texts[0]).not.toContain('楼道灯坏了');
  });

  it('filters by stage and finds a request by number; a click opens it', async () => {
    useStore.getState().setLedgerOpen(true);
    render(<LedgerDrawer />);
    await userEvent.selectOptions(screen.getByLabelText('环节'), '居民满意评事');
    expect(screen.getByTestId('ledger-count')).toHaveTextContent('显示 2 / 5 件');
    await userEvent.selectOptions(screen.getByLabelText('环节'), '全部');
    await userEvent.type(screen.getByLabelText('编号查找'), 'yf-2');
    expect(screen.getByTestId('ledger-count')).toHaveTextContent('显示 1 / 5 件');
    await userEvent.click(screen.getByRole('button', { name: 'YF-2' }));
    expect(useStore.getState().selectedRequestId).toBe('yf-2');
    await userEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(useStore.getState().ledgerOpen).toBe(false);
  });
});

describe('Open311 exchange', () => {
  it('exports the requests as GeoReport v2 JSON with the stage in extended_attributes', async () => {
    const saved = captureDownloads();
    render(<Open311Buttons />);
    await userEvent.click(screen.getByRole('button', { name: '导出 Open311' }));
    await waitFor(() => expect(saved.texts).toHaveLength(1));
    const json = JSON.parse(saved.texts[0]!) as { service_request_id: string; status_notes: string; extended_attributes: { stage: string } }[];
    expect(json).toHaveLength(5);
    expect(json[1]).toMatchObject({ service_request_id: 'YF-2', status_notes: '民主协商议事', extended_attributes: { stage: 'deliberate' } });
  });

  it('imports a 12345 export: updates known requests, adds new ones, lists problems', async () => {
    const [first] = toOpen311(requestsOf(useStore.getState()));
    const updated = { ...first!, status: 'closed', extended_attributes: { ...first!.extended_attributes, stage: 'rate', rating: 4 } };
    const added = { ...first!, service_request_id: '12345-9', extended_attributes: { stage: 'collect', compound_id: 'c-404' } };
    const file = new File([JSON.stringify([updated, added, { status: 'open' }])], 'hotline.json', { type: 'application/json' });
    render(<Open311Buttons />);
    await userEvent.upload(screen.getByTestId('open311-input'), file);
    expect(await screen.findByText(/已导入：新增 1 件，更新 1 件，问题 2 条。/)).toBeInTheDocument();
    const requests = requestsOf(useStore.getState());
    expect(requests).toHaveLength(6);
    expect(requests[0]!.properties).toMatchObject({ id: 'yf-1', status: 'closed', stage: 'rate', rating: 4 });
    expect(requests[5]!.properties).toMatchObject({ id: '12345-9', stage: 'collect' });
    expect(requests[5]!.properties.compound_id).toBeUndefined();
  });
});

describe('live refresh (?refresh=)', () => {
  const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const oneRequest = fc([
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [119.331, 26.09] },
      properties: {
        id: 'new-1',
        service_code: 'repair',
        status: 'open',
        stage: 'collect',
        requested_datetime: '2026-11-02T19:00:00+08:00',
        compound_id: 'c-1',
      },
    },
  ]);
  const oneVolunteer = fc([{ type: 'Feature', geometry: { type: 'Point', coordinates: [119.331, 26.09] }, properties: { id: 'v-9', skills: ['repair'] } }]);

  it('re-reads requests and volunteers, and keeps the last good data when a file turns invalid', async () => {
    let requestsText = oneRequest;
    vi.stubGlobal('fetch', async (url: string) => {
      const body = url.endsWith('requests.geojson') ? requestsText : oneVolunteer;
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    });
    render(<LiveStatus />);
    await useStore.getState().reloadLive('data/tiny', 30);
    expect(requestsOf(useStore.getState()).map((r) => r.properties.service_request_id)).toEqual(['new-1']);
    expect(volunteersOf(useStore.getState()).map((v) => v.properties.id)).toEqual(['v-9']);
    expect(await screen.findByText(/每 30 秒自动更新 · 最后更新 \d\d:\d\d:\d\d/)).toBeInTheDocument();
    expect(useStore.getState().ledgerClock).toBe('now');

    requestsText = '{"type": "FeatureCollection", "features": [ {"type": ';
    await useStore.getState().reloadLive('data/tiny');
    expect(requestsOf(useStore.getState()).map((r) => r.properties.service_request_id)).toEqual(['new-1']);
    expect(volunteersOf(useStore.getState()).map((v) => v.properties.id)).toEqual(['v-9']);
    const error = await screen.findByTestId('live-error');
    expect(error).toHaveTextContent(/\d\d:\d\d:\d\d 读取失败，仍显示 \d\d:\d\d:\d\d 的数据。/);
    expect(error).toHaveTextContent('requests.geojson');

    vi.stubGlobal('fetch', async () => new Response('gone', { status: 500 }));
    await useStore.getState().reloadLive('data/tiny');
    expect(requestsOf(useStore.getState())).toHaveLength(1);
    expect(useStore.getState().live.error).toMatch(/HTTP 500/);
  });

  it('forgets live data when another dataset loads', async () => {
    vi.stubGlobal('fetch', async (url: string) => new Response(url.endsWith('requests.geojson') ? oneRequest : oneVolunteer, { status: 200 }));
    await useStore.getState().reloadLive('data/tiny', 30);
    useStore.setState({ dataset: volunteersDataset() });
    expect(requestsOf(useStore.getState())).toHaveLength(5);
  });
});
