import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ServerContext } from '../context';
import { sendError } from '../errors';

/** Paths that belong to the API: never answered with the app's index.html. */
const API_PREFIXES = ['/api/', '/open311/'];

/**
 * The built app (precompressed .br/.gz chosen by Accept-Encoding), the dataset files, and
 * the single-page fallback. Hashed assets are cached for a year; everything else revalidates.
 */
export async function staticRoutes(app: FastifyInstance, ctx: ServerContext) {
  const datasetName = basename(ctx.config.dataDir);
  await app.register(fastifyStatic, {
    root: ctx.config.dataDir,
    prefix: `/data/${datasetName}/`,
    decorateReply: !ctx.config.distDir,
    preCompressed: false,
    cacheControl: false,
    setHeaders: (reply) => reply.header('Cache-Control', 'no-cache'),
  });
  const dist = ctx.config.distDir;
  if (dist && existsSync(join(dist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      preCompressed: true,
      cacheControl: false,
      index: ['index.html'],
      setHeaders: (reply, path) => {
        const immutable = /[\\/]assets[\\/]/.test(path);
        reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (API_PREFIXES.some((p) => path.startsWith(p)) || request.method !== 'GET' || !dist || /\.[a-z0-9]+$/i.test(path)) {
      return sendError(request, reply, 404, `nothing at ${request.method} ${path}`);
    }
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html', dist);
  });
}
