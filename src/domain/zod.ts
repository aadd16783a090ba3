import { z } from 'zod';

/**
 * zod, without its JIT: the JIT first probes `Function('')`, and the server's
 * Content-Security-Policy (no eval) makes the browser report that probe as a violation in the
 * page and in every worker. Every module imports zod from here, so the setting is made before
 * any schema runs, in each bundle.
 */
z.config({ jitless: true });

export { z };

/** A schema made the first time it is asked for; `made` says whether it has been. */
export interface LazySchema<T> {
  (): T;
  readonly made: boolean;
}

/**
 * A schema made the first time it is asked for, not as its module loads: on the page, the
 * loader's schemas, made as its code was loaded, held that task past 50 ms.
 */
export function lazySchema<T>(make: () => T): LazySchema<T> {
  let made: { schema: T } | null = null;
  const schema = () => (made ??= { schema: make() }).schema;
  return Object.defineProperty(schema, 'made', { get: () => made !== null }) as LazySchema<T>;
}
