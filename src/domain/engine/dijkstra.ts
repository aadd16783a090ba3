import { fillReachedChains, onChain, type OnChain, type State } from './chainFill';
import { chainsOf, STEPS_COST_FACTOR, type Chains } from './chains';
import { BucketQueue } from './bucketQueue';
import type { WalkGraph } from './graph';
import type { Snap } from './snap';

/** A place the search starts from, snapped to the network, with a caller's label (e.g. a facility index). */
export interface Source {
  snap: Snap;
  label: number;
}

/** The result of a multi-source search: metres to every node from its nearest source. */
export interface Search {
  graph: WalkGraph;
  /** Metres from the nearest source (snap leg included); Infinity when beyond the cutoff or unreachable. */
  distM: Float64Array;
  /** Label of the source that reached each node first; -1 when not reached. */
  label: Int32Array;
  /** The directed edge each node was reached by; -1 at a source's own segment ends and unreached nodes. */
  prevEdge: Int32Array;
  cutoffM: number;
  sources: readonly Source[];
  /** Sources by segment, so a target on a source's own segment can be reached along it directly. */
  bySegment: Map<number, Source[]>;
  /**
   * Set when the search was made with `coreOnly`: the arrays then hold the core nodes only
   * (chains.ts), and `reachOf` works out a chain's inner nodes from its ends when asked.
   */
  coreOnly: { chains: Chains; byChain: ReadonlyMap<number, readonly OnChain[]> } | null;
  /** With a SearchSpace: the nodes this search reached (a view into the space, valid as long as the search). */
  reachedNodes: Int32Array | null;
  /**
   * With avoidSteps: the cost (steps weighed STEPS_COST_FACTOR times) by which each node's
   * way was chosen; null when the cost is the distance. The last stretch to a point is
   * chosen by it too, so an elder's walk does not take a flight of steps at the very end.
   */
  cost: Float64Array | null;
}

/**
 * Every Search is made here, with its properties always in the same order, so that the
 * lookups reading them (reachOf runs 40,000 times in an analysis) see one object shape and
 * stay fast, whichever kind of search they are given.
 */
export function makeSearch(
  graph: WalkGraph,
  distM: Float64Array,
  label: Int32Array,
  prevEdge: Int32Array,
  cutoffM: number,
  sources: readonly Source[],
  bySegment: Map<number, Source[]> = sourcesBySegment(sources),
  coreOnly: Search['coreOnly'] = null,
  reachedNodes: Int32Array | null = null,
  cost: Float64Array | null = null,
): Search {
  return new SearchResult(graph, distM, label, prevEdge, cutoffM, sources, bySegment, coreOnly, reachedNodes, cost);
}

class SearchResult implements Search {
  constructor(
    readonly graph: WalkGraph,
    readonly distM: Float64Array,
    readonly label: Int32Array,
    readonly prevEdge: Int32Array,
    readonly cutoffM: number,
    readonly sources: readonly Source[],
    readonly bySegment: Map<number, Source[]>,
    readonly coreOnly: Search['coreOnly'],
    readonly reachedNodes: Int32Array | null,
    readonly cost: Float64Array | null,
  ) {}
}

/** The same search with a smaller cutoff (a slower walk reuses a faster one's search). */
export function withCutoff(search: Search, cutoffM: number): Search {
  return makeSearch(
    search.graph,
    search.distM,
    search.label,
    search.prevEdge,
    cutoffM,
    search.sources,
    search.bySegment,
    search.coreOnly,
    search.reachedNodes,
    search.cost,
  );
}

function sourcesBySegment(sources: readonly Source[]): Map<number, Source[]> {
  const bySegment = new Map<number, Source[]>();
  for (const source of sources) {
    const list = bySegment.get(source.snap.segment);
    if (list) list.push(source);
    else bySegment.set(source.snap.segment, [source]);
  }
  return bySegment;
}

/**
 * Result arrays a caller keeps for repeated cut-off searches on one graph (an origin being
 * dragged, one catchment after another): a search with a space resets only the nodes the
 * previous one reached instead of allocating and filling whole-graph arrays, so a short
 * search costs what it explores. A search made with a space is valid until the next search
 * with the same space.
 */
