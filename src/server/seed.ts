import type { ServerContext } from './context';
import type { NewRequest } from './store/types';

/**
 * A new ledger starts with the dataset's requests (requests.geojson), so `npm start` shows
 * the sample's 125 requests at once. Runs only on an empty ledger: a restart never imports twice.
 */
export function seedFromDataset(ctx: ServerContext): number {
  if (ctx.store.countRequests() > 0) return 0;
  const inputs: NewRequest[] = ctx.dataset.requests.features.map(({ properties: p, geometry }) => {
    const [lon, lat] = geometry.coordinates as [number, number];
    const place = p.compound_id ? ctx.places.ofCompound(p.compound_id) : ctx.places.ofPoint(lon, lat);
    return {
      id: p.service_request_id,
      serviceCode: p.service_code,
      description: p.description ?? null,
      status: p.status,
      stage: p.stage,
      lon,
      lat,
      ...place,
      requestedAt: new Date(p.requested_datetime).toISOString(),
      updatedAt: new Date(p.updated_datetime ?? p.requested_datetime).toISOString(),
      expectedAt: p.expected_datetime ? new Date(p.expected_datetime).toISOString() : null,
      rating: p.rating ?? null,
      source: 'seed',
    };
  });
  if (inputs.length) ctx.store.createRequests(inputs, 'system');
  return inputs.length;
}
