// Not all of @turf/turf: the loader imports this, and the CLIs would load every Turf module at start (~0.15 s).
import { bbox } from '@turf/bbox';
import type { FeatureCollection } from 'geojson';

/** West, south, east, north in degrees (the project's one bounding-box type). */
export type Bounds = [west: number, south: number, east: number, north: number];

const known = new WeakMap<object, Readonly<Bounds>>();

/**
 * The bounds of these features, found once per features array: a city's 5,000 compounds take
 * a noticeable part of a task (the map frames a dataset by them, the locate button checks a
 * position against them). The loader finds the compounds' bounds as it checks them.
 * The features must not change after the first call (a dataset's do not).
 */
export function boundsOf(collection: FeatureCollection): Readonly<Bounds> {
  let bounds = known.get(collection.features);
  // Frozen: every caller gets the same array.
  if (!bounds) known.set(collection.features, (bounds = Object.freeze(bbox(collection) as Bounds)));
  return bounds;
}
