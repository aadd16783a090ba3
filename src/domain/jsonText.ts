/** A file's text without its byte-order mark: common in files saved by Windows tools, and not JSON. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `JSON.parse` of a file's text, whether or not it starts with a byte-order mark. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(withoutBom(text));
}
