import { decodeGraph, encodeGraph } from './graphBinary';
import type { WalkGraph } from './graph';

/**
 * The prebuilt walking graph that `npm run prepare-dataset` writes beside network.geojson:
 * the engine's binary graph (graphBinary.ts) after a small header naming the network it was
 * built from (networkFingerprint). A reader checks that name against the network it loaded,
 * so a graph left behind after network.geojson changed is never used.
 *
 * Layout: magic "WLKP", version (u32), fingerprint byte length (u32), padding, the
 * fingerprint's UTF-8 bytes padded to 8, then the binary graph.
 */

export const PREBUILT_FILE = 'network.graph.bin';

const MAGIC = 0x504b4c57; // "WLKP" little-endian
const VERSION = 1;
const HEAD = 16;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

export function encodePrebuilt(graph: WalkGraph, fingerprint: string): ArrayBuffer {
  const name = new TextEncoder().encode(fingerprint);
  const body = encodeGraph(graph);
  const start = HEAD + align8(name.byteLength);
  const buffer = new ArrayBuffer(start + body.byteLength);
  const header = new Uint32Array(buffer, 0, 4);
  header[0] = MAGIC;
  header[1] = VERSION;
  header[2] = name.byteLength;
  new Uint8Array(buffer, HEAD, name.byteLength).set(name);
  new Uint8Array(buffer, start).set(new Uint8Array(body));
  return buffer;
}

export type PrebuiltRead = { ok: true; graph: WalkGraph } | { ok: false; reason: 'stale' | 'foreign'; detail: string };

/** The graph in a prebuilt file, if it was built from the network with this fingerprint. */
export function decodePrebuilt(buffer: ArrayBuffer, fingerprint: string): PrebuiltRead {
  if (buffer.byteLength < HEAD) return { ok: false, reason: 'foreign', detail: 'too short to be a prebuilt walking graph' };
  const header = new Uint32Array(buffer, 0, 4);
  if (header[0] !== MAGIC) return { ok: false, reason: 'foreign', detail: 'not a prebuilt walking graph' };
  if (header[1] !== VERSION) return { ok: false, reason: 'stale', detail: `prebuilt graph format ${header[1]}, expected ${VERSION}` };
  const nameBytes = header[2]!;
  if (HEAD + nameBytes > buffer.byteLength) return { ok: false, reason: 'foreign', detail: 'prebuilt walking graph damaged (truncated)' };
  const name = new TextDecoder().decode(new Uint8Array(buffer, HEAD, nameBytes));
  if (name !== fingerprint) return { ok: false, reason: 'stale', detail: 'built from another version of network.geojson' };
  try {
    return { ok: true, graph: decodeGraph(buffer, HEAD + align8(nameBytes)) };
  } catch (error) {
    return { ok: false, reason: 'foreign', detail: (error as Error).message };
  }
}
