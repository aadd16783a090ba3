import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/workers/sessionClient', () => ({ walkingSession: () => ({ settled: () => Promise.resolve() }) }));
const { showTiles } = await import('../../src/map/tiles');

/** A map with one vector source whose tiles load when the test says so. */
function fakeMap() {
  const handlers = new Map<string, Set<(event?: { sourceId: string }) => void>>();
  const source = {
    tiles: ['dataset://0/{z}/{x}/{y}'],
    given: [] as string[],
    setTiles(tiles: string[]) {
      this.tiles = tiles;
      this.given.push(tiles[0]!);
    },
  };
  let loaded = true;
  let present = true;
  const map = {
    getSource: (id: string) => (id === 'compounds' && present ? source : undefined),
    isSourceLoaded: () => loaded,
    on: (type: string, handler: (event?: { sourceId: string }) => void) => {
      if (!handlers.has(type)) handlers.set(type, new Set());
      handlers.get(type)!.add(handler);
    },
    off: (type: string, handler: (event?: { sourceId: string }) => void) => handlers.get(type)?.delete(handler),
  };
  const fire = (type: string, event?: { sourceId: string }) => [...(handlers.get(type) ?? [])].forEach((handler) => handler(event));
  const listening = () => [...handlers.values()].reduce((sum, set) => sum + set.size, 0);
  return {
    map: map as unknown as Parameters<typeof showTiles>[0],
    source,
    fire,
    listening,
    loading: (value: boolean) => (loaded = !value),
    remove: () => (present = false),
  };
}

describe('showTiles', () => {
  it('gives a loaded source its new tiles at once, and nothing when it shows them already', () => {
    const { map, source, listening } = fakeMap();
    showTiles(map, 'compounds', 'dataset://1/{z}/{x}/{y}');
    showTiles(map, 'compounds', 'dataset://1/{z}/{x}/{y}');
    expect(source.given).toEqual(['dataset://1/{z}/{x}/{y}']);
    expect(listening()).toBe(0);
  });

  it('waits while tiles are loading (MapLibre would re-read them from the old data), then gives only the latest URL', () => {
    const { map, source, fire, loading, listening } = fakeMap();
    loading(true);
    showTiles(map, 'compounds', 'dataset://1/{z}/{x}/{y}');
    showTiles(map, 'compounds', 'dataset://2/{z}/{x}/{y}');
    expect(source.given).toEqual([]);
    // Another source's tile, and this source's while tiles still load: nothing yet.
    fire('sourcedata', { sourceId: 'network' });
    fire('sourcedata', { sourceId: 'compounds' });
    expect(source.given).toEqual([]);
    loading(false);
    fire('sourcedata', { sourceId: 'network' });
    expect(source.given).toEqual([]);
    fire('sourcedata', { sourceId: 'compounds' });
    expect(source.given).toEqual(['dataset://2/{z}/{x}/{y}']);
    expect(listening()).toBe(0);
    fire('sourcedata', { sourceId: 'compounds' });
    expect(source.given).toEqual(['dataset://2/{z}/{x}/{y}']);
  });

  it('gives nothing when the URL asked for last is the one shown', () => {
    const { map, source, fire, loading } = fakeMap();
    loading(true);
    showTiles(map, 'compounds', 'dataset://1/{z}/{x}/{y}');
    showTiles(map, 'compounds', 'dataset://0/{z}/{x}/{y}');
    loading(false);
    fire('idle');
    expect(source.given).toEqual([]);
  });

  it('stops waiting when the map goes idle (a failed tile fires no sourcedata) or the source is gone', () => {
    const idle = fakeMap();
    idle.loading(true);
    showTiles(idle.map, 'compounds', 'dataset://3/{z}/{x}/{y}');
    idle.loading(false);
    idle.fire('idle');
    expect(idle.source.given).toEqual(['dataset://3/{z}/{x}/{y}']);
    expect(idle.listening()).toBe(0);

    const gone = fakeMap();
    gone.loading(true);
    showTiles(gone.map, 'compounds', 'dataset://3/{z}/{x}/{y}');
    gone.remove();
    gone.fire('idle');
    expect(gone.source.given).toEqual([]);
    expect(gone.listening()).toBe(0);
  });
});
