import { chainsOf, STEPS_COST_FACTOR, type Chains } from './chains';
import { SEGMENT_STEPS, type WalkGraph } from './graph';
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
  return makeSearch(search.graph, search.distM, search.label, search.prevEdge, cutoffM, search.sources, search.bySegment, search.coreOnly, search.reachedNodes, search.cost);
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

/**
 * Width of a bucket of the queue, metres of cost. Any width gives exact distances (see
 * BucketQueue); about a quarter of a typical segment keeps re-visits rare (none on the
 * synthetic city, < 0.1 % on Wuhan) without scanning many empty buckets.
 */
const BUCKET_M = 10;

/**
 * A bucket queue of graph nodes keyed by cost (Dial's algorithm, label-correcting): node
 * lists per bucket of BUCKET_M metres, doubly linked in typed arrays so a node that gets a
 * smaller cost moves in O(1). Nodes within one bucket are taken in any order; a node improved
 * after it was taken is queued again (always into the current bucket or a later one, as
 * lengths are positive), so the distances are exact, as with a heap, at O(1) per operation.
 * One queue serves every search on the main thread or a worker; it is empty between searches.
 */
class BucketQueue {
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  /** The bucket each node is queued in, -1 when not queued. */
  private bucketOf = new Int32Array(0);
  private heads = new Int32Array(1024).fill(-1);
  size = 0;

  /** Makes room for a graph of this many nodes. */
  fit(nodeCount: number): void {
    if (this.bucketOf.length >= nodeCount) return;
    this.next = new Int32Array(nodeCount);
    this.prev = new Int32Array(nodeCount);
    this.bucketOf = new Int32Array(nodeCount).fill(-1);
  }

  /** Queues a node at this cost, or moves it there if it is queued already. */
  set(node: number, cost: number): void {
    const b = Math.floor(cost / BUCKET_M);
    const { next, prev, bucketOf } = this;
    const old = bucketOf[node]!;
    if (old === b) return;
    if (old >= 0) {
      const p = prev[node]!;
      const n = next[node]!;
      if (p >= 0) next[p] = n;
      else this.heads[old] = n;
      if (n >= 0) prev[n] = p;
    } else this.size++;
    if (b >= this.heads.length) this.growTo(b);
    const head = this.heads[b]!;
    next[node] = head;
    prev[node] = -1;
    if (head >= 0) prev[head] = node;
    this.heads[b] = node;
    bucketOf[node] = b;
  }

  /** Takes a node from bucket b, or returns -1 when that bucket is empty. */
  take(b: number): number {
    const node = b < this.heads.length ? this.heads[b]! : -1;
    if (node < 0) return -1;
    const n = this.next[node]!;
    this.heads[b] = n;
    if (n >= 0) this.prev[n] = -1;
    this.bucketOf[node] = -1;
    this.size--;
    return node;
  }

  private growTo(b: number): void {
    let length = this.heads.length;
    while (length <= b) length *= 2;
    const heads = new Int32Array(length).fill(-1);
    heads.set(this.heads);
    this.heads = heads;
  }
}

const queue = new BucketQueue();

/** Reached nodes of a search made without a SearchSpace. */
let scratchTouched = new Int32Array(0);
/** Chains already filled in by the current search (stamped with its number). */
let chainStamp = new Uint32Array(0);
let searchNumber = 0;

/** Where a source sits on its segment's chain: metres and cost from the chain's start. */
export interface OnChain {
  source: Source;
  posM: number;
  costPosM: number;
  /** The source's segment touches the chain's start / end node. */
  atStart: boolean;
  atEnd: boolean;
}

function onChain(graph: WalkGraph, chains: Chains, source: Source, avoidSteps: boolean): OnChain {
  const { segment, alongM } = source.snap;
  const forward = chains.segmentPosB[segment]! >= chains.segmentPosA[segment]!;
  const factor = avoidSteps && graph.segmentFlags[segment]! & SEGMENT_STEPS ? STEPS_COST_FACTOR : 1;
  const c = chains.segmentChain[segment]!;
  const order = chains.segmentOrder[segment]!;
  return {
    source,
    posM: chains.segmentPosA[segment]! + (forward ? alongM : -alongM),
    costPosM: (avoidSteps ? chains.segmentCostPosA[segment]! : chains.segmentPosA[segment]!) + (forward ? alongM * factor : -alongM * factor),
    atStart: order === 0,
    atEnd: order === chains.segmentsOf[c]! - 1,
  };
}

/** The arrays one search writes, passed to its helpers (no closures: the hot loops stay on locals). */
interface State {
  graph: WalkGraph;
  chains: Chains;
  distM: Float64Array;
  cost: Float64Array;
  label: Int32Array;
  prevEdge: Int32Array;
  touched: Int32Array;
  touchedCount: number;
  cutoffM: number;
  avoidSteps: boolean;
  /** Sources by chain. */
  byChain: Map<number, OnChain[]>;
}

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

