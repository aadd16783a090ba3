import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlannerPanel } from '../../src/features/planner/PlannerPanel';
import { useStore } from '../../src/store';
import { plannerDataset } from './planner-dataset';

const initial = useStore.getState();
let blobs: Blob[];
let names: string[];
beforeEach(() => {
  useStore.setState({ ...initial, dataset: plannerDataset(), status: 'ready', mode: 'planner' }, true);
  blobs = [];
  names = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  vi.spyOn(window, 'print').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

async function openPanel() {
  render(<PlannerPanel />);
  await screen.findByTestId('planner-summary');
}

/** jsdom's Blob has no arrayBuffer(): read it as the browser would hand it to a file. */
const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('compound table', () => {
  it('sorts by any column and filters by community, grid and name', async () => {
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: '小区达标表' }));
    const table = screen.getByRole('table', { name: /显示 3 \/ 3 个小区/ });
    await userEvent.click(within(table).getByRole('button', { name: '60 岁以上' }));
    expect(within(table).getByRole('columnheader', { name: /60 岁以上/ })).toHaveAttribute('aria-sort', 'descending');
    expect(bodyRows(table).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['瑞城花园', '新华新村', '耀隆宿舍']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '社区' }), '新华社区');
    expect(bodyRows(screen.getByRole('table', { name: /显示 2 \/ 3/ }))).toHaveLength(2);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '网格' }), '新华社区第二网格');
    expect(bodyRows(screen.getByRole('table', { name: /显示 1 \/ 3/ }))[0]).toHaveTextContent('新华新村');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '社区' }), '全部');
    await userEvent.type(screen.getByRole('searchbox', { name: '小区名称' }), '耀隆');
    const row = bodyRows(screen.getByRole('table', { name: /显示 1 \/ 3/ }))[0]!;
    await userEvent.click(within(row).getByRole('button', { name: '耀隆宿舍' }));
    expect(useStore.getState().compoundId).toBe('c-2');
  });

  it('lists per community and grid, and per rule the residents affected', async () => {
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: '小区达标表' }));
    await userEvent.click(screen.getByRole('tab', { name: '社区与网格' }));
    const communities = screen.getByRole('table', { name: '各社区汇总' });
    expect(bodyRows(communities).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['新华社区', '凤林社区']);
    await userEvent.click(screen.getByRole('tab', { name: '规则' }));
    const rules = screen.getByRole('table', { name: '各项规则：未达标的小区和受影响的居民' });
    // The 5-minute health station: 新华新村 (430 m) and 耀隆宿舍 (1,350 m) miss it.
    expect(within(rules).getByRole('row', { name: /社区卫生服务站/ })).toHaveTextContent('2' + '1,300' + '400' + '90');
  });
});

describe('exports', () => {
  it('downloads a CSV of the gaps that opens in Excel in Chinese (BOM, CRLF, clause per row)', async () => {
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: '缺口清单 CSV' }));
    expect(names).toEqual(['planner-test-gb50180-2018-gaps.csv']);
    const bytes = await bytesOf(blobs[0]!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '小区编号,小区,社区,网格,常住人口,60 岁以上,80 岁以上,层级,规则项目,▲应配建/△按需,要求距离（米）,实际步行（米）,条款,已核实,说明,居民诉求（件）,诉求·收集,诉求·商议,诉求·协调,诉求·执行,诉求·公示,诉求·评价',
    );
    expect(lines.some((l) => l.startsWith('c-2,耀隆宿舍,凤林社区,凤林社区第一网格,400,150,40,五分钟生活圈居住区,社区卫生服务站,△,300,13'))).toBe(true);
  });

  it('downloads the compounds as GeoJSON with their results', async () => {
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: 'GeoJSON' }));
    const fc = JSON.parse(new TextDecoder().decode(await bytesOf(blobs[0]!)));
    expect(fc.features).toHaveLength(3);
    expect(fc.features[2].properties).toMatchObject({ id: 'c-2', ruleset: 'gb50180-2018@2018-12-01/1', distance_kind: 'network' });
    expect(fc.features[2].properties.gaps).toContain('gb-5-health-station');
  });
});

describe('printable community report', () => {
  it('has the summary, charts with their numbers, gaps with clauses, canteens, data date and sources, then prints', async () => {
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: '打印社区体检报告' }));
    const report = await screen.findByRole('dialog', { name: '社区体检报告 · 测试镇（示意数据）' });
    expect(within(report).getByText('示意数据，非真实情况')).toBeInTheDocument();
    expect(within(report).getByText(/对照标准：城市居住区规划设计标准（GB 50180-2018，规则版本 2018-12-01\/1） · 数据日期：2026年11月1日/)).toBeInTheDocument();
    expect(within(report).getByRole('img', { name: '居住街坊：各项设施覆盖的居民比例' })).toBeInTheDocument();
    expect(within(report).getByRole('table', { name: '居住街坊：各项设施覆盖的居民比例' })).toBeInTheDocument();
    const contents = within(report).getByRole('navigation', { name: '目录' });
    const links = within(contents).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      '概况',
      '各项设施的覆盖比例',
      '各社区达标率',
      '缺口清单（▲ 应配建项）',
      '各项规则与受影响居民',
      '长者食堂',
      '说明与数据来源',
    ]);
    // Each entry leads to its section's heading.
    for (const link of links) expect(report.querySelector(link.getAttribute('href')!)).toHaveTextContent(link.textContent!);
    const gaps = within(report).getByRole('heading', { name: '缺口清单（▲ 应配建项）' }).nextElementSibling as HTMLElement;
    expect(within(gaps).getByRole('row', { name: /耀隆宿舍/ })).toHaveTextContent(/附录 B；附录 C 表 C.0.3.*物业管理与服务\*/);
    expect(within(report).getByText(/数据来源：测试数据/)).toBeInTheDocument();
    await userEvent.selectOptions(within(report).getByRole('combobox', { name: '报告范围' }), '凤林社区');
    expect(await screen.findByRole('dialog', { name: '社区体检报告 · 凤林社区' })).toBeInTheDocument();
    await userEvent.click(within(report).getByRole('button', { name: '打印' }));
    expect(window.print).toHaveBeenCalledOnce();
    expect(document.documentElement).toHaveClass('planner-report-open');
    await userEvent.click(within(report).getByRole('button', { name: '关闭' }));
    expect(document.documentElement).not.toHaveClass('planner-report-open');
  });
});
