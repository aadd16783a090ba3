import { coverageTask } from './coverage-1000-circles';
import { pointsInPolygonsTask } from './points-in-polygons';
import type { BenchTask } from './task';

/**
 * Every benchmark row, in the order printed. A new task is a module in this folder that
 * exports a `BenchTask` per dataset (see task.ts) and is added here. Still to come with the
 * graph engine (issue 4): graph-build, nearest-facilities (peers ngraph.path and
 * geojson-path-finder), gap-analysis (peer per-compound-dijkstra) and walkshed-polygon, on
 * the synthetic city (city.ts) and the real networks (datasets.ts).
 */
export const TASKS: readonly BenchTask[] = [coverageTask, pointsInPolygonsTask];