/** Fills in a chain's inner nodes from its two ends and from any source on it. */
function fillChain(st: State, chain: number, onIt: readonly OnChain[] | undefined): void {
  const { chains, distM, cost, label, prevEdge, touched, cutoffM } = st;
  const first = chains.innerOffsets[chain]!;
  const last = chains.innerOffsets[chain + 1]!;
  const a = chains.start[chain]!;
  const z = chains.end[chain]!;
  const dA = distM[a]!;
  const dZ = distM[z]!;
  const cA = cost[a]!;
  const cZ = cost[z]!;
  const lengthM = chains.lengthM[chain]!;
  const chainCost = st.avoidSteps ? chains.costM[chain]! : lengthM;
  const posOf = chains.posM;
  const costPosOf = st.avoidSteps ? chains.costPosM : chains.posM;
  const { inner, fromStartEdge, fromEndEdge } = chains;
  let count = st.touchedCount;
  for (let i = first; i < last; i++) {
    const x = inner[i]!;
    const pos = posOf[x]!;
    const costPos = costPosOf[x]!;
    let bestCost = Infinity;
    let bestM = Infinity;
    let bestLabel = -1;
    let bestEdge = -1;
    let m = dA + pos;
    if (m <= cutoffM && cA + costPos < bestCost) {
      bestCost = cA + costPos;
      bestM = m;
      bestLabel = label[a]!;
      bestEdge = fromStartEdge[x]!;
    }
    m = dZ + lengthM - pos;
    if (m <= cutoffM && cZ + chainCost - costPos < bestCost) {
      bestCost = cZ + chainCost - costPos;
      bestM = m;
      bestLabel = label[z]!;
      bestEdge = fromEndEdge[x]!;
    }
    if (onIt) {
      for (const at of onIt) {
        const off = at.source.snap.offsetM;
        m = off + Math.abs(pos - at.posM);
        const c = off + Math.abs(costPos - at.costPosM);
        if (m <= cutoffM && c < bestCost) {
          bestCost = c;
          bestM = m;
          bestLabel = at.source.label;
          const seg = at.source.snap.segment;
          const endOfSourceSegment = st.graph.segmentA[seg] === x || st.graph.segmentB[seg] === x;
          bestEdge = endOfSourceSegment ? -1 : pos > at.posM ? fromStartEdge[x]! : fromEndEdge[x]!;
        }
      }
    }
    if (bestM === Infinity) continue;
    touched[count++] = x;
    cost[x] = bestCost;
    distM[x] = bestM;
    label[x] = bestLabel;
    prevEdge[x] = bestEdge;
  }
  st.touchedCount = count;
}

