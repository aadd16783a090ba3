import { act, fireEvent, render, screen } from '@testing-library/react';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/App';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import type { Dataset } from '../../src/domain/dataset';
import { volunteersOverlay } from '../../src/map/overlays/volunteers';
import { useStore, type AppState } from '../../src/store';
import { MODE_LAYER_GROUPS } from '../../src/store/uiSlice';
import { advance, HallScreen, showOnHall } from './hall-harness';

/** jsdom has no WebGL: the map is stood in for; what it would draw is checked through the overlay below. */
vi.mock('../../src/map/MapView', () => ({ MapView: () => <div data-testid="map" /> }));
/** The planner is a staff view, not a public one; it is left out of the public app rendered here. */
vi.mock('../../src/features/planner/PlannerPanel', () => ({ PlannerPanel: () => null }));

/** A mainland mobile number (personal), not digits inside a coordinate or a landline of a clinic. */
const MOBILE = /(?<![\d.-])1[3-9]\d{9}(?!\d)/;

const initial = useStore.getState();
let sample: Dataset;
let secrets: string[];

beforeAll(async () => {
  const { dataset } = await loadDataset(fromDirectory(join(import.meta.dirname, '../../data/yuefeng-sample')));
  sample = dataset!;
  const staff = sample.grids.features.flatMap((g) => g.properties.staff ?? []);
  secrets = [
    ...sample.volunteers.features.flatMap((v) => [v.properties.name, v.properties.phone]),
    ...staff.flatMap((s) => [s.name, s.phone]),
    ...sample.requests.features.map((r) => r.properties.description),
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
});

/** Everything a person could read or a script could scrape: text, and every attribute value. */
function visible(container: HTMLElement): string {
  const attributes = [...container.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].map((a) => {
      try {
        return decodeURIComponent(a.value);
      } catch {
        return a.value;
      }
    }),
  );
  return `${container.textContent ?? ''}\n${attributes.join('\n')}`;
}

function expectNothingPersonal(container: HTMLElement, where: string): void {
  const seen = visible(container);
  expect(seen, where).not.toMatch(MOBILE);
  const leaked = secrets.filter((s) => seen.includes(s));
  expect(leaked, where).toEqual([]);
}

beforeEach(() => useStore.setState({ ...initial, dataset: sample, status: 'ready', mode: 'resident' }, true));
afterEach(() => vi.useRealTimers());

describe('the full sample holds personal data', () => {
  it('has names and phones of 60 volunteers and grid staff, and 125 request texts', () => {
    expect(sample.volunteers.features.filter((v) => v.properties.name && v.properties.phone)).toHaveLength(60);
    expect(sample.requests.features.filter((r) => r.properties.description)).toHaveLength(125);
    expect(secrets.length).toBeGreaterThan(300);
    expect(secrets.some((s) => MOBILE.test(s))).toBe(true);
  });
});