export class SearchSpace {
  readonly distM: Float64Array;
  readonly cost: Float64Array;
  readonly label: Int32Array;
  readonly prevEdge: Int32Array;
  /** Nodes the last search reached (their distance became finite), `touchedCount` of them. */
  readonly touched: Int32Array;
  touchedCount = 0;

  constructor(readonly nodeCount: number) {
    this.distM = new Float64Array(nodeCount).fill(Infinity);
    this.cost = new Float64Array(nodeCount).fill(Infinity);
    this.label = new Int32Array(nodeCount).fill(-1);
    this.prevEdge = new Int32Array(nodeCount).fill(-1);
    this.touched = new Int32Array(nodeCount);
  }

  /** Back to "nothing reached", touching only what the last search reached. */
  reset(): void {
    const { distM, cost, label, prevEdge, touched } = this;
    for (let k = 0; k < this.touchedCount; k++) {
      const node = touched[k]!;
      distM[node] = Infinity;
      cost[node] = Infinity;
      label[node] = -1;
      prevEdge[node] = -1;
    }
    this.touchedCount = 0;
  }
}

export interface SearchOptions {
  /**
   * Avoid steps where another way exists (elder profile): a flight of steps counts as
   * STEPS_COST_FACTOR times its length when choosing the way, but distances stay real metres.
   */
  avoidSteps?: boolean;
  /** Reuse these arrays (see SearchSpace); the previous search made with them becomes invalid. */
  space?: SearchSpace;
  /**
   * Leave the chains' inner nodes unfilled: for searches only asked `reachOf` (distance
   * fields, nearest facilities), which saves a fifth of a whole-graph search. Not with
   * `avoidSteps`; walksheds and routes need the filled search.
   */
  coreOnly?: boolean;
}

export { STEPS_COST_FACTOR };

const queue = new BucketQueue();

/** Reached nodes of a search made without a SearchSpace. */
let scratchTouched = new Int32Array(0);

function seed(st: State, node: number, metres: number, cost: number, label: number, edge: number): void {
  if (cost < st.cost[node]! && metres <= st.cutoffM) {
    if (st.distM[node] === Infinity) st.touched[st.touchedCount++] = node;
    st.cost[node] = cost;
    st.distM[node] = metres;
    st.label[node] = label;
    st.prevEdge[node] = edge;
    queue.set(node, cost);
  }
}

const filledSearches = new WeakMap<Search, Search>();

/**
 * A search with every node's distance, label and incoming edge: itself, or for a coreOnly
 * search a filled copy (made once per search object). Whatever reads the node arrays
 * directly (walksheds, reached ways, routes, field updates) goes through this.
 */
export function filled(search: Search): Search {
  const { coreOnly } = search;
  if (!coreOnly) return search;
  let done = filledSearches.get(search);
  if (done) return done;
  const { graph } = search;
  const n = graph.nodeCount;
  if (scratchTouched.length < n) scratchTouched = new Int32Array(n);
  const distM = search.distM.slice();
  const st: State = {
    graph,
    chains: coreOnly.chains,
    distM,
    cost: distM,
    label: search.label.slice(),
    prevEdge: search.prevEdge.slice(),
    touched: scratchTouched,
    touchedCount: 0,
    cutoffM: search.cutoffM,
    avoidSteps: false,
    byChain: new Map(coreOnly.byChain as Map<number, OnChain[]>),
  };
  fillReachedChains(st, null);
  done = makeSearch(graph, distM, st.label, st.prevEdge, search.cutoffM, search.sources, search.bySegment);
  filledSearches.set(search, done);
  return done;
}

/**
 * Multi-source Dijkstra with a distance cutoff, with a bucket queue, on the contracted graph
 * (chains.ts): only core nodes are queued; then every chain next to a reached core node (or
 * holding a source) gets its inner nodes from its two ends, so the result has every node's
 * distance, label and incoming edge as a search over all nodes would. Each source enters at
 * both ends of its chain, already carrying its snap leg. With `avoidSteps` the order is by a
 * cost that makes steps expensive; `distM` still holds the real metres along the chosen
 * (least-cost) ways, and the cutoff applies to those metres.
 */
