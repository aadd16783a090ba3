/**
 * A file as read: its text, or its bytes (UTF-8) where the reader leaves decoding to whoever
 * reads it (the walking network in the browser, which the walking session decodes, so that
 * the page neither decodes nor copies a city's largest file as text).
 */
export type FileContents = string | ArrayBuffer;

/** The text of a file as read; a byte-order mark in bytes is removed by the decoder, as by `Response.text()`. */
export function textOf(contents: FileContents): string {
  return typeof contents === 'string' ? contents : new TextDecoder().decode(contents);
}

/** How long the file is: characters of a text, bytes of bytes (about the same for JSON). */
export function sizeOf(contents: FileContents): number {
  return typeof contents === 'string' ? contents.length : contents.byteLength;
}
