import type { Slices } from './slices';

/** The elements parsed one by one between two looks at the clock. */
const ELEMENTS_PER_LOOK = 32;

/** About how much of the features array one JSON.parse takes at once (a few milliseconds on a phone). */
const CHUNK_CHARS = 64 * 1024;

/** Where one object of an array ends and the next begins: a place to cut the features array. */
const OBJECTS_BOUNDARY = /\}[ \t\n\r]*,[ \t\n\r]*\{/g;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * `JSON.parse(text)`, in `slices`: on the page, a
 * city's compounds file (1.3 MB) took one task of 30 to 87 ms to parse. The `features` array of
 * a top-level object (a GeoJSON FeatureCollection) is parsed a run of elements at a time, cut
 * where one object ends and the next begins (a cut inside an element does not parse, and the
 * rest of the array is then cut by a scan that follows strings and brackets, element by
 * element); the rest of the object is parsed with an empty array in the array's place. The
 * value is the same as JSON.parse's. Whenever the text is not as expected (not an object, no
 * `features` array, two of them, invalid JSON anywhere), the whole text is parsed at once
 * instead, so that invalid JSON throws JSON.parse's own error, with its position.
 */
export async function parseJsonInSlices(text: string, slices: Slices): Promise<unknown> {
  const whole = (): unknown => JSON.parse(text);
  let at = skipSpace(text, 0);
  if (text.charCodeAt(at) !== OPEN_BRACE) return whole();
  at = skipSpace(text, at + 1);
  let features: { start: number; end: number; elements: unknown[] } | null = null;
  // The object's members, one by one; the features array's elements, in slices.
  for (;;) {
    if (text.charCodeAt(at) !== QUOTE) return whole();
    const keyEnd = stringEnd(text, at);
    const key = keyEnd < 0 ? undefined : parsedOrUndefined(text.slice(at, keyEnd));
    if (key === undefined) return whole();
    at = skipSpace(text, keyEnd);
    if (text.charCodeAt(at) !== COLON) return whole();
    at = skipSpace(text, at + 1);
    let end: number;
    if (key === 'features' && !features && text.charCodeAt(at) === OPEN_BRACKET) {
      const start = at;
      const elements: unknown[] = [];
      at = skipSpace(text, at + 1);
      // Most of the array: runs of whole elements, each parsed by one JSON.parse (cut where an
      // object ends and the next begins); a cut that lands inside an element does not parse.
      for (;;) {
        if (slices.over) await slices.next();
        OBJECTS_BOUNDARY.lastIndex = at + CHUNK_CHARS;
        const boundary = OBJECTS_BOUNDARY.exec(text);
        const run = boundary ? parsedOrUndefined(`[${text.slice(at, boundary.index + 1)}]`) : undefined;
        if (!boundary || !Array.isArray(run)) break;
        for (const element of run) elements.push(element);
        at = boundary.index + boundary[0].length - 1;
      }
      // The rest (the last run, or all of an array that cannot be cut so), element by element.
      if (text.charCodeAt(at) !== CLOSE_BRACKET) {
        for (let n = 1; ; n++) {
          if (n % ELEMENTS_PER_LOOK === 0 && slices.over) await slices.next();
          const elementEnd = valueEnd(text, at);
          const element = elementEnd < 0 ? undefined : parsedOrUndefined(text.slice(at, elementEnd));
          if (element === undefined) return whole();
          elements.push(element);
          at = skipSpace(text, elementEnd);
          if (text.charCodeAt(at) === CLOSE_BRACKET) break;
          if (text.charCodeAt(at) !== COMMA) return whole();
          at = skipSpace(text, at + 1);
        }
      }
      end = at + 1;
      features = { start, end, elements };
    } else {
      // Another member (or a second `features`, which JSON.parse would keep instead of the first).
      if (key === 'features') return whole();
      end = valueEnd(text, at);
      if (end < 0) return whole();
    }
    at = skipSpace(text, end);
    if (text.charCodeAt(at) === CLOSE_BRACE) break;
    if (text.charCodeAt(at) !== COMMA) return whole();
    at = skipSpace(text, at + 1);
  }
  if (!features || skipSpace(text, at + 1) !== text.length) return whole();
  const rest = parsedOrUndefined(`${text.slice(0, features.start)}[]${text.slice(features.end)}`);
  if (rest === undefined) return whole();
  (rest as { features: unknown[] }).features = features.elements;
  return rest;
}

/** JSON.parse(text), or undefined when it throws (JSON has no undefined: it cannot be a value). */
function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The index just after the JSON value starting at `at` (not checked inside: JSON.parse does that), or -1. */
function valueEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return stringEnd(text, at);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const end = stringEnd(text, i);
        if (end < 0) return -1;
        i = end - 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--depth === 0) return i + 1;
      }
    }
    return -1;
  }
  // A number, true, false or null: up to the next separator or space.
  let i = at;
  while (i < text.length && !isSeparator(text.charCodeAt(i))) i++;
  return i > at ? i : -1;
}

/** The index just after the string whose opening quote is at `at`, or -1 when it is not closed. */
function stringEnd(text: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

function isSeparator(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || isSpace(c);
}

/** JSON's whitespace (RFC 8259 §2). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}
