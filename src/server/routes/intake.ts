import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream, existsSync } from 'node:fs';
import { findApiKey } from '../auth/apiKeys';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import { fileRoutes } from '../intake/file';
import { pageRoutes } from '../intake/pages';
import { publicInfoRoutes } from '../intake/publicInfo';
import { trackRoutes } from '../intake/track';
import { PHOTO_HASH, photoFile } from '../photos';

/** The API key of a system (hotline, property company), from the header or Open311's `api_key` parameter. */
function apiKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header;
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.api_key === 'string' ? query.api_key : undefined;
}

/**
 * Resident intake (民情二维码): the public JSON the QR page needs, filing a report, tracking it
 * by code and rating it, the photos, and the pages themselves.
 */
export async function intakeRoutes(app: FastifyInstance, ctx: ServerContext) {
  // Anonymous limits brake floods from one phone or at one compound; systems with an API key
  // and logged-in staff file on behalf of many people and are not limited here.
  const exempt = (request: FastifyRequest) => findApiKey(ctx.store, apiKeyOf(request)) !== null || isStaff(request, ctx);
  await publicInfoRoutes(app, ctx);
  await fileRoutes(app, ctx, exempt);
  await trackRoutes(app, ctx);
  await pageRoutes(app, ctx);

  /** A report's photo, by content hash, for staff only. */
  // The name is checked (schema) before anything else, so no path trick reaches the disk.
  const params = { type: 'object', properties: { hash: { type: 'string', pattern: PHOTO_HASH.source } } } as const;
  app.get<{ Params: { hash: string } }>('/api/photos/:hash', { schema: { params }, preHandler: requireStaff(ctx) }, async (request, reply: FastifyReply) => {
    const file = photoFile(ctx.config.photoDir, request.params.hash);
    if (!file) throw new HttpError(400, 'a photo is named by the 64 hex digits of its SHA-256');
    if (!ctx.store.getPhoto(request.params.hash) || !existsSync(file)) throw new HttpError(404, 'no such photo');
    reply.header('Cache-Control', 'private, max-age=86400, immutable');
    return reply.type('image/jpeg').send(createReadStream(file));
  });
}

/**
 * STAFF HOOK: whether the caller is logged-in staff. The staff session module
 * (src/server/auth/) is not on main yet; until it is, nobody counts as staff here.
 */
function isStaff(_request: FastifyRequest, _ctx: ServerContext): boolean {
  return false;
}

/**
 * STAFF HOOK: the preHandler that keeps photos to staff. Until the session module exists,
 * a system's API key is the only way in (photos can show faces and homes: never public).
 */
function requireStaff(ctx: ServerContext) {
  return async (request: FastifyRequest) => {
    if (isStaff(request, ctx) || findApiKey(ctx.store, apiKeyOf(request))) return;
    throw new HttpError(401, 'photos are for community staff: please log in');
  };
}
