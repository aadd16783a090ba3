import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset, RequestStage } from '../../src/domain/dataset';
import { PlannerPanel } from '../../src/features/planner/PlannerPanel';
import { useEvidence } from '../../src/features/planner/evidenceStore';
import { useStore } from '../../src/store';
import { plannerDataset } from './planner-dataset';

let n = 0;
const request = (compound: string, code: string, stage: RequestStage): Dataset['requests']['features'][number] => {
  n++;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [119.346, 26.0905] },
    properties: {
      id: `r-${n}`,
      service_request_id: `T-${n}`,
      service_code: code,
      status: 'open',
      stage,
      requested_datetime: '2026-10-01T09:00:00+08:00',
      compound_id: compound,
    },
  };
};

/** 耀隆宿舍 (c-2) lacks a health station within 300 m: three residents asked for one (one as 医, a doctor). */
function datasetWithRequests(): Dataset {
  const dataset = plannerDataset();
  dataset.requests.features = [
    request('c-2', 'clinic', 'collect'),
    request('c-2', 'medical', 'deliberate'),
    request('c-2', 'clinic', 'execute'),
    // Doorstep help names no facility; another compound's request is not this one's evidence.
    request('c-2', 'repair', 'collect'),
    request('c-1', 'clinic', 'collect'),
  ];
  return dataset;
}

const initial = useStore.getState();
const initialEvidence = useEvidence.getState();
beforeEach(() => {
  useStore.setState({ ...initial, dataset: datasetWithRequests(), status: 'ready', mode: 'planner' }, true);
  useEvidence.setState(initialEvidence, true);
  vi.spyOn(window, 'print').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function openPanel() {
  render(<PlannerPanel />);
  await screen.findByTestId('planner-summary');
}

async function healthStationGap() {
  useStore.getState().selectCompound('c-2');
  const gaps = await screen.findByRole('list', { name: '该小区的缺口' });
  return within(gaps).getByText('社区卫生服务站').closest('li')!;
}

describe("the planner shows residents' requests behind each gap", () => {
  it("counts the dataset's requests when there is no server, by stage, and says where they come from", async () => {
    await openPanel();
    await waitFor(() => expect(screen.getByTestId('evidence-source')).toHaveTextContent('requests.geojson'));
    const gap = await healthStationGap();
    expect(within(gap).getByText('居民诉求 3 件（收集 1 · 商议 1 · 执行 1）')).toBeInTheDocument();
    // A gap nobody asked about says so.
    const gaps = screen.getByRole('list', { name: '该小区的缺口' });
    expect(within(within(gaps).getByText('幼儿园').closest('li')!).getByText('居民诉求 0 件')).toBeInTheDocument();
  });

  it("shows the live ledger's counts on the requests service, without a login, in English too", async () => {
    const answer = { at: '2026-12-04T08:00:00Z', counts: { 'c-2': { clinic: { publish: 4, rate: 1 }, kindergarten: { collect: 6 } } } };
    const fetchMock = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith('/api/evidence')
        ? new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } })
        : new Response('[]', { status: 404 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    useStore.setState({ serverKind: 'server', serverInfo: { server: true, dataset: 'planner-test', dataPath: 'data/planner-test' } });
    await openPanel();
    await waitFor(() => expect(screen.getByTestId('evidence-source')).toHaveTextContent('办理台账'));
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/api/evidence'))).toBe(true);
    const gap = await healthStationGap();
    expect(within(gap).getByText('居民诉求 5 件（公示 4 · 评价 1）')).toBeInTheDocument();
    useStore.setState({ lang: 'en' });
    expect(await within(gap).findByText("Residents' requests: 5 (Publish 4 · Rate 1)")).toBeInTheDocument();
    expect(screen.getByTestId('evidence-source')).toHaveTextContent('live ledger');
  });

  it('adds a sortable column to the compound table and the numbers to the printed report', async () => {
    // One more: a family asked for a kindergarten, a ▲ gap of 耀隆宿舍.
    const dataset = datasetWithRequests();
    dataset.requests.features.push(request('c-2', 'kindergarten', 'coordinate'));
    useStore.setState({ dataset });
    await openPanel();
    await waitFor(() => expect(screen.getByTestId('evidence-source')).toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: '小区达标表' }));
    const table = screen.getByRole('table', { name: /显示 3 \/ 3 个小区/ });
    await userEvent.click(within(table).getByRole('button', { name: '居民诉求' }));
    expect(within(table).getByRole('columnheader', { name: /居民诉求/ })).toHaveAttribute('aria-sort', 'descending');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('耀隆宿舍');
    // The health station is a △ gap here (GB 50180's five-minute level): the column counts △ gaps too.
    expect(rows[0]).toHaveTextContent(/4收集 1 · 商议 1 · 协调 1 · 执行 1/);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('瑞城花园');

    await userEvent.click(screen.getByRole('button', { name: '打印社区体检报告' }));
    const report = await screen.findByRole('dialog', { name: /社区体检报告/ });
    const gapTable = within(report).getByRole('heading', { name: '缺口清单（▲ 应配建项）' }).nextElementSibling as HTMLElement;
    expect(within(gapTable).getByRole('columnheader', { name: '居民诉求（件，上列缺口相关）' })).toBeInTheDocument();
    // The report lists ▲ gaps only, and counts the requests of those.
    const row = within(gapTable).getByRole('row', { name: /耀隆宿舍/ });
    expect(row).toHaveTextContent('1协调 1');
    expect(within(row).getByText(/^幼儿园.*（居民诉求 1 件）$/)).toBeInTheDocument();
    expect(within(report).getByTestId('evidence-source')).toHaveTextContent('requests.geojson');
  });
});
