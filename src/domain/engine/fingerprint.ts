import type { Network } from './context';

/**
 * A fingerprint of what the walking graph is built from: every way's coordinates (at the
 * graph's 1e-7° rounding) and the properties that change walking (access, highway, bridge),
 * in file order. Two reads of the same network.geojson agree, whatever their formatting or
 * CRS conversion path; any change to a way changes it. Two independent 32-bit FNV-1a lanes
 * make an accidental match about one in 2^64. It lets the walking session keep its graph
 * across re-reads of an unchanged network, and tells a prebuilt graph from a stale one.
 */
export function networkFingerprint(network: Network | null | undefined): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  let count = 0;
  const mix = (value: number) => {
    a = Math.imul(a ^ (value & 0xffff), 0x01000193);
    a = Math.imul(a ^ (value >>> 16), 0x01000193);
    b = Math.imul(b ^ (value >>> 16), 0x01000193);
    b = Math.imul(b ^ (value & 0xffff), 0x01000193);
    count++;
  };
  const text = (value: unknown) => {
    const s = value === undefined || value === null ? '' : String(value);
    mix(s.length);
    for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
  };
  for (const feature of network?.features ?? []) {
    const p = feature.properties;
    text(p?.access);
    text(p?.highway);
    text(p?.bridge);
    const g = feature.geometry;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    mix(lines.length);
    for (const line of lines) {
      mix(line.length);
      for (const position of line) {
        // Rounded like the graph's node keys; | 0 keeps the low 32 bits of each, which is all that mixing needs.
        mix(Math.round((position[0] ?? 0) * 1e7) | 0);
        mix(Math.round((position[1] ?? 0) * 1e7) | 0);
      }
    }
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}-${count.toString(36)}`;
}
