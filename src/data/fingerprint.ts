/**
 * A fingerprint of a file's text: two independent 32-bit FNV-1a lanes over its UTF-16 code
 * units, and its length. The same text read by Node (the `analyze` CLI) and by a browser
 * (fetch().text()) gives the same value, so a shipped report can say which files it was
 * computed from, and a reader can tell a stale or foreign report from a current one.
 * Not a cryptographic hash: it guards against mistakes, not against forgery.
 */
export function textFingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ (c + 0x9e37), 0x01000193);
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `fnv1a64:${hex(a)}${hex(b)}:${text.length}`;
}