export function searchFrom(graph: WalkGraph, sources: readonly Source[], cutoffM = Infinity, options: SearchOptions = {}): Search {
  const n = graph.nodeCount;
  const avoidSteps = options.avoidSteps ?? false;
  const space = options.space;
  if (space && space.nodeCount !== n) throw new Error(`SearchSpace is for ${space.nodeCount} nodes, the graph has ${n}`);
  if (options.coreOnly && avoidSteps) throw new Error('a coreOnly search cannot avoid steps');
  space?.reset();
  const chains = chainsOf(graph);
  const distM = space ? space.distM : new Float64Array(n).fill(Infinity);
  const label = space ? space.label : new Int32Array(n).fill(-1);
  const prevEdge = space ? space.prevEdge : new Int32Array(n).fill(-1);
  // Without steps to avoid, the cost is the distance.
  const cost = !avoidSteps ? distM : space ? space.cost : new Float64Array(n).fill(Infinity);
  if (!space && scratchTouched.length < n) scratchTouched = new Int32Array(n);
  const touched = space ? space.touched : scratchTouched;
  const st: State = { graph, chains, distM, cost, label, prevEdge, touched, touchedCount: 0, cutoffM, avoidSteps, byChain: new Map() };
  queue.fit(n);

  // Each source seeds both end nodes of its chain.
  for (const source of sources) {
    const at = onChain(graph, chains, source, avoidSteps);
    const chain = chains.segmentChain[source.snap.segment]!;
    const list = st.byChain.get(chain);
    if (list) list.push(at);
    else st.byChain.set(chain, [at]);
    const { offsetM } = source.snap;
    const lengthM = chains.lengthM[chain]!;
    const chainCost = avoidSteps ? chains.costM[chain]! : lengthM;
    seed(st, chains.start[chain]!, offsetM + at.posM, offsetM + at.costPosM, source.label, at.atStart ? -1 : chains.startEnterEdge[chain]!);
    seed(st, chains.end[chain]!, offsetM + lengthM - at.posM, offsetM + chainCost - at.costPosM, source.label, at.atEnd ? -1 : chains.endEnterEdge[chain]!);
  }

  const { coreOffsets, coreTarget, coreLengthM, coreEnterEdge } = chains;
  const coreCost = avoidSteps ? chains.coreCostM : coreLengthM;
  let touchedCount = st.touchedCount;
  for (let b = 0; queue.size > 0; b++) {
    for (let u = queue.take(b); u >= 0; u = queue.take(b)) {
      const c = cost[u]!;
      const d = distM[u]!;
      const l = label[u]!;
      const end = coreOffsets[u + 1]!;
      for (let k = coreOffsets[u]!; k < end; k++) {
        const metres = d + coreLengthM[k]!;
        if (metres > cutoffM) continue;
        const v = coreTarget[k]!;
        const nc = c + coreCost[k]!;
        if (nc < cost[v]!) {
          if (distM[v] === Infinity) touched[touchedCount++] = v;
          cost[v] = nc;
          distM[v] = metres;
          label[v] = l;
          prevEdge[v] = coreEnterEdge[k]!;
          queue.set(v, nc);
        }
      }
    }
  }
  st.touchedCount = touchedCount;

  // A coreOnly search leaves the chains' inner nodes to reachOf; any other fills them now.
  const coreOnly = options.coreOnly ? { chains, byChain: st.byChain } : null;
  if (!coreOnly) fillReachedChains(st, touchedCount);
  if (space) space.touchedCount = st.touchedCount;
  const reachedNodes = space ? space.touched.subarray(0, st.touchedCount) : null;
  return makeSearch(graph, distM, label, prevEdge, cutoffM, sources, undefined, coreOnly, reachedNodes, avoidSteps ? cost : null);
}
