/**
 * The two-step floating catchment area method (Luo & Wang, 2003), binary catchments.
 * Step 1: every supply's ratio is its capacity over the demand within its catchment.
 * Step 2: every demand's access is the sum of the ratios of the supplies within its reach.
 * Overlapping catchments thus share a supply instead of counting it twice, so a place
 * "covered" by an overfull supply still shows low access. Σ access × demand = Σ capacity of
 * the supplies that reach anyone (each seat is handed out exactly once).
 */

export interface Supply {
  id: string;
  capacity: number;
}

export interface Demand {
  id: string;
  population: number;
}

/** A supply and a demand within the catchment of each other. */
export interface Link {
  supply: number;
  demand: number;
}

export interface TwoStepResult {
  /** Per supply: capacity per person within its catchment; null when nobody is within it. */
  ratio: (number | null)[];
  /** Per supply: the demand within its catchment. */
  catchmentPopulation: number[];
  /** Per demand: the sum of the ratios of the supplies that reach it (capacity per person). */
  access: number[];
  /** Per demand: how many supplies reach it. */
  reachedBy: number[];
}

export function twoStepFloatingCatchment(supplies: readonly Supply[], demands: readonly Demand[], links: readonly Link[]): TwoStepResult {
  const catchmentPopulation = supplies.map(() => 0);
  for (const { supply, demand } of links) catchmentPopulation[supply]! += demands[demand]!.population;
  const ratio = supplies.map((s, j) => (catchmentPopulation[j]! > 0 ? s.capacity / catchmentPopulation[j]! : null));
  const access = demands.map(() => 0);
  const reachedBy = demands.map(() => 0);
  for (const { supply, demand } of links) {
    access[demand]! += ratio[supply] ?? 0;
    reachedBy[demand]!++;
  }
  return { ratio, catchmentPopulation, access, reachedBy };
}
