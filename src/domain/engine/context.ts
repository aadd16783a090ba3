import type { Network } from '../dataset';
import { buildGraph, type WalkGraph } from './graph';

export { graphBuilds } from './graph';
import { Snapper } from './snap';

/** The walking graph of one dataset and its snapper; null stands for "no walkable network". */
export interface WalkContext {
  graph: WalkGraph;
  snapper: Snapper;
}

export type { Network } from '../dataset';

/** A context around a graph (built here or decoded from a prebuilt binary); null when it has no segment. */
export function contextOfGraph(graph: WalkGraph): WalkContext | null {
  return graph.segmentCount > 0 ? { graph, snapper: new Snapper(graph) } : null;
}

/** Builds the graph of a network; null when there is no walkable way. */
export function walkContext(network: Network | null | undefined): WalkContext | null {
  if (!network || network.features.length === 0) return null;
  return contextOfGraph(buildGraph(network));
}

/** What engine parts accept: a context the caller already has (shared), or a network to build one from. */
export type NetworkOrContext = Network | WalkContext | null | undefined;

export function isContext(input: NetworkOrContext): input is WalkContext {
  return input !== null && input !== undefined && 'graph' in input && 'snapper' in input;
}

/** The shared context when given one, else one built from the network. */
export function contextOf(input: NetworkOrContext): WalkContext | null {
  return isContext(input) ? input : walkContext(input);
}
