import { describe, expect, it } from 'vitest';
import { areaBuffers, packAreas, unpackAreas, type Area } from '../../src/data/packedAreas';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

const areas: Area[] = [
  {
    type: 'Feature',
    properties: { id: 'c-1', name: '耀隆宿舍', name_en: 'Yaolong', population: 820, elderly60: 200 },
    geometry: { type: 'Polygon', coordinates: [square(119.3, 26.08, 0.002), square(119.3005, 26.0805, 0.0005)] },
  },
  {
    type: 'Feature',
    properties: { id: 'c-2', name: '两块地', population: 300 },
    geometry: { type: 'MultiPolygon', coordinates: [[square(119.31, 26.08, 0.001)], [square(119.32, 26.08, 0.001), square(119.3203, 26.0803, 0.0002)]] },
  },
  { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [square(119.33, 26.09, 0.001)] } },
];

describe('packed areas (the compounds sent to the tile worker)', () => {
  it('keep every ring of polygons and multipolygons, holes included, and only the properties asked for', () => {
    const packed = packAreas(areas, ['id', 'name', 'name_en']);
    expect(packed.areaEnds).toHaveLength(3);
    expect(Array.from(packed.multi)).toEqual([0, 1, 0]);
    expect(packed.ringEnds).toHaveLength(6);
    expect(packed.coords).toHaveLength(6 * 5 * 2);
    const back = unpackAreas(packed);
    expect(back.map((a) => a.geometry)).toEqual(areas.map((a) => a.geometry));
    expect(back.map((a) => a.properties)).toEqual([{ id: 'c-1', name: '耀隆宿舍', name_en: 'Yaolong' }, { id: 'c-2', name: '两块地' }, {}]);
  });

  it('keep every property when asked for no keys (the compounds sent to the walking session)', () => {
    const back = unpackAreas(packAreas(areas, null));
    expect(back.map((a) => a.properties)).toEqual([areas[0]!.properties, areas[1]!.properties, {}]);
    expect(back.map((a) => a.geometry)).toEqual(areas.map((a) => a.geometry));
  });

  it('carry extra properties by area id (the planner colours baked into the tiles)', () => {
    const extra = new Map([['c-2', { unmetStep: 3, underServed: true }]]);
    const back = unpackAreas(packAreas(areas, ['id', 'name'], extra));
    expect(back.map((a) => a.properties)).toEqual([{ id: 'c-1', name: '耀隆宿舍' }, { id: 'c-2', name: '两块地', unmetStep: 3, underServed: true }, {}]);
  });

  it('drop an altitude, pack nothing from no areas, and move their buffers whole', () => {
    const high: Area = {
      type: 'Feature',
      properties: { id: 'h' },
      geometry: { type: 'Polygon', coordinates: [square(119.3, 26.08, 0.001).map(([x, y]) => [x!, y!, 12])] },
    };
    expect(unpackAreas(packAreas([high], ['id']))[0]!.geometry.coordinates).toEqual([square(119.3, 26.08, 0.001)]);
    const none = packAreas([], ['id']);
    expect(unpackAreas(none)).toEqual([]);
    const packed = packAreas(areas, ['id']);
    const buffers = areaBuffers(packed);
    expect(buffers).toHaveLength(5);
    expect(new Set(buffers).size).toBe(5);
    const { port1 } = new MessageChannel();
    port1.postMessage(packed, buffers);
    port1.close();
    expect(packed.coords.length, 'moved, not copied').toBe(0);
  });
});
