import { bbox as turfBBox } from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { ContourProps } from '../contours';
import type { Dataset } from '../dataset';
import { contextOf, type NetworkOrContext } from '../engine/context';
import { nearestStrategy } from '../engine/nearest';
import { travelTimeGrid, walkshedPolygons } from '../engine/walkshed';
import { filled, withCutoff } from '../engine/dijkstra';
import { BAND_MINUTES, WALK_SPEED_M_PER_MIN, type LonLat } from '../geo';
import type { BBoxLonLat } from '../gridSpec';
import { facilityPoints } from '../analysis';
import { compoundOrigins, gatesByCompound } from '../origins';
import { hallAreas, type HallArea } from './areas';

/**
 * Everything the hall screen shows about services, computed once per dataset: aggregates
 * only (counts, residents, minutes), never a person. Distances are walked along the network
 * at the standard speed; without a network they are straight-line and `network` says so.
 */
export interface HallStats {
  datasetId: string;
  network: boolean;
  speedMPerMin: number;
  /** The service-circle limit, minutes (15). */
  minutes: number;
  /** All compounds, [west, south, east, north]. */
  bbox: BBoxLonLat;
  totals: { compounds: number; population: number; elderly60: number; elderly80: number };
  compounds: CompoundStat[];
  /** Per category (every category asked for or present): who has one within `minutes`. */
  coverage: Record<string, CategoryCoverage>;
  areas: AreaStat[];
  /** 5/10/15-minute walksheds around all facilities of a category (network only). */
  bands: Record<string, FeatureCollection<MultiPolygon, ContourProps>>;
}

export interface CompoundStat {
  id: string;
  population: number;
  elderly60: number;
  /** Minutes to the nearest facility of each category; null when none can be reached. */
  minutes: Record<string, number | null>;
}

export interface CategoryCoverage {
  category: string;
  /** Facilities of the category in the dataset, and their summed capacity (e.g. canteen seats). */
  facilities: number;
  capacity: number;
  /** Compounds, residents and residents aged 60+ with one within the limit. */
  compounds: number;
  population: number;
  elderly60: number;
}

export interface AreaStat extends HallArea {
  population: number;
  elderly60: number;
  elderly80: number;
  /** Minutes from the area's centre to the nearest facility of each category. */
  centreMinutes: Record<string, number | null>;
}

export interface HallStatsOptions {
  /** Categories to report on, besides those present in the dataset (essentials, spotlights). */
  categories: readonly string[];
  /** Categories whose 15-minute walksheds are drawn (spotlights, community service). */
  bandCategories: readonly string[];
  speedMPerMin?: number;
  minutes?: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Give the session's walking context to share its graph; without one the dataset's network is built. */
export function hallStats(dataset: Dataset, options: HallStatsOptions, ctx?: NetworkOrContext): HallStats {
  const speedMPerMin = options.speedMPerMin ?? WALK_SPEED_M_PER_MIN.standard;
  const minutes = options.minutes ?? 15;
  const facilities = facilityPoints(dataset);
  const present = new Set(facilities.map((f) => f.category));
  const categories = [...new Set([...options.categories, ...present])];
  const walk = contextOf(ctx === undefined ? dataset.network : ctx);
  const network = walk !== null;
  const nearest = nearestStrategy(walk, facilities);
  const fields = nearest.fields;
  const minutesTo = (origins: readonly LonLat[]) => {
    const out: Record<string, number | null> = {};
    const nearestOf = nearest.at(origins);
    for (const category of categories) {
      const m = present.has(category) ? (nearestOf(category)?.walkM ?? null) : null;
      out[category] = m === null ? null : round1(m / speedMPerMin);
    }
    return out;
  };

  const gates = gatesByCompound(dataset);
  const compounds: CompoundStat[] = dataset.compounds.features.map((c) => ({
    id: c.properties.id,
    population: c.properties.population,
    elderly60: c.properties.elderly60,
    minutes: minutesTo(compoundOrigins(c, gates).points),
  }));
  const byId = new Map(dataset.compounds.features.map((c) => [c.properties.id, c.properties]));

  const coverage: Record<string, CategoryCoverage> = {};
  for (const category of categories) {
    const own = dataset.facilities.features.filter((f) => f.properties.category === category);
    const within = compounds.filter((c) => (c.minutes[category] ?? Infinity) <= minutes);
    coverage[category] = {
      category,
      facilities: own.length,
      capacity: own.reduce((sum, f) => sum + (f.properties.capacity ?? 0), 0),
      compounds: within.length,
      population: within.reduce((sum, c) => sum + c.population, 0),
      elderly60: within.reduce((sum, c) => sum + c.elderly60, 0),
    };
  }

  const areas: AreaStat[] = hallAreas(dataset).map((area) => {
    const inside = area.compoundIds.map((id) => byId.get(id)).filter((p) => p !== undefined);
    return {
      ...area,
      population: inside.reduce((s, p) => s + p.population, 0),
      elderly60: inside.reduce((s, p) => s + p.elderly60, 0),
      elderly80: inside.reduce((s, p) => s + p.elderly80, 0),
      centreMinutes: minutesTo([area.centre]),
    };
  });

  const bands: HallStats['bands'] = {};
  const cutoffM = minutes * speedMPerMin;
  for (const category of options.bandCategories) {
    const field = fields?.byCategory.get(category);
    if (!field) continue;
    const origins = facilities.filter((f) => f.category === category).map((f) => f.point);
    const times = travelTimeGrid(withCutoff(filled(field), cutoffM), speedMPerMin, { origins });
    if (times)
      bands[category] = walkshedPolygons(
        times,
        BAND_MINUTES.filter((m) => m <= minutes),
      );
  }

  const people = dataset.compounds.features.map((c) => c.properties);
  return {
    datasetId: dataset.manifest.id,
    network,
    speedMPerMin,
    minutes,
    bbox: turfBBox(dataset.compounds) as BBoxLonLat,
    totals: {
      compounds: people.length,
      population: people.reduce((s, p) => s + p.population, 0),
      elderly60: people.reduce((s, p) => s + p.elderly60, 0),
      elderly80: people.reduce((s, p) => s + p.elderly80, 0),
    },
    compounds,
    coverage,
    areas,
    bands,
  };
}
