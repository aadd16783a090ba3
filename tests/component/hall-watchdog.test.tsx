import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatchdog } from '../../src/features/hall/watchdog';

let frames: FrameRequestCallback[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date', 'performance'] });
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Runs the frames the page asked for, as a browser that still draws would. */
const drawFrames = () => frames.splice(0).forEach((cb) => cb(performance.now()));

function watch(dueAt: () => number | null = () => null) {
  const container = document.createElement('div');
  const canvas = document.createElement('canvas');
  container.append(canvas);
  const reload = vi.fn();
  const stop = startWatchdog({ container, stallMs: 30_000, checkMs: 5_000, dueAt, reload });
  return { canvas, reload, stop };
}

describe('hall watchdog', () => {
  it('reloads when the map loses its WebGL context', () => {
    const { canvas, reload, stop } = watch();
    canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
    canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(reload).toHaveBeenCalledWith('webgl-context-lost');
    stop();
  });

  it('leaves a screen that keeps drawing alone, and reloads one that stops drawing', () => {
    const { reload, stop } = watch();
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(5_000);
      drawFrames();
    }
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40_000);
    expect(reload).toHaveBeenCalledWith('no-frames');
    stop();
  });

  it('reloads when the playlist is long overdue (its timers stopped)', () => {
    const due = Date.now() + 10_000;
    const { reload, stop } = watch(() => due);
    vi.advanceTimersByTime(35_000);
    drawFrames();
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(reload).toHaveBeenCalledWith('playlist-stalled');
    stop();
  });
});
