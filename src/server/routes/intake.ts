import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream, existsSync } from 'node:fs';
import { findApiKey } from '../auth/apiKeys';
import { authOf, requireStaff as requireStaffSession } from '../auth/sessions';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import { fileRoutes } from '../intake/file';
import { pageRoutes } from '../intake/pages';
import { publicInfoRoutes } from '../intake/publicInfo';
import { trackRoutes } from '../intake/track';
import { intakeWishRoutes } from '../intake/wish';
import { PHOTO_HASH, photoFile } from '../photos';
import { scopeFilter } from '../scope';

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
  await intakeWishRoutes(app, ctx, exempt);
  await trackRoutes(app, ctx);
  await pageRoutes(app, ctx);

  /** A report's photo, by content hash, for staff whose scope holds a request showing it. */
  // The name is checked (schema) before anything else, so no path trick reaches the disk.
  const params = { type: 'object', properties: { hash: { type: 'string', pattern: PHOTO_HASH.source } } } as const;
  app.get<{ Params: { hash: string } }>('/api/photos/:hash', { schema: { params }, preHandler: requireStaff(ctx) }, async (request, reply: FastifyReply) => {
    const file = photoFile(ctx.config.photoDir, request.params.hash);
    if (!file) throw new HttpError(400, 'a photo is named by the 64 hex digits of its SHA-256');
    if (!ctx.store.getPhoto(request.params.hash) || !existsSync(file)) throw new HttpError(404, 'no such photo');
    // Not kept in a shared browser's cache after the staff member logs out.
    reply.header('Cache-Control', 'private, no-store');
    return reply.type('image/jpeg').send(createReadStream(file));
  });
}

/** Logged-in staff (any role): they file on behalf of residents and are not limited. */
function isStaff(request: FastifyRequest, ctx: ServerContext): boolean {
  return authOf(ctx).sessionOf(request) !== null;
}

/**
 * Photos can show faces, homes and door numbers: only staff see them, and only photos of
 * requests in their own scope (the same 404 as for a photo that does not exist otherwise).
 */
function requireStaff(ctx: ServerContext) {
  return async (request: FastifyRequest<{ Params: { hash: string } }>) => {
    const { user } = requireStaffSession(ctx, request, { write: false });
    if (ctx.store.listRequests({ ...scopeFilter(user), mediaHash: request.params.hash, limit: 1 }).length === 0)
      throw new HttpError(404, 'no such photo in your scope');
  };
}
