import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../src/store';
import { advance, HallScreen, showOnHall } from './hall-harness';
import { tinyDataset } from './tinyDataset';

const initial = useStore.getState();
const START = new Date('2026-11-02T09:00:00+08:00');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
  useStore.setState({ ...initial }, true);
});
afterEach(() => vi.useRealTimers());

const title = () => screen.getByRole('heading', { level: 1 }).firstChild?.textContent;

describe('hall playlist on screen', () => {
  it('shows each view in order for its duration, then starts again', async () => {
    showOnHall(tinyDataset(), 'overview:10,communities:6,spotlight.canteen:8,gaps:8');
    render(<HallScreen />);
    expect(title()).toBe('全域十五分钟服务圈');
    expect(screen.getByText('第 1 / 4 屏')).toBeInTheDocument();
    await advance(9_900);
    expect(title()).toBe('全域十五分钟服务圈');
    await advance(200);
    expect(title()).toBe('新华社区 · 十五分钟服务圈');
    // The community screen walks from a point inside it and flies the camera there.
    expect(useStore.getState().at).not.toBeNull();
    expect(useStore.getState().hallCamera?.key).toBe('area:g-1');
    await advance(6_000);
    expect(title()).toBe('15 分钟内的长者食堂');
    expect(useStore.getState().hiddenCategories).not.toContain('canteen');
    expect(useStore.getState().hiddenCategories).toContain('clinic');
    await advance(8_000);
    expect(title()).toBe('服务缺口：15 分钟内走不到的服务');
    expect(useStore.getState().at).toBeNull();
    await advance(8_000);
    expect(title()).toBe('全域十五分钟服务圈');
    expect(useStore.getState().hallClock.cycles).toBe(1);
  });

  it('pauses on a touch, resumes after the idle time, and keys move through the views', async () => {
    showOnHall(tinyDataset(), '{"views":[{"kind":"overview","seconds":10},{"kind":"gaps","seconds":10}],"idleSeconds":30}');
    render(<HallScreen />);
    await advance(4_000);
    fireEvent.pointerDown(window);
    await advance(0);
    expect(screen.getByText('已暂停 · 无人操作时自动继续播放')).toBeInTheDocument();
    await advance(29_000);
    expect(title()).toBe('全域十五分钟服务圈');
    // Resumes at 30 s after the touch with the 6 s this view had left.
    await advance(1_100);
    expect(screen.queryByText('已暂停 · 无人操作时自动继续播放')).toBeNull();
    await advance(5_800);
    expect(title()).toBe('全域十五分钟服务圈');
    await advance(200);
    expect(title()).toBe('服务缺口：15 分钟内走不到的服务');
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await advance(0);
    expect(title()).toBe('全域十五分钟服务圈');
    expect(screen.getByText('已暂停 · 无人操作时自动继续播放')).toBeInTheDocument();
  });

  it('gives every view a title, a legend, English subtitles and a QR code of its resident view', async () => {
    showOnHall(tinyDataset(), 'overview,communities,spotlight.canteen,gaps');
    render(<HallScreen />);
    for (let i = 0; i < 4; i++) {
      expect(screen.getByRole('heading', { level: 1 }).querySelector('[lang="en"]')?.textContent).toMatch(/\w/);
      expect(screen.getByRole('region', { name: '图例' }).querySelectorAll('li').length).toBeGreaterThan(0);
      await advance(10);
      const qr = screen.getByRole('img', { name: /二维码/ });
      const url = new URL(qr.getAttribute('data-url') ?? '');
      expect(url.searchParams.get('mode')).toBeNull();
      if (useStore.getState().hallSlides[i]?.kind === 'area') expect(url.searchParams.get('at')).toMatch(/^119\.\d+,26\.\d+$/);
      else expect(url.searchParams.get('at')).toBeNull();
      expect(screen.getByText(/数据截至 2026年11月1日/)).toBeInTheDocument();
      fireEvent.keyDown(window, { key: 'ArrowRight' });
      await advance(0);
    }
  });
});
