import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_COLOURS, OpenBadge } from '../../src/features/resident/OpenBadge';
import { useNow } from '../../src/features/resident/useNow';
import { useStore } from '../../src/store';
import { tinyDataset } from './tinyDataset';

const SH = 'Asia/Shanghai';
const HOURS = 'Mo-Fr 08:00-17:30; Sa 08:00-12:00';
const initial = useStore.getState();
beforeEach(() => useStore.setState(initial, true));

describe('open badge', () => {
  it('says open, closing soon, closed until, and unknown', () => {
    const { rerender } = render(<OpenBadge hours={HOURS} now={new Date('2026-03-04T10:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('营业中')).toBeInTheDocument();
    rerender(<OpenBadge hours={HOURS} now={new Date('2026-03-04T17:10:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('即将关门（17:30）')).toBeInTheDocument();
    rerender(<OpenBadge hours={HOURS} now={new Date('2026-03-04T07:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('已关门（08:00 开门）')).toBeInTheDocument();
    rerender(<OpenBadge hours={undefined} now={new Date('2026-03-04T07:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('时间未知')).toBeInTheDocument();
    rerender(<OpenBadge hours="看情况" now={new Date('2026-03-04T07:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('时间未知')).toBeInTheDocument();
  });

  it('names the day when it opens on another day, across midnight too', async () => {
    // Sunday 1 March 2026: opens Monday 08:00.
    const { rerender } = render(<OpenBadge hours={HOURS} now={new Date('2026-03-01T11:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('已关门（周一 08:00 开门）')).toBeInTheDocument();
    // Past midnight is read by the opening_hours library, loaded on demand.
    rerender(<OpenBadge hours="Mo-Su 20:00-02:00" now={new Date('2026-03-05T01:40:00+08:00')} timeZone={SH} />);
    expect(await screen.findByText('即将关门（02:00）')).toBeInTheDocument();
  });

  it('closes on 春节 and opens on a make-up Saturday the dataset adds', () => {
    const office = 'Mo-Fr 08:30-17:30; PH off';
    const { rerender } = render(<OpenBadge hours={office} now={new Date('2027-02-08T10:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('已关门（周二 08:30 开门）')).toBeInTheDocument();
    const dataset = tinyDataset();
    dataset.manifest.holidays = { off: ['2027-02-09', '2027-02-10'], work: ['2027-02-20'] };
    act(() => useStore.setState({ dataset }));
    rerender(<OpenBadge hours={office} now={new Date('2027-02-08T10:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('已关门（周四 08:30 开门）')).toBeInTheDocument();
    rerender(<OpenBadge hours={office} now={new Date('2027-02-20T10:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('营业中')).toBeInTheDocument();
  });

  it('speaks English', () => {
    useStore.setState({ lang: 'en' });
    const { rerender } = render(<OpenBadge hours={HOURS} now={new Date('2026-03-04T17:10:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('Closes soon (17:30)')).toBeInTheDocument();
    rerender(<OpenBadge hours={HOURS} now={new Date('2026-03-01T11:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('Closed (opens Mon 08:00)')).toBeInTheDocument();
  });

  it('uses colour pairs with at least 4.5:1 contrast, also on white (WCAG AA)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    for (const { color, background } of Object.values(BADGE_COLOURS)) {
      expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('useNow', () => {
  afterEach(() => vi.useRealTimers());

  it('refreshes at the start of every minute', () => {
    vi.useFakeTimers({ now: new Date('2026-03-04T10:00:30+08:00') });
    const { result, unmount } = renderHook(() => useNow());
    expect(result.current).toEqual(new Date('2026-03-04T10:00:30+08:00'));
    act(() => vi.advanceTimersByTime(29_000));
    expect(result.current).toEqual(new Date('2026-03-04T10:00:30+08:00'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toEqual(new Date('2026-03-04T10:01:00+08:00'));
    act(() => vi.advanceTimersByTime(60_000));
    expect(result.current).toEqual(new Date('2026-03-04T10:02:00+08:00'));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
