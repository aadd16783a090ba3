import { analyzeProcessTask } from './analyze-process';
import { coverageTask } from './coverage-1000-circles';
import { gapAnalysisTasks } from './gap-analysis';
import { graphBuildTasks } from './graph-build';
import { nearestFacilitiesTasks } from './nearest-facilities';
import { pointsInPolygonsTask } from './points-in-polygons';
import type { BenchTask } from './task';
import { walkshedPolygonTasks } from './walkshed-polygon';
import { whatIfTasks } from './what-if';

/**
 * Every benchmark row, in the order printed. A new task is a module in this folder that
 * exports a `BenchTask` per dataset (see task.ts) and is added here. The graph tasks run on
 * the synthetic city (city.ts) and the real networks (datasets.ts) through walk-data.ts.
 */
export const TASKS: readonly BenchTask[] = [
  ...graphBuildTasks,
  ...nearestFacilitiesTasks,
  ...gapAnalysisTasks,
  ...whatIfTasks,
  ...walkshedPolygonTasks,
  coverageTask,
  pointsInPolygonsTask,
  analyzeProcessTask,
];
