import type { SyntheticCity } from './city';
import type { RealNetwork, RealNetworkName } from './datasets';

/**
 * What a benchmark task is. A task module in src/cli/bench/ exports one `BenchTask` per
 * dataset it runs on and is listed in tasks.ts; the harness (src/cli/bench.ts) times `ours`
 * and every peer on the same prepared data in the same run and prints
 * medians and the ratio peer / ours.
 */

export type DatasetName = 'synthetic' | RealNetworkName;

/** What every task can draw on; each dataset is built or read once per run and shared. */
export interface BenchEnv {
  /** Small sizes for CI (`--quick`): the whole bench must finish well under a minute. */
  quick: boolean;
  /** The deterministic synthetic city (~100k edges, ~5k with --quick). */
  city(): SyntheticCity;
  /** A real network; rejects with DatasetUnavailable when it cannot be used in this run. */
  network(name: RealNetworkName): Promise<RealNetwork>;
}

export interface CheckResult {
  ok: boolean;
  /** One line for the table, e.g. "areas 78.4 vs 78.1 km² (+0.4 %)". */
  note: string;
  /** Budgets of stages timed in the check (timing.ts partMisses) that were missed at full size. */
  missed?: string[];
}

/**
 * A peer too slow to time on the whole job at every run: it is timed on a fixed part of the
 * work (the same part at every run and in every run of the bench) and its time multiplied by
 * `factor`. The table names the part and the factor; the check compares answers on that part.
 */
export interface Scaled {
  /** What was timed, for people: "250 of 5,000 compounds". */
  sample: string;
  /** Whole job / sample; the timed figure is multiplied by it. */
  factor: number;
  /** Why the scaled figure may be off, e.g. "union is superlinear, so this understates it". */
  caveat?: string;
}

/** One prepared row: the jobs to time, on data already built (setup is never timed). */
export interface BenchCase<Ours = unknown, Peer = unknown> {
  /** Edges of the walking graph the row runs on, or null when it has no graph. */
  edges: number | null;
  /** The job at this size, for people: "1,000 circles × 500 m". */
  size: string;
  ours(): Ours;
  /** The same job done the way a user of each library would, by library name. */
  peers: Record<string, () => Peer>;
  /** Peers timed on a sample of the work, by name (see Scaled). */
  scaled?: Record<string, Scaled>;
  /**
   * Time the jobs by turns, one call each, instead of one job after another: for jobs that
   * are whole child processes, so that a change in the machine's load hits ours and the peer
   * alike. Their garbage is not ours, which is why in-process jobs are not interleaved.
   */
  interleaved?: boolean;
  /** Compares the answers (from the warm-up runs) so a fast wrong answer cannot pass. */
  check?(ours: Ours, peers: Record<string, Peer>): CheckResult;
}

/** DESIGN.md "Performance budgets", at full size; --quick runs do not apply them. */
export interface Budget {
  maxMs?: number;
  /** Minimum peer / ours ratio, by peer name. */
  minRatio?: Record<string, number>;
  /** Maximum ours / peer ratio, by peer name (ours may be slower, but not more than this). */
  maxSlowdown?: Record<string, number>;
}

export interface BenchTask {
  /** Row name in the table and `task` in --json, e.g. "coverage-1000-circles". */
  name: string;
  dataset: DatasetName;
  budget?: Budget;
  setup(env: BenchEnv): BenchCase | Promise<BenchCase>;
}

/** Types a case's ours / peers / check together, then hands it to the harness. */
export function benchCase<Ours, Peer>(c: BenchCase<Ours, Peer>): BenchCase {
  return c;
}