describe('no personal data in the resident view', () => {
  it('renders the whole resident app with a compound chosen and shows no name, phone or request text', () => {
    useStore.getState().selectCompound(sample.compounds.features[0]!.properties.id);
    const { container } = render(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expectNothingPersonal(container, 'resident app');
  });

  it('opens the info card of every community, grid, gate and facility: staff stay hidden', () => {
    const { container } = render(<App />);
    const pick = useStore.getState().pick;
    const all = [
      ...sample.grids.features.map((g) => ({ kind: 'grid' as const, id: g.properties.id })),
      ...sample.gates.features.slice(0, 20).map((g) => ({ kind: 'gate' as const, id: g.properties.id })),
      ...sample.facilities.features.map((f) => ({ kind: 'facility' as const, id: f.properties.id })),
      ...sample.compounds.features.slice(0, 20).map((c) => ({ kind: 'compound' as const, id: c.properties.id })),
    ];
    for (const picked of all) {
      act(() => pick(picked));
      const card = container.querySelector<HTMLElement>('.info-card');
      expect(card, `${picked.kind} ${picked.id}`).not.toBeNull();
      expectNothingPersonal(card!, `${picked.kind} ${picked.id}`);
    }
    expectNothingPersonal(container, 'resident app after every card');
  }, 30_000);

  it('keeps the share dialog and the printable card free of personal data', () => {
    useStore.getState().selectCompound(sample.compounds.features[3]!.properties.id);
    const { container } = render(<App />);
    fireEvent.click(screen.getByRole('button', { name: /分享/ }));
    expectNothingPersonal(document.body, 'share dialog');
    expectNothingPersonal(container, 'resident app with dialog');
  });

  it('in English too', () => {
    useStore.setState({ lang: 'en' });
    useStore.getState().selectCompound(sample.compounds.features[5]!.properties.id);
    const { container } = render(<App />);
    expectNothingPersonal(container, 'resident app, English');
  });
});

describe('no personal data on the hall screen', () => {
  it('walks every slide with the full sample', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-02T09:00:00+08:00'));
    showOnHall(sample, 'overview,communities,spotlight.canteen,gaps,volunteers,requests');
    const { container } = render(<HallScreen />);
    const slides = useStore.getState().hallSlides;
    expect(slides.length).toBeGreaterThan(0);
    for (const slide of slides) {
      await advance(10);
      expectNothingPersonal(container, `hall ${slide.key}`);
      fireEvent.keyDown(window, { key: 'ArrowRight' });
    }
  });
});

describe('the map of the public views draws no volunteers and no requests', () => {
  it('offers no coverage or requests layer outside the volunteers view', () => {
    for (const mode of ['resident', 'hall'] as const) {
      expect(MODE_LAYER_GROUPS[mode]).not.toContain('coverage');
      expect(MODE_LAYER_GROUPS[mode]).not.toContain('requests');
    }
    expect(MODE_LAYER_GROUPS.volunteers).toEqual(expect.arrayContaining(['coverage', 'requests']));
  });

  /** A stand-in map that records what the overlay hands it. */
  function recordingMap() {
    const data = new Map<string, { features: unknown[] }>();
    const visibility = new Map<string, string>();
    const map = {
      addSource: (id: string) => data.set(id, { features: [] }),
      addLayer: (layer: { id: string; layout?: { visibility?: string } }) => visibility.set(layer.id, layer.layout?.visibility ?? 'visible'),
      on: () => {},
      getSource: (id: string) => ({ setData: (fc: { features: unknown[] }) => data.set(id, fc), getClusterExpansionZoom: async () => 0 }),
      setLayoutProperty: (id: string, _: string, value: string) => visibility.set(id, value),
      setFilter: () => {},
    };
    return { map: map as unknown as Parameters<typeof volunteersOverlay.apply>[0], data, visibility };
  }

  it('draws requests, coverage and volunteers in volunteers mode only', () => {
    const drawn = (mode: AppState['mode']) => {
      const { map, data, visibility } = recordingMap();
      const state: AppState = { ...useStore.getState(), mode, coverage: null };
      volunteersOverlay.apply(map, state, null);
      const features = [...data.values()].reduce((n, fc) => n + fc.features.length, 0);
      const shown = [...visibility.entries()].filter(([, v]) => v === 'visible').map(([id]) => id);
      return { features, shown, requests: data.get('vol-requests')?.features.length ?? 0 };
    };
    expect(drawn('resident')).toEqual({ features: 0, shown: [], requests: 0 });
    expect(drawn('hall')).toEqual({ features: 0, shown: [], requests: 0 });
    const volunteers = drawn('volunteers');
    expect(volunteers.requests).toBe(125);
    expect(volunteers.shown).toContain('vol-request-point');
  });

  it('puts no name, phone or text on the map even in volunteers mode', () => {
    const { map, data } = recordingMap();
    volunteersOverlay.apply(map, { ...useStore.getState(), mode: 'volunteers' }, null);
    const json = JSON.stringify([...data.values()]);
    expect(json).not.toMatch(MOBILE);
    expect(secrets.filter((s) => json.includes(s))).toEqual([]);
  });
});
