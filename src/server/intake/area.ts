import { bbox as turfBbox, featureCollection } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';

/** How far outside the dataset's compounds and grids a report may still be placed (degrees, about 2 km). */
const MARGIN_DEG = 0.02;
const areas = new WeakMap<ServerContext, [number, number, number, number]>();

/** The box a report may lie in: the dataset's compounds and grids with a margin. */
function serviceArea(ctx: ServerContext): [number, number, number, number] {
  let box = areas.get(ctx);
  if (!box) {
    const all = featureCollection<Polygon | MultiPolygon>([...ctx.dataset.compounds.features, ...ctx.dataset.grids.features]);
    const [w, s, e, n] = turfBbox(all) as [number, number, number, number];
    box = [w - MARGIN_DEG, s - MARGIN_DEG, e + MARGIN_DEG, n + MARGIN_DEG];
    areas.set(ctx, box);
  }
  return box;
}

/** 400 unless `[lon, lat]` is a WGS84 position inside the area this server's communities cover. */
export function checkPoint(ctx: ServerContext, lon: number, lat: number): void {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new HttpError(400, 'lat and long must be WGS84 degrees');
  }
  const [w, s, e, n] = serviceArea(ctx);
  if (lon < w || lon > e || lat < s || lat > n) throw new HttpError(400, 'the place is outside the area these communities serve');
}
