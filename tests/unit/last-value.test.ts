import { describe, expect, it } from 'vitest';
import { lastValue } from '../../src/domain/lastValue';

describe('lastValue', () => {
  it('gives the same value while every input is the same (===), and makes it again when one changes', () => {
    const of = lastValue<{ n: number }>();
    let made = 0;
    const make = (n: number) => () => ({ n: (made++, n) });
    const a = {};
    const first = of([a, 1], make(1));
    expect(of([a, 1], make(2))).toBe(first);
    expect(made).toBe(1);
    expect(of([{}, 1], make(3))).toEqual({ n: 3 });
    expect(of([{}, 1], make(4)), 'an equal but new object is another input').toEqual({ n: 4 });
    expect(of([a, 1, 2], make(5)), 'more inputs').toEqual({ n: 5 });
    expect(made).toBe(4);
  });
});
