import type { FastifyInstance } from 'fastify';
import { REQUEST_STAGES } from '../../domain/dataset';
import { nearbyOpenRequests, NEARBY_RADIUS_M } from '../../domain/intake/nearby';
import { INTAKE_SERVICE_CODES, INTAKE_SERVICE_GLYPH, isIntakeService } from '../../domain/intake/services';
import { compoundPoint, compoundSketch, type CompoundSketch } from '../../domain/intake/sketch';
import { reportEn, reportZh } from '../../i18n/features/report';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import { checkPoint } from './area';

/**
 * What the intake page needs before a resident has typed anything: the compound of the QR
 * code (names, a point, a small drawing), the services to pick from, and open requests of
 * the same kind nearby. Public, so every answer is built from public fields only, and reply
 * schemas drop anything else.
 */

const name = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;
const lonLat = { type: 'array', items: { type: 'number' } } as const;
const communitySchema = { anyOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'string' }, name } }] } as const;
const compoundSummary = { type: 'object', properties: { id: { type: 'string' }, name, community: communitySchema } } as const;

const compoundReply = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name,
    community: communitySchema,
    point: { type: 'object', properties: { lat: { type: 'number' }, long: { type: 'number' } } },
    sketch: {
      type: 'object',
      properties: {
        bbox: lonLat,
        outline: { type: 'array', items: { type: 'array', items: lonLat } },
        streets: { type: 'array', items: { type: 'object', properties: { name: { type: ['string', 'null'] }, coords: { type: 'array', items: lonLat } } } },
        gates: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: ['string', 'null'] }, nameEn: { type: ['string', 'null'] }, lon: { type: 'number' }, lat: { type: 'number' } },
          },
        },
      },
    },
  },
} as const;

export function serviceName(code: string): { zh: string; en: string } {
  const key = `report.service.${code}` as keyof typeof reportZh;
  return { zh: reportZh[key] ?? code, en: reportEn[key] ?? code };
}

export async function publicInfoRoutes(app: FastifyInstance, ctx: ServerContext) {
  const communityOf = (communityId: string | null) => {
    const grid = communityId ? ctx.dataset.grids.features.find((g) => g.properties.id === communityId) : undefined;
    if (!grid) return null;
    return {
      id: grid.properties.id,
      name: { zh: grid.properties.name ?? grid.properties.id, en: grid.properties.name_en ?? grid.properties.name ?? grid.properties.id },
    };
  };
  const summaryOf = (id: string) => {
    const compound = ctx.places.compound(id)!;
    const p = compound.properties;
    return { id, name: { zh: p.name ?? id, en: p.name_en ?? p.name ?? id }, community: communityOf(ctx.places.ofCompound(id).communityId) };
  };
  // Drawings are computed once per compound: the dataset does not change while the server runs.
  const sketches = new Map<string, CompoundSketch>();

  // Every compound, for the posters; with the cycle's days, the promise a poster makes (一周内完成).
  const listReply = { type: 'object', properties: { compounds: { type: 'array', items: compoundSummary }, cycle_days: { type: 'number' } } } as const;
  app.get('/api/intake/compounds', { schema: { response: { 200: listReply } } }, async () => {
    const compounds = ctx.dataset.compounds.features.map((c) => summaryOf(c.properties.id));
    compounds.sort((a, b) => (a.community?.id ?? '').localeCompare(b.community?.id ?? '') || a.id.localeCompare(b.id));
    return { compounds, cycle_days: ctx.config.workflow.cycleDays };
  });

  app.get<{ Params: { id: string } }>(
    '/api/intake/compounds/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } } }, response: { 200: compoundReply } } },
    async (request) => {
      const compound = ctx.places.compound(request.params.id);
      if (!compound) throw new HttpError(404, `no compound ${JSON.stringify(request.params.id)}`);
      let sketch = sketches.get(request.params.id);
      if (!sketch) sketches.set(request.params.id, (sketch = compoundSketch(compound, ctx.dataset)));
      const [long, lat] = compoundPoint(compound);
      return { ...summaryOf(request.params.id), point: { lat, long }, sketch };
    },
  );

  app.get('/api/intake/services', async () => ({
    services: INTAKE_SERVICE_CODES.map((code) => ({ service_code: code, service_name: serviceName(code), glyph: INTAKE_SERVICE_GLYPH[code] })),
  }));

  app.get<{ Querystring: { service_code: string; lat: number; long: number } }>(
    '/api/intake/nearby',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['service_code', 'lat', 'long'],
          properties: { service_code: { type: 'string', maxLength: 100 }, lat: { type: 'number' }, long: { type: 'number' } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              radius_m: { type: 'number' },
              requests: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    service_request_id: { type: 'string' },
                    stage: { type: 'string', enum: [...REQUEST_STAGES] },
                    requested: { type: 'string' },
                    distance_m: { type: 'number' },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const { service_code: code, lat, long } = request.query;
      if (!isIntakeService(code)) throw new HttpError(400, `unknown service_code ${JSON.stringify(code)}: see /api/intake/services`);
      checkPoint(ctx, long, lat);
      const open = ctx.store.listRequests({ serviceCodes: [code], status: 'open' });
      const found = nearbyOpenRequests(open, code, long, lat);
      return {
        radius_m: NEARBY_RADIUS_M,
        requests: found.map((r) => ({ service_request_id: r.id, stage: r.stage, requested: r.requestedAt, distance_m: r.distanceM })),
      };
    },
  );
}
