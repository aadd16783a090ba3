import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';

/** The resident's pages: the QR intake form, the tracking page, the ballot page and the staff's posters, all one light build input. */
export const REPORT_PAGE_PATHS = ['/report', '/track', '/posters', '/vote'] as const;
export const REPORT_HTML = 'report.html';

/**
 * Answers the intake page's paths with the built report.html (the static routes' fallback
 * would otherwise send the full app's index.html). Read per request: it is a few hundred bytes,
 * and a rebuild shows at once.
 */
export async function pageRoutes(app: FastifyInstance, ctx: ServerContext) {
  for (const path of REPORT_PAGE_PATHS) {
    app.get(path, async (_request, reply) => {
      const dist = ctx.config.distDir;
      if (!dist) throw new HttpError(404, 'this server has no built app (start it with --dist or npm start)');
      let html: string;
      try {
        html = await readFile(join(dist, REPORT_HTML), 'utf8');
      } catch {
        throw new HttpError(404, `the intake page is not built: ${REPORT_HTML} is missing from the build (run npm run build)`);
      }
      return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
    });
  }
}
