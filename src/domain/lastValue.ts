/**
 * One remembered value, made again only when one of its inputs changes (compared with ===):
 * what a selector needs to give the same object for the same inputs, so whatever compares
 * by identity (the map, React) does nothing when nothing changed.
 */
export function lastValue<T>(): (inputs: readonly unknown[], make: () => T) => T {
  let last: { inputs: readonly unknown[]; value: T } | null = null;
  return (inputs, make) => {
    if (last && last.inputs.length === inputs.length && last.inputs.every((input, i) => input === inputs[i])) return last.value;
    const value = make();
    last = { inputs, value };
    return value;
  };
}
