import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WalkResult } from '../../src/domain/engine/walkEngine';
import { PrintButton } from '../../src/features/resident/PrintCard';
import { useStore } from '../../src/store';
import { tinyDataset } from './tinyDataset';

const initial = useStore.getState();
/** 23:30 UTC on 20 November is already the 21st in Shanghai, the dataset's zone. */
const NOW = new Date('2026-11-20T23:30:00Z');
const MAP = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';

const walk = (nearest: WalkResult['nearest']): WalkResult => ({
  walksheds: { type: 'FeatureCollection', features: [] },
  reachedWays: { type: 'FeatureCollection', features: [] },
  times: null,
  nearest,
  reachable: [],
  overclaim: { circleAreaM2: 0, unreachedAreaM2: 0, share: 0 },
});

let print: ReturnType<typeof vi.fn<() => void>>;
beforeEach(() => {
  useStore.setState({ ...initial, dataset: tinyDataset(), status: 'ready' }, true);
  useStore.getState().selectCompound('c-1');
  print = vi.fn<() => void>();
  vi.spyOn(window, 'print').mockImplementation(print);
});
afterEach(() => vi.restoreAllMocks());

const rowTexts = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent);

describe('printable 15-minute card', () => {
  it('lists the nearest service per category with minutes and metres, the dates and 示意数据, then prints', async () => {
    useStore.setState({
      walkStatus: 'ready',
      walk: walk([
        { category: 'clinic', facilityId: 'f-1', walkM: 330, straightM: 210 },
        { category: 'canteen', facilityId: 'f-3', walkM: 700, straightM: 640 },
      ]),
    });
    const getMapImage = vi.fn().mockResolvedValue(MAP);
    render(<PrintButton getMapImage={getMapImage} now={() => NOW} />);
    await userEvent.click(screen.getByRole('button', { name: '打印服务圈卡片' }));

    const card = await screen.findByRole('dialog', { name: '十五分钟服务圈 · 瑞城花园' });
    expect(getMapImage).toHaveBeenCalledOnce();
    expect(rowTexts()).toEqual(['长者食堂/社区食堂长者食堂12 分钟 · 700 米', '卫生服务站/诊所新华卫生服务站6 分钟 · 330 米']);
    expect(within(card).getByText('打印日期：2026年11月21日 · 数据日期：2026年11月1日')).toBeInTheDocument();
    expect(within(card).getByText('示意数据，非真实情况')).toBeInTheDocument();
    expect(within(card).getByText('步行速度：标准 60 米/分钟')).toBeInTheDocument();
    expect(within(card).getByText(/数据来源：测试数据 \(CC0-1\.0\)/)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: '打印' })).toHaveFocus();
    expect(document.documentElement).toHaveClass('print-card-open');

    // Printing waits for the map image.
    const image = within(card).getByRole('img', { name: /瑞城花园周围的地图/ });
    expect(image).toHaveAttribute('src', MAP);
    expect(print).not.toHaveBeenCalled();
    fireEvent.load(image);
    expect(print).toHaveBeenCalledOnce();

    await userEvent.click(within(card).getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledTimes(2);
    await userEvent.click(within(card).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.documentElement).not.toHaveClass('print-card-open');
  });

  it('uses straight-line metres without a network and says so; notes a missing map', async () => {
    useStore.setState({ walkStatus: 'no-network', walk: null });
    render(<PrintButton getMapImage={() => Promise.resolve(null)} now={() => NOW} />);
    await userEvent.click(screen.getByRole('button', { name: '打印服务圈卡片' }));
    const card = await screen.findByRole('dialog');
    expect(within(card).getByText('此数据没有路网：以下均为直线距离，实际步行会更远。')).toBeInTheDocument();
    expect(within(card).getByRole('columnheader', { name: '直线距离' })).toBeInTheDocument();
    const rows = rowTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^长者食堂\/社区食堂长者食堂直线 \d+ 米$/);
    expect(rows[1]).toMatch(/^卫生服务站\/诊所新华卫生服务站直线 \d+ 米$/);
    expect(within(card).getByText('地图图像暂不可用。')).toBeInTheDocument();
    expect(print).toHaveBeenCalledOnce();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('prints in English, and says when a category cannot be reached', async () => {
    useStore.setState({ lang: 'en', walkStatus: 'ready', walk: walk([{ category: 'clinic', facilityId: 'f-2', walkM: 1500, straightM: 600 }]) });
    render(<PrintButton getMapImage={() => Promise.reject(new Error('no canvas'))} now={() => NOW} />);
    await userEvent.click(screen.getByRole('button', { name: 'Print a 15-minute card' }));
    const card = await screen.findByRole('dialog', { name: '15-minute service circle · Ruicheng Garden' });
    expect(rowTexts()).toEqual(['Elder / community canteen—Not reachable on foot', 'Clinic / health station三台诊所25 min · 1,500 m']);
    expect(within(card).getByText('Printed on November 21, 2026 · Data as of November 1, 2026')).toBeInTheDocument();
    expect(within(card).getByText('The map image is not available.')).toBeInTheDocument();
  });

  it('is disabled until a place is chosen', () => {
    useStore.getState().selectCompound(null);
    render(<PrintButton getMapImage={() => Promise.resolve(null)} />);
    expect(screen.getByRole('button', { name: '打印服务圈卡片' })).toBeDisabled();
  });
});
