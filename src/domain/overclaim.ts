import { circlesCoverage } from './coverage';
import type { LonLat } from './geo';
import { cellCentre, gridX, gridY } from './gridSpec';
import type { TravelTimeGrid } from './engine/walkshed';

export interface Overclaim {
  /** Area of the straight-line circle(s), m². */
  circleAreaM2: number;
  /** Part of it not reachable on foot within the minutes, m². */
  unreachedAreaM2: number;
  /** unreached / circle, 0–1. */
  share: number;
}

/**
 * The circle overclaim (DESIGN.md): the share of the straight-line circle of `minutes`
 * (radius speed × minutes around each origin) that cannot be reached on foot within
 * `minutes`, measured cell by cell on the circle's grid.
 */
export function circleOverclaim(origins: readonly LonLat[], speedMPerMin: number, minutes: number, times: TravelTimeGrid | null, cellM = 20): Overclaim {
  const radiusM = speedMPerMin * minutes;
  const coverage = circlesCoverage(
    origins.map((centre) => ({ centre, radiusM })),
    { cellM },
  );
  const { grid, counts } = coverage;
  let inside = 0;
  let unreached = 0;
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      if (counts[row * grid.cols + col] === 0) continue;
      inside++;
      if (!times) {
        unreached++;
        continue;
      }
      const [lon, lat] = cellCentre(grid, col, row);
      const c = Math.floor(gridX(times.grid, lon));
      const r = Math.floor(gridY(times.grid, lat));
      const t = c >= 0 && r >= 0 && c < times.grid.cols && r < times.grid.rows ? times.minutes[r * times.grid.cols + c]! : Infinity;
      if (!(t <= minutes)) unreached++;
    }
  }
  const cellArea = grid.cellM * grid.cellM;
  return { circleAreaM2: inside * cellArea, unreachedAreaM2: unreached * cellArea, share: inside ? unreached / inside : 0 };
}
