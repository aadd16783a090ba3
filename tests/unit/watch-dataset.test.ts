import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchDataset, type WatchRead } from '../../src/data/watchDataset';

/** A reader whose answers the test hands out one by one. */
function controlledReader() {
  const pending: ((read: WatchRead<string>) => void)[] = [];
  return {
    read: vi.fn(() => new Promise<WatchRead<string>>((resolve) => pending.push(resolve))),
    answer: async (read: WatchRead<string>) => {
      pending.shift()!(read);
      await vi.advanceTimersByTimeAsync(0);
    },
    waiting: () => pending.length,
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchDataset', () => {
  it('tells changed data from the same data by fingerprint, and keeps what is shown when a read fails', async () => {
    const reader = controlledReader();
    const seen: string[] = [];
    const stop = watchDataset({
      read: reader.read,
      everyMs: 1000,
      fingerprint: 'a',
      changed: (value, fingerprint) => seen.push(`changed ${value} ${fingerprint}`),
      unchanged: (value) => seen.push(`unchanged ${value}`),
      failed: (reason) => seen.push(`failed ${reason}`),
    });
    expect(reader.read).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    await reader.answer({ ok: true, value: 'A', fingerprint: 'a' });
    await vi.advanceTimersByTimeAsync(1000);
    await reader.answer({ ok: true, value: 'B', fingerprint: 'b' });
    await vi.advanceTimersByTimeAsync(1000);
    await reader.answer({ ok: false, reason: 'offline' });
    await vi.advanceTimersByTimeAsync(1000);
    await reader.answer({ ok: true, value: 'B again', fingerprint: 'b' });
    expect(seen).toEqual(['unchanged A', 'changed B b', 'failed offline', 'unchanged B again']);
    stop();
  });

  it('reads one at a time: a turn that comes while a read is out is skipped', async () => {
    const reader = controlledReader();
    const changed = vi.fn();
    const stop = watchDataset({ read: reader.read, everyMs: 1000, immediately: true, changed, failed: vi.fn() });
    expect(reader.read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(reader.read).toHaveBeenCalledTimes(1);
    await reader.answer({ ok: true, value: 'slow' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(reader.read).toHaveBeenCalledTimes(2);
    // No fingerprint: every good read counts as changed.
    await reader.answer({ ok: true, value: 'slow' });
    expect(changed).toHaveBeenCalledTimes(2);
    stop();
  });

  it('drops a read that ends after the watch stopped, and a reader that throws is a failed read', async () => {
    const reader = controlledReader();
    const changed = vi.fn();
    const stop = watchDataset({ read: reader.read, everyMs: 1000, immediately: true, changed, failed: vi.fn() });
    stop();
    await reader.answer({ ok: true, value: 'late' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(changed).not.toHaveBeenCalled();
    expect(reader.read).toHaveBeenCalledTimes(1);

    const failed = vi.fn();
    const stopThrowing = watchDataset({ read: () => Promise.reject(new Error('boom')), everyMs: 1000, immediately: true, changed, failed });
    await vi.advanceTimersByTimeAsync(0);
    expect(failed).toHaveBeenCalledWith('boom', expect.any(Number));
    stopThrowing();
  });
});
