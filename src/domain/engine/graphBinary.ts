import { chainsOf, primeChains, type Chains } from './chains';
import type { WalkGraph } from './graph';

/**
 * A prebuilt walking graph as one binary buffer (DESIGN.md: "build once per dataset; cache
 * it", load ≤ 20 ms): the CSR graph and its contraction (chains.ts) as typed arrays laid end
 * to end, each 8-byte aligned, after a small header. Loading makes views into the buffer,
 * no copies and no parsing, so it costs microseconds whatever the city's size.
 *
 * Layout: magic "WLKG", format version (u32), then per array in the order of FIELDS its
 * element count (u32) and type code, then the arrays.
 */

const MAGIC = 0x474b4c57; // "WLKG" little-endian
const VERSION = 1;

type Typed = Float64Array | Uint32Array | Int32Array | Uint8Array;
const TYPES = [Float64Array, Uint32Array, Int32Array, Uint8Array] as const;

const GRAPH_FIELDS = [
  'nodeLon',
  'nodeLat',
  'offsets',
  'targets',
  'edgeLengthM',
  'edgeSegment',
  'segmentA',
  'segmentB',
  'segmentLengthM',
  'segmentFlags',
  'segmentFeature',
] as const satisfies readonly (keyof WalkGraph)[];

const CHAIN_FIELDS = [
  'withInner',
  'start',
  'end',
  'lengthM',
  'costM',
  'innerOffsets',
  'inner',
  'chainOfNode',
  'posM',
  'costPosM',
  'fromStartEdge',
  'fromEndEdge',
  'endEnterEdge',
  'startEnterEdge',
  'segmentChain',
  'segmentOrder',
  'segmentPosA',
  'segmentPosB',
  'segmentCostPosA',
  'segmentCostPosB',
  'segmentsOf',
  'coreOffsets',
  'coreTarget',
  'coreLengthM',
  'coreCostM',
  'coreChain',
  'coreEnterEdge',
  'isCore',
] as const satisfies readonly (keyof Chains)[];

const typeCode = (array: Typed): number => TYPES.findIndex((T) => array instanceof T);

/** The array type of each field, in GRAPH_FIELDS then CHAIN_FIELDS order (what decode checks against). */
const EXPECTED_TYPES: readonly (typeof TYPES)[number][] = [
  Float64Array,
  Float64Array,
  Uint32Array,
  Uint32Array,
  Float64Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Float64Array,
  Uint8Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Float64Array,
  Float64Array,
  Uint32Array,
  Uint32Array,
  Int32Array,
  Float64Array,
  Float64Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Uint32Array,
  Uint32Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Float64Array,
  Float64Array,
  Uint32Array,
  Int32Array,
  Uint8Array,
];
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The graph and its chains as one buffer. */
export function encodeGraph(graph: WalkGraph): ArrayBuffer {
  const chains = chainsOf(graph);
  const arrays: Typed[] = [...GRAPH_FIELDS.map((f) => graph[f]), ...CHAIN_FIELDS.map((f) => chains[f])];
  const headerBytes = align8(4 * (2 + 2 + 2 * arrays.length));
  let bytes = headerBytes;
  for (const a of arrays) bytes += align8(a.byteLength);
  const buffer = new ArrayBuffer(bytes);
  const header = new Uint32Array(buffer, 0, headerBytes / 4);
  header[0] = MAGIC;
  header[1] = VERSION;
  header[2] = graph.nodeCount;
  header[3] = graph.segmentCount;
  let offset = headerBytes;
  arrays.forEach((a, i) => {
    header[4 + 2 * i] = a.length;
    header[5 + 2 * i] = typeCode(a);
    new Uint8Array(buffer, offset, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    offset += align8(a.byteLength);
  });
  return buffer;
}

/** A graph from encodeGraph's buffer, starting at byteOffset (views into it; keep the buffer unchanged). Throws on a foreign or damaged buffer. */
export function decodeGraph(buffer: ArrayBuffer, byteOffset = 0): WalkGraph {
  const count = GRAPH_FIELDS.length + CHAIN_FIELDS.length;
  const headerBytes = align8(4 * (2 + 2 + 2 * count));
  if (byteOffset % 8 !== 0) throw new Error('walking graph misaligned');
  if (buffer.byteLength < byteOffset + headerBytes) throw new Error('not a walking graph (too short)');
  const header = new Uint32Array(buffer, byteOffset, headerBytes / 4);
  if (header[0] !== MAGIC) throw new Error('not a walking graph (bad magic number)');
  if (header[1] !== VERSION) throw new Error(`walking graph format ${header[1]}, expected ${VERSION}`);
  const arrays: Typed[] = [];
  let offset = byteOffset + headerBytes;
  for (let i = 0; i < count; i++) {
    const length = header[4 + 2 * i]!;
    const T = TYPES[header[5 + 2 * i]!];
    if (!T) throw new Error('walking graph damaged (unknown array type)');
    const byteLength = length * T.BYTES_PER_ELEMENT;
    if (offset + byteLength > buffer.byteLength) throw new Error('walking graph damaged (truncated)');
    arrays.push(new T(buffer, offset, length));
    offset += align8(byteLength);
  }
  const nodeCount = header[2]!;
  const segmentCount = header[3]!;
  const sizes: [number, number][] = [
    [2, nodeCount + 1],
    [7, segmentCount],
    [GRAPH_FIELDS.length + CHAIN_FIELDS.indexOf('isCore'), nodeCount],
  ];
  for (const [i, length] of sizes)
    if (arrays[i]!.length !== length) throw new Error('walking graph damaged (array sizes do not match its node and segment counts)');
  arrays.forEach((array, i) => {
    const expected = EXPECTED_TYPES[i];
    if (expected && !(array instanceof expected)) throw new Error('walking graph damaged (an array has the wrong type)');
  });
  const field = <K extends string>(names: readonly K[], from: number) =>
    Object.fromEntries(names.map((name, i) => [name, arrays[from + i]])) as Record<K, Typed>;
  const graph = { nodeCount, segmentCount, ...field(GRAPH_FIELDS, 0) } as unknown as WalkGraph;
  const chainArrays = field(CHAIN_FIELDS, GRAPH_FIELDS.length);
  const chains = { count: chainArrays.start.length, ...chainArrays } as unknown as Chains;
  primeChains(graph, chains);
  return graph;
}
