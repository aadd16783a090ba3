import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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

beforeEach(() => {
  useStore.setState({ ...initial, dataset: tinyDataset(), status: 'ready' }, true);
  useStore.getState().selectCompound('c-1');
});

const fills = (svg: Element) => [...svg.querySelectorAll('path')].map((p) => p.getAttribute('fill'));

describe('the still map of a shared link', () => {
  it('draws the compound, its straight-line circles and, once walked, its walking areas; a tap asks for the interactive map', async () => {
    const onOpen = vi.fn();
    render(<LiteMap onOpen={onOpen} opening={false} />);
    const svg = screen.getByRole('img', { name: /服务圈示意图：瑞城花园/ });
    expect(svg).not.toHaveAttribute('data-walkshed');
    expect(fills(svg)).not.toContain(theme.bands[5]);
    // One dashed circle per origin and band (speed × minutes), before any walk.
    const origins = useStore.getState().circles!.origins.points.length;
    expect(origins).toBeGreaterThan(0);
    expect(svg.querySelectorAll('circle[stroke-dasharray]')).toHaveLength(origins * useStore.getState().circles!.bandMinutes.length);
    // The facilities show their category glyphs.
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toContain('诊');

    useStore.setState({ walk, walkFor: null });
    expect(await screen.findByRole('img', { name: /瑞城花园/ })).toHaveAttribute('data-walkshed', 'true');
    const drawn = fills(screen.getByRole('img'));
    // The outer band first, the near one on top.
    expect(drawn.indexOf(theme.bands[15]!)).toBeLessThan(drawn.indexOf(theme.bands[5]!));
    await vi.waitFor(() => expect(performance.getEntriesByName('walkshed-drawn', 'mark')).toHaveLength(1));

    await userEvent.click(screen.getByRole('button', { name: '打开交互地图' }));
    expect(onOpen).toHaveBeenCalled();
  });

  it('hides a category switched off and follows the language', async () => {
    render(<LiteMap onOpen={() => undefined} opening={false} />);
    const glyphs = () => [...screen.getByRole('img').querySelectorAll('text')].map((t) => t.textContent);
    expect(glyphs()).toContain('诊');
    useStore.setState({ hiddenCategories: ['clinic'] });
    await vi.waitFor(() => expect(glyphs()).not.toContain('诊'));
    useStore.setState({ lang: 'en' });
    expect(await screen.findByRole('img', { name: /Ruicheng Garden/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open the interactive map' })).toBeInTheDocument();
  });

  it('is what the printed card shows while the interactive map is not open', async () => {
    const { unmount } = render(<LiteMap onOpen={() => undefined} opening={false} />);
    const picture = await mapSnapshot();
    expect(picture).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(decodeURIComponent(picture!.split(',')[1]!)).toContain('瑞城花园');
    unmount();
    expect(await mapSnapshot()).toBeNull();
  });
});
