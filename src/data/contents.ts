/**
 * A file as read: its text, or the file itself, unread, as a Blob. A browser leaves the walking
 * network a Blob (a fetched body or a picked file): the walking session reads and decodes it,
 * so that the page never holds, copies or decodes a city's largest file (a Blob is posted to
 * a worker as a handle, and a fetched one is kept outside the page's heap).
 */
export type FileContents = string | Blob;

/** The text of a file as read; a Blob is decoded as UTF-8, without its byte-order mark (as `Response.text()` does). */
export function textOf(contents: FileContents): Promise<string> {
  return typeof contents === 'string' ? Promise.resolve(contents) : contents.text();
}

/** How long the file is: characters of a text, bytes of a Blob (about the same for JSON). */
export function sizeOf(contents: FileContents): number {
  return typeof contents === 'string' ? contents.length : contents.size;
}
