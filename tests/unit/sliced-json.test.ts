import { describe, expect, it } from 'vitest';
import { parseJsonInSlices } from '../../src/data/slicedJson';
import { Slices } from '../../src/data/slices';

const noWait = () => Promise.resolve();

type Outcome = { value: unknown; written: string } | { error: string };

/** parseJsonInSlices' value (and as written again, which keeps the order of keys), or the message it threw. */
async function outcome(text: string, sliceMs = 0): Promise<Outcome> {
  try {
    const value = await parseJsonInSlices(text, new Slices(noWait, sliceMs));
    return { value, written: JSON.stringify(value) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** JSON.parse's value (and as written again), or the message it threw. */
function expected(text: string): Outcome {
  try {
    const value = JSON.parse(text) as unknown;
    return { value, written: JSON.stringify(value) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A deterministic sequence of numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A FeatureCollection of `count` polygons whose properties hold the things a cut could trip on. */
function collection(count: number): object {
  const features = Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    id: i,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [119.3 + i * 1e-4, 26.06],
          [119.301 + i * 1e-4, 26.06],
          [119.301 + i * 1e-4, 26.061],
          [119.3 + i * 1e-4, 26.06],
        ],
      ],
    },
    properties: {
      id: `c-${i}`,
      name: i % 7 === 0 ? `小区 "}, {" ${i} \\` : `小区${i}`,
      tags: i % 5 === 0 ? [{ a: 1 }, { b: [2, { c: '},{' }] }] : [],
      note: i % 11 === 0 ? null : true,
    },
  }));
  return { type: 'FeatureCollection', name: 'compounds', features, crs: { type: 'name', properties: { name: 'EPSG:4326' } } };
}

describe('parseJsonInSlices (a city file parsed on the page without one long task)', () => {
  it('gives what JSON.parse gives, compact or indented, large or small, cut into runs or not', async () => {
    const texts = [
      JSON.stringify(collection(2_000)),
      JSON.stringify(collection(2_000), null, 2),
      JSON.stringify(collection(2_000), null, '\t').replace(/\n/g, '\r\n'),
      JSON.stringify(collection(3)),
      '{"type":"FeatureCollection","features":[]}',
      ' { "features" : [ ] , "type" : "FeatureCollection" } ',
      '{"feat\\u0075res":[{"a":1},{"b":"\\\\"},{"c":"\\"}, {"}],"x":[{"y":1},{"z":2}]}',
      '{"features":[1,"two",[3],{"four":4},null,true,-5e3]}',
      '{"features":[{"a":[{"b":1},{"c":2}]},{"d":3}]}',
      '{"type":"FeatureCollection"}',
      '{"features":{"not":"an array"}}',
      '{}',
      '[{"a":1},{"b":2}]',
      '"features"',
      '42',
    ];
    for (const text of texts) expect(await outcome(text), text.slice(0, 80)).toEqual(expected(text));
  });

  it('keeps the last of two features members, as JSON.parse does', async () => {
    const text = '{"features":[{"a":1},{"b":2}],"type":"FeatureCollection","features":[{"c":3}]}';
    expect(await outcome(text)).toEqual(expected(text));
    expect(await outcome(text)).toMatchObject({ value: { features: [{ c: 3 }], type: 'FeatureCollection' } });
  });

  it('throws JSON.parse’s own error, with its position, for invalid JSON anywhere', async () => {
    const good = JSON.stringify(collection(400));
    const broken = [
      good.replace('},{"type":"Feature","id":200', '}{"type":"Feature","id":200'),
      good.replace('},{"type":"Feature","id":399', '},,{"type":"Feature","id":399'),
      good.replace('}}],"crs"', '}},],"crs"'),
      good.slice(0, -1),
      `${good} x`,
      good.replace('"c-300"', '"c-300'),
      good.replace('},{"type":"Feature","id":100', '}\u00a0,{"type":"Feature","id":100'),
      good.replace('"features":[', '"features":[['),
      good.replace('"name":"compounds"', '"name" "compounds"'),
    ];
    for (const text of broken) {
      expect(text).not.toBe(good);
      const result = await outcome(text);
      expect(result).toEqual(expected(text));
      expect(result).toHaveProperty('error', expect.stringMatching(/position|JSON/));
    }
  });

  it('agrees with JSON.parse on hundreds of one-character corruptions of a collection', async () => {
    const good = JSON.stringify(collection(600));
    const next = random(14);
    const marks = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '0', 'a'];
    let invalid = 0;
    for (let i = 0; i < 200; i++) {
      const at = Math.floor(next() * good.length);
      const mark = marks[Math.floor(next() * marks.length)] as string;
      const kind = Math.floor(next() * 3);
      const text = good.slice(0, at) + (kind === 0 ? '' : mark) + good.slice(kind === 1 ? at : at + 1);
      const wanted = expected(text);
      if ('error' in wanted) invalid++;
      expect(await outcome(text), `change ${i} at ${at}`).toEqual(wanted);
    }
    // Both kinds are tried: changes that break the file, and changes it still parses with.
    expect(invalid).toBeGreaterThan(50);
    expect(200 - invalid).toBeGreaterThan(50);
  });

  it('pauses between slices, going on in the slice it was given', async () => {
    const text = JSON.stringify(collection(2_000));
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    // Slices of 0 ms: a pause before each run of features.
    expect(await parseJsonInSlices(text, new Slices(pause, 0))).toEqual(JSON.parse(text));
    expect(pauses).toBeGreaterThan(text.length / (64 * 1024) - 1);
    // Slices of a minute, begun now: no pause; begun two minutes ago: one, at the first look,
    // and the slice it began is left to whatever comes next.
    pauses = 0;
    await parseJsonInSlices(text, new Slices(pause, 60_000));
    expect(pauses).toBe(0);
    const late = new Slices(pause, 60_000, performance.now() - 120_000);
    expect(await parseJsonInSlices(text, late)).toEqual(JSON.parse(text));
    expect(pauses).toBe(1);
    expect(late.over).toBe(false);
  });
});
