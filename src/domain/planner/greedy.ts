/**
 * Greedy maximum coverage: pick k candidates, each time the one that covers the most weight
 * not covered yet. The greedy answer is within 1 − 1/e of the best possible (Nemhauser,
 * Wolsey & Fisher, 1978), and it is what a planner can follow: each pick says how much more
 * it covers given the ones before it.
 */

export interface CoverageCandidate {
  /** Indices of the demands this candidate covers. */
  covers: readonly number[];
  /** Tie-break: lower is better (e.g. total metres walked to the demands it covers). */
  cost?: number;
}

export interface GreedyPick {
  candidate: number;
  /** Demands newly covered by this pick. */
  demands: number[];
  /** Their weight. */
  gain: number;
}

export function greedyMaxCoverage(candidates: readonly CoverageCandidate[], weights: readonly number[], k: number): GreedyPick[] {
  // Inverted index: the candidates covering each demand, so a pick updates only its neighbours' gains.
  const coveredBy: number[][] = weights.map(() => []);
  const gain = new Float64Array(candidates.length);
  candidates.forEach((c, j) => {
    for (const d of new Set(c.covers)) {
      coveredBy[d]!.push(j);
      gain[j]! += weights[d]!;
    }
  });
  const covered = new Uint8Array(weights.length);
  const picks: GreedyPick[] = [];
  for (let step = 0; step < k; step++) {
    let best = -1;
    for (let j = 0; j < candidates.length; j++) {
      if (gain[j]! <= 0) continue;
      if (best < 0 || gain[j]! > gain[best]! || (gain[j] === gain[best] && (candidates[j]!.cost ?? 0) < (candidates[best]!.cost ?? 0))) best = j;
    }
    if (best < 0) break;
    const demands = [...new Set(candidates[best]!.covers)].filter((d) => !covered[d]);
    for (const d of demands) {
      covered[d] = 1;
      for (const j of coveredBy[d]!) gain[j]! -= weights[d]!;
    }
    picks.push({ candidate: best, demands, gain: demands.reduce((sum, d) => sum + weights[d]!, 0) });
  }
  return picks;
}
