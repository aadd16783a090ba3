/** Wording shared by every problem message: what was found, and where a JSON parse failed. */

const MAX_TEXT = 40;

/** A short, readable rendering of a value for "found …" in a problem message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const text = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
  return `a ${typeof value === 'object' ? 'JSON object' : typeof value}`;
}

/** A position rendered for a message: `[119.33, 26.09]`, or a description when it is not one. */
export function describePosition(position: unknown): string {
  if (!Array.isArray(position)) return describeValue(position);
  return `[${position.map((v) => (typeof v === 'number' ? String(v) : describeValue(v))).join(', ')}]`;
}

/**
 * The parser's message plus line and column. V8 reports "at position N" for most errors
 * (newer versions add the line themselves); we add "(line L, column C)" when it did not.
 */
export function jsonErrorMessage(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(message);
  if (!match || /line \d+/.test(message)) return message;
  const position = Number(match[1]);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${message} (line ${line}, column ${position - lineStart + 1})`;
}
