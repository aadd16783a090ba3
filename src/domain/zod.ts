import { z } from 'zod';

/**
 * zod, without its JIT: the JIT first probes `Function('')`, and the server's
 * Content-Security-Policy (no eval) makes the browser report that probe as a violation in the
 * page and in every worker. Every module imports zod from here, so the setting is made before
 * any schema runs, in each bundle.
 */
z.config({ jitless: true });

export { z };
