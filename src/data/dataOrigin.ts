/**
 * Where a `?data=` dataset comes from, and whether this deployment lets it be shown. A link
 * to an official deployment must not show another host's clinics, phones and QR codes under
 * the deployment's name: datasets load from the app's own origin, and from another origin
 * only when the deployment lists it in `config.json` (`"dataOrigins": ["https://…"]`, next to
 * index.html). Whatever is not the deployment's default dataset is announced with its host.
 */

export interface DataSourceInfo {
  /** The dataset directory as an absolute URL. */
  url: string;
  /** Its host (with port), as shown to people. */
  host: string;
  /** On another origin than the app. */
  foreign: boolean;
  /** The deployment's own default dataset. */
  isDefault: boolean;
}

export function describeSource(path: string, pageHref: string, defaultPath: string): DataSourceInfo {
  const dir = (p: string) => new URL(p.endsWith('/') ? p : `${p}/`, pageHref);
  const url = dir(path);
  const page = new URL(pageHref);
  return { url: url.href, host: url.host, foreign: url.origin !== page.origin, isDefault: url.href === dir(defaultPath).href };
}

/** Origins (scheme://host[:port]) a deployment's config.json allows; anything unusable gives none. */
export function parseDataOrigins(raw: unknown): string[] {
  const list = typeof raw === 'object' && raw !== null ? (raw as { dataOrigins?: unknown }).dataOrigins : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    if (typeof entry !== 'string') return [];
    try {
      const origin = new URL(entry).origin;
      return origin === 'null' ? [] : [origin];
    } catch {
      return [];
    }
  });
}

let configured: Promise<string[]> | null = null;

/** The deployment's allowed data origins (config.json beside the app; read once). */
export function allowedDataOrigins(fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<string[]> {
  configured ??= fetchImpl('config.json', { headers: { Accept: 'application/json' } })
    .then(async (response) => (response.ok && !response.headers.get('content-type')?.includes('text/html') ? parseDataOrigins(await response.json()) : []))
    .catch(() => []);
  return configured;
}

/** Whether the dataset at `info` may be loaded: always from the app's origin, else if listed. */
export async function sourceAllowed(info: DataSourceInfo, fetchImpl?: typeof fetch): Promise<boolean> {
  if (!info.foreign) return true;
  return (await allowedDataOrigins(fetchImpl)).includes(new URL(info.url).origin);
}

/** For tests: forget the configuration read. */
export function resetDataOrigins(): void {
  configured = null;
}
