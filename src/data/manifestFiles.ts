/**
 * What can be read from a manifest before, or without, validating it (no schema library
 * here: a shared link's first answer uses this before the loader has arrived).
 */

/** A dataset's wall-clock time zone when its manifest names none (DATA-CONTRACT.md). */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** `x.geojson` and `x.json` name the same contract file (DATA-CONTRACT.md allows either). */
function stem(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\.(geo)?json$/, '');
}

/**
 * The files a manifest says its dataset has (`"files": [...]`), or null when it does not
 * say (older datasets): then every optional file is tried. Reads the raw parsed JSON, so
 * it can be asked before, or without, validating the rest of the manifest.
 */
export function listedFiles(raw: unknown): ReadonlySet<string> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const files = (raw as { files?: unknown }).files;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string' && f.trim() !== '')) return null;
  return new Set((files as string[]).map(stem));
}

/** Whether `file` is in a manifest's list; every file is, when there is no list. */
export function isListed(listed: ReadonlySet<string> | null, file: string): boolean {
  return listed === null || listed.has(stem(file));
}
