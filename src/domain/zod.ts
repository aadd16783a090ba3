import { z } from 'zod';

/**
 * zod, without its JIT: the JIT first probes `Function('')`, and the server's
 * Content-Security-Policy (no eval) makes the browser report that probe as a violation in the
 * page and in every worker. Every module imports zod from here, so the setting is made before
 * any schema runs, in each bundle.
 */
z.config({ jitless: true });

export { z };

/**
 * A schema made the first time it is asked for, not as its module loads: on the page, the
 * loader's schemas, made as its code was loaded, held that task past 50 ms.
 */
export function lazySchema<T>(make: () => T): () => T {
  let made: { schema: T } | null = null;
  return () => (made ??= { schema: make() }).schema;
}
