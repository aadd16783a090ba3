import type { FastifyInstance } from 'fastify';
import { gridFigures } from '../../domain/buildings/figures';
import { requireStaff } from '../auth/sessions';
import { buildingsOf } from '../buildings';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import { scopeFilter } from '../scope';
import { ledgerTiming } from '../timing';
import { wishInScope } from '../wishes/scope';

const name = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;
const publicBuilding = { type: 'object', properties: { id: { type: 'string' }, name, compound_id: { type: 'string' } } } as const;
const listReply = { type: 'object', properties: { buildings: { type: 'array', items: publicBuilding } } } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;

/**
 * Buildings (楼栋): their names for the QR posters and the intake page (public, from
 * buildings.geojson, which is public anyway), and for workers the figures of their grids and
 * buildings and the buildings' contacts (staff-only personal data, only in the worker's scope).
 */
export async function buildingRoutes(app: FastifyInstance, ctx: ServerContext) {
  const buildings = () => buildingsOf(ctx);
  // Bad entries of the contacts file are left out; say which, once, when the server starts.
  for (const p of buildings().problems) app.log.warn(`${p.file}${p.id ? ` ${p.id}` : p.index !== undefined ? ` #${p.index}` : ''}: ${p.message}`);

  // The reply schema keeps anything but id, names and compound out, whatever the data holds.
  app.get<{ Querystring: { compound?: string } }>(
    '/api/intake/buildings',
    {
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: { compound: { type: 'string', maxLength: 100 } } },
        response: { 200: listReply },
      },
    },
    async (request) => {
      const { compound } = request.query;
      if (compound !== undefined && !ctx.places.hasCompound(compound)) throw new HttpError(404, `no compound ${JSON.stringify(compound)}`);
      const features = (ctx.dataset.buildings?.features ?? []).filter((b) => compound === undefined || b.properties.compound_id === compound);
      return {
        buildings: features.map(({ properties: p }) => ({
          id: p.id,
          name: { zh: p.name ?? p.id, en: p.name_en ?? p.name ?? p.id },
          compound_id: p.compound_id,
        })),
      };
    },
  );

  /** Per grid and per building in the worker's scope: open requests, overdue, open wishes, elders; with the buildings' contacts. */
  app.get('/api/staff/grid-figures', async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: false });
    if (user.role === 'volunteer')
      throw new HttpError(403, 'grid and building figures are for workers; a volunteer sees the requests and wishes given to them');
    const registry = buildings();
    const grids = registry.gridsFor(user);
    const gridIds = new Set(grids.map((g) => g.id));
    const now = ctx.now();
    const requests = ctx.store
      .listRequests({ ...scopeFilter(user), status: 'open' })
      .filter((r) => r.gridId !== null && gridIds.has(r.gridId))
      .map((r) => ({ open: true, overdue: ledgerTiming(r, now, ctx).overdue, gridId: r.gridId, buildingId: r.buildingId ?? null }));
    const wishes = ctx.store.wishes
      .list({ states: ['open', 'claimed'] })
      .filter((w) => wishInScope(user, w))
      .map((w) => ({ open: true, gridId: w.gridId, buildingId: w.buildingId ?? null }));
    const inGrids = [...registry.byId.values()].filter((b) => b.gridId !== null && gridIds.has(b.gridId));
    const figures = gridFigures(grids, inGrids, requests, wishes).map((g) => ({
      ...g,
      buildings: g.buildings.map((b) => ({ ...b, contacts: registry.contactsOf(b.id) })),
    }));
    reply.header('Cache-Control', 'private, no-store');
    return { grids: figures, asOf: now.toISOString() };
  });

  /** One building's contacts (楼栋党小组 leader, 党员中心户), for a worker whose scope holds it. */
  app.get<{ Params: { id: string } }>('/api/staff/buildings/:id/contacts', { schema: { params: idParams } }, async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: false });
    const registry = buildings();
    const building = registry.get(request.params.id);
    if (!building || !registry.inScope(user, building.id)) throw new HttpError(404, `no building ${JSON.stringify(request.params.id)} in your scope`);
    reply.header('Cache-Control', 'private, no-store');
    return {
      building: { id: building.id, name: building.name, compoundId: building.compoundId, compoundName: building.compoundName },
      contacts: registry.contactsOf(building.id),
    };
  });
}