/** Fills every reached chain's inner nodes except the sources' chains (done first, with their sources). */
function fillAllChains(st: State): void {
  const { chains, distM } = st;
  const { withInner, start, end } = chains;
  for (let i = 0; i < withInner.length; i++) {
    const chain = withInner[i]!;
    if ((distM[start[chain]!] === Infinity && distM[end[chain]!] === Infinity) || st.byChain.has(chain)) continue;
    fillChain(st, chain, undefined);
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
  for (const [chain, onIt] of st.byChain) fillChain(st, chain, onIt);
  fillAllChains(st);
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

  if (options.coreOnly) {
    const coreOnly = { chains, byChain: st.byChain };
    if (!space) return makeSearch(graph, distM, label, prevEdge, cutoffM, sources, undefined, coreOnly);
    space.touchedCount = touchedCount;
    return makeSearch(graph, distM, label, prevEdge, cutoffM, sources, undefined, coreOnly, space.touched.subarray(0, touchedCount));
  }
  // Fill in the inner nodes of every chain at a reached core node, and of the sources' chains:
  // from the reached core nodes when few are, else by going over all chains with inner nodes.
  const { coreChain, innerOffsets, withInner } = chains;
  for (const [chain, onIt] of st.byChain) fillChain(st, chain, onIt);
  if (touchedCount * 4 < withInner.length) {
    if (chainStamp.length < chains.count) chainStamp = new Uint32Array(chains.count);
    if (++searchNumber === 0xffffffff) {
      chainStamp.fill(0);
      searchNumber = 1;
    }
    for (const chain of st.byChain.keys()) chainStamp[chain] = searchNumber;
    for (let k = 0; k < touchedCount; k++) {
      const u = touched[k]!;
      const last = coreOffsets[u + 1]!;
      for (let j = coreOffsets[u]!; j < last; j++) {
        const chain = coreChain[j]!;
        if (chainStamp[chain] === searchNumber || innerOffsets[chain] === innerOffsets[chain + 1]) continue;
        chainStamp[chain] = searchNumber;
        fillChain(st, chain, undefined);
      }
    }
  } else fillAllChains(st);
  const stepsCost = avoidSteps ? cost : null;
  if (!space) return makeSearch(graph, distM, label, prevEdge, cutoffM, sources, undefined, null, null, stepsCost);
  space.touchedCount = st.touchedCount;
  return makeSearch(graph, distM, label, prevEdge, cutoffM, sources, undefined, null, space.touched.subarray(0, st.touchedCount), stepsCost);
}

export interface Reach {
  /** Metres walked from the nearest source to the target point, both snap legs included. */
  walkM: number;
  /** Label of that source. */
  label: number;
  /** How the target's segment was entered: from node A, node B, or along it from a source on it. */
  via: 'A' | 'B' | 'same-segment';
}

/** The label that goes with innerReach's answer (a module variable: no object per call). */
let reachedLabel = -1;

/** Metres to a node of a coreOnly search: stored for a core node, from its chain's ends (and sources on it) for an inner one. */
function innerReach(search: Search, coreOnly: NonNullable<Search['coreOnly']>, x: number): number {
  const { chains, byChain } = coreOnly;
  const { distM, label } = search;
  if (chains.isCore[x]) {
    reachedLabel = label[x]!;
    return distM[x]!;
  }
  const chain = chains.chainOfNode[x]!;
  const pos = chains.posM[x]!;
  const a = chains.start[chain]!;
  const z = chains.end[chain]!;
  let best = distM[a]! + pos;
  reachedLabel = label[a]!;
  const fromEnd = distM[z]! + chains.lengthM[chain]! - pos;
  if (fromEnd < best) {
    best = fromEnd;
    reachedLabel = label[z]!;
  }
  const onIt = byChain.size > 0 ? byChain.get(chain) : undefined;
  if (onIt) {
    for (const at of onIt) {
      const direct = at.source.snap.offsetM + Math.abs(pos - at.posM);
      if (direct < best) {
        best = direct;
        reachedLabel = at.source.label;
      }
    }
  }
  if (best > search.cutoffM) {
    reachedLabel = -1;
    return Infinity;
  }
  return best;
}

/** The shortest walk from the search's sources to a snapped point; null when unreachable. */
export function reachOf(search: Search, target: Snap): Reach | null {
  const walkM = reachM(search, target);
  return walkM === null ? null : { walkM, label: reached.label, via: reached.via };
}

/** What the last reachM found besides the metres (module state: no object per lookup). */
export const reached: { label: number; via: Reach['via'] } = { label: -1, via: 'A' };

/**
 * reachOf for hot loops (every compound × category of an analysis): the metres only, or
 * null; the label and the way in are left in `reached` until the next call.
 */
export function reachM(search: Search, target: Snap): number | null {
  if (search.cost) return reachAvoidingSteps(search, search.cost, target);
  const { graph, distM, label, coreOnly } = search;
  const s = target.segment;
  const a = graph.segmentA[s]!;
  const b = graph.segmentB[s]!;
  let bestM: number;
  let bestLabel: number;
  let viaB: number;
  let labelB: number;
  if (coreOnly && !(coreOnly.chains.isCore[a] && coreOnly.chains.isCore[b])) {
    bestM = innerReach(search, coreOnly, a);
    bestLabel = reachedLabel;
    viaB = innerReach(search, coreOnly, b);
    labelB = reachedLabel;
  } else {
    bestM = distM[a]!;
    bestLabel = label[a]!;
    viaB = distM[b]!;
    labelB = label[b]!;
  }
  bestM += target.alongM;
  let via: Reach['via'] = 'A';
  viaB += graph.segmentLengthM[s]! - target.alongM;
  if (viaB < bestM) {
    bestM = viaB;
    bestLabel = labelB;
    via = 'B';
  }
  const onSegment = search.bySegment.size > 0 ? search.bySegment.get(s) : undefined;
  if (onSegment) {
    for (const source of onSegment) {
      const direct = source.snap.offsetM + Math.abs(source.snap.alongM - target.alongM);
      if (direct < bestM) {
        bestM = direct;
        bestLabel = source.label;
        via = 'same-segment';
      }
    }
  }
  if (bestM === Infinity) return null;
  const walkM = bestM + target.offsetM;
  if (walkM > search.cutoffM) return null;
  reached.label = bestLabel;
  reached.via = via;
  return walkM;
}

/** reachM for an avoidSteps search: the way in (end A, end B or along from a source) is chosen by cost. */
function reachAvoidingSteps(search: Search, cost: Float64Array, target: Snap): number | null {
  const { graph, distM, label } = search;
  const s = target.segment;
  const factor = graph.segmentFlags[s]! & SEGMENT_STEPS ? STEPS_COST_FACTOR : 1;
  const toB = graph.segmentLengthM[s]! - target.alongM;
  const limit = search.cutoffM - target.offsetM;
  let bestCost = Infinity;
  let bestM = Infinity;
  const consider = (metres: number, c: number, l: number, via: Reach['via']) => {
    if (metres <= limit && c < bestCost) {
      bestCost = c;
      bestM = metres;
      reached.label = l;
      reached.via = via;
    }
  };
  const a = graph.segmentA[s]!;
  const b = graph.segmentB[s]!;
  consider(distM[a]! + target.alongM, cost[a]! + target.alongM * factor, label[a]!, 'A');
  consider(distM[b]! + toB, cost[b]! + toB * factor, label[b]!, 'B');
  for (const source of search.bySegment.get(s) ?? []) {
    const along = Math.abs(source.snap.alongM - target.alongM);
    consider(source.snap.offsetM + along, source.snap.offsetM + along * factor, source.label, 'same-segment');
  }
  return bestM === Infinity ? null : bestM + target.offsetM;
}
