import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATEGORIES } from '../../src/domain/taxonomy';
import type * as IconDrawing from '../../src/map/iconDrawing';
import type { CategoryIcon } from '../../src/map/iconDrawing';
import type * as Icons from '../../src/map/icons';

/** A stand-in for the icons worker: answers when the test says so. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  asked = 0;
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(): void {
    this.asked++;
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(icons: CategoryIcon[]): void {
    this.onmessage?.({ data: { icons } });
  }
}

/** A map that records the images it is given. */
function fakeMap() {
  const images = new Map<string, { width: number; data: ArrayLike<number> }>();
  const updated: string[] = [];
  const handlers: (() => void)[] = [];
  const map = {
    hasImage: (id: string) => images.has(id),
    addImage: (id: string, image: { width: number; data: ArrayLike<number> }) => images.set(id, image),
    updateImage: (id: string, image: { width: number; data: ArrayLike<number> }) => {
      images.set(id, image);
      updated.push(id);
    },
    once: (type: string, handler: () => void) => {
      if (type === 'remove') handlers.push(handler);
    },
  };
  return {
    map: map as unknown as Parameters<typeof Icons.addCategoryIcons>[0],
    images,
    updated,
    remove: () => handlers.forEach((h) => h()),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  FakeWorker.made = [];
});

describe('category icons', () => {
  it('are drawn once, in a worker; a map that loads first gets blank icons of the same size, then the drawn ones', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('OffscreenCanvas', class {});
    const { addCategoryIcons, drawIconsSoon } = await import('../../src/map/icons');
    const { ICON_SIZE } = await import('../../src/map/iconDrawing');
    const { iconId } = await import('../../src/map/layers/points');
    const drawing = drawIconsSoon();
    expect(drawIconsSoon(), 'asked again, the same drawing').toBe(drawing);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.asked).toBe(1);

    const early = fakeMap();
    const gone = fakeMap();
    addCategoryIcons(early.map);
    addCategoryIcons(gone.map);
    gone.remove();
    expect([...early.images.keys()].sort()).toEqual(CATEGORIES.map((c) => iconId(c.id)).sort());
    expect([...early.images.values()].every((image) => image.width === ICON_SIZE && Array.prototype.every.call(image.data, (v: number) => v === 0))).toBe(true);

    const icons = CATEGORIES.map((c) => ({
      id: iconId(c.id),
      width: ICON_SIZE,
      height: ICON_SIZE,
      data: new Uint8ClampedArray(ICON_SIZE * ICON_SIZE * 4).fill(200),
    }));
    FakeWorker.made[0]!.answer(icons);
    await drawing;
    await Promise.resolve();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(early.updated.sort()).toEqual(icons.map((i) => i.id).sort());
    expect(early.images.get(icons[0]!.id)!.data).toBe(icons[0]!.data);
    // A map removed before the icons came is left alone.
    expect(gone.updated).toEqual([]);
    // A map made later gets the drawn icons at once, and no worker is started again.
    const late = fakeMap();
    addCategoryIcons(late.map);
    expect(late.images.get(icons[3]!.id)!.data).toBe(icons[3]!.data);
    expect(late.updated).toEqual([]);
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('are drawn on the page when the worker cannot draw them', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('OffscreenCanvas', class {});
    const drawn: string[] = [];
    vi.doMock('../../src/map/iconDrawing', async (original) => ({
      ...(await original<typeof IconDrawing>()),
      drawCategoryIcons: () => {
        drawn.push('page');
        return [{ id: 'icon-x', width: 1, height: 1, data: new Uint8ClampedArray(4) }];
      },
    }));
    vi.stubGlobal('document', { createElement: () => ({ getContext: () => ({}) }) });
    const { drawIconsSoon } = await import('../../src/map/icons');
    const drawing = drawIconsSoon();
    // The worker's own answer that it could not draw (no 2d context on its canvas).
    FakeWorker.made[0]!.onmessage?.({ data: { error: 'no 2d context on an OffscreenCanvas' } });
    expect(await drawing).toEqual([{ id: 'icon-x', width: 1, height: 1, data: new Uint8ClampedArray(4) }]);
    expect(drawn).toEqual(['page']);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });
});
