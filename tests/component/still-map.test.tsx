import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WalkResult } from '../../src/domain/engine/walkEngine';
import { LiteMap } from '../../src/map/LiteMap';
import { mapSnapshot } from '../../src/map/snapshot';
import { theme } from '../../src/map/theme';
import { useStore } from '../../src/store';
import { tinyDataset } from './tinyDataset';

const initial = useStore.getState();

/** A square walking area of `d` degrees around the compound, one per band. */
const band = (value: number, d: number) => ({
  type: 'Feature' as const,
  properties: { value },
  geometry: {
    type: 'MultiPolygon' as const,
    coordinates: [
      [
        [
          [119.331 - d, 26.091 - d],
          [119.331 + d, 26.091 - d],
          [119.331 + d, 26.091 + d],
          [119.331 - d, 26.091 + d],
          [119.331 - d, 26.091 - d],
        ],
      ],
    ],
  },
});

const walk: WalkResult = {
  walksheds: { type: 'FeatureCollection', features: [band(5, 0.002), band(10, 0.004), band(15, 0.006)] },
  reachedWays: { type: 'FeatureCollection', features: [] },
  times: null,
  nearest: [],
  reachable: [],
  overclaim: { circleAreaM2: 0, unreachedAreaM2: 0, share: 0 },
};

/** What was painted, on every canvas (jsdom has no 2D context): a recording stand-in. */
let painted: { op: string; style?: string; dash?: number[]; text?: string }[] = [];

function recordingContext() {
  let dash: number[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    globalCompositeOperation: 'source-over',
    font: '',
    textAlign: '',
    textBaseline: '',
    lineCap: '',
    lineJoin: '',
    setTransform: () => undefined,
    fillRect: () => undefined,
    beginPath: () => undefined,
    arc: () => undefined,
    drawImage: () => undefined,
    setLineDash: (d: number[]) => void (dash = d),
    fill: (path?: unknown) =>
      void painted.push({ op: ctx.globalCompositeOperation === 'destination-out' ? 'erase' : path ? 'fillPath' : 'fill', style: ctx.fillStyle }),
    stroke: () => void painted.push({ op: 'stroke', style: ctx.strokeStyle, dash }),
    fillText: (text: string) => void painted.push({ op: 'text', text }),
  };
  return ctx;
}

beforeEach(() => {
  painted = [];
  vi.stubGlobal('Path2D', class {});
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => recordingContext() as unknown as CanvasRenderingContext2D);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,c3RpbGw=');
  useStore.setState({ ...initial, dataset: tinyDataset(), status: 'ready' }, true);
  useStore.getState().selectCompound('c-1');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const fills = () => painted.filter((p) => p.op === 'fillPath').map((p) => p.style);
const glyphs = () => painted.filter((p) => p.op === 'text').map((p) => p.text);

describe('the still map of a shared link', () => {
  it('draws the compound, its straight-line circles and, once walked, its walking areas; a tap asks for the interactive map', async () => {
    const onOpen = vi.fn();
    render(<LiteMap onOpen={onOpen} opening={false} />);
    const picture = screen.getByRole('img', { name: /服务圈示意图：瑞城花园/ });
    expect(picture).not.toHaveAttribute('data-walkshed');
    expect(fills()).not.toContain(theme.bands[5]);
    // One dashed circle per origin and band (speed × minutes), before any walk, and their insides cleared.
    const origins = useStore.getState().circles!.origins.points.length;
    expect(origins).toBeGreaterThan(0);
    const bands = useStore.getState().circles!.bandMinutes.length;
    expect(painted.filter((p) => p.op === 'stroke' && p.dash?.join() === '7,5')).toHaveLength(origins * bands);
    expect(painted.filter((p) => p.op === 'erase')).toHaveLength(origins * bands);
    // The facilities show their category glyphs.
    expect(glyphs()).toContain('诊');

    expect(fills()).toContain(theme.compound.fill);
    painted = [];
    useStore.setState({ walk, walkFor: null });
    expect(await screen.findByRole('img', { name: /瑞城花园/ })).toHaveAttribute('data-walkshed', 'true');
    const drawn = fills();
    // The compounds and streets under the walk are the picture painted before, not painted again.
    expect(drawn).not.toContain(theme.compound.fill);
    // The outer band first, the near one on top.
    expect(drawn.indexOf(theme.bands[15]!)).toBeLessThan(drawn.indexOf(theme.bands[5]!));
    await vi.waitFor(() => expect(performance.getEntriesByName('walkshed-drawn', 'mark')).toHaveLength(1));

    await userEvent.click(screen.getByRole('button', { name: '打开交互地图' }));
    expect(onOpen).toHaveBeenCalled();
  });

  it('hides a category switched off and follows the language', async () => {
    render(<LiteMap onOpen={() => undefined} opening={false} />);
    expect(glyphs()).toContain('诊');
    painted = [];
    useStore.setState({ hiddenCategories: ['clinic'] });
    await vi.waitFor(() => expect(glyphs().length).toBeGreaterThan(0));
    expect(glyphs()).not.toContain('诊');
    useStore.setState({ lang: 'en' });
    expect(await screen.findByRole('img', { name: /Ruicheng Garden/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open the interactive map' })).toBeInTheDocument();
  });

  it('is what the printed card shows while the interactive map is not open', async () => {
    const { unmount } = render(<LiteMap onOpen={() => undefined} opening={false} />);
    expect(await mapSnapshot()).toBe('data:image/png;base64,c3RpbGw=');
    unmount();
    expect(await mapSnapshot()).toBeNull();
  });
});
