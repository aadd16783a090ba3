// A straightforward plain-Node gap analysis, the yardstick of the bench's analyze-process row
// (DESIGN.md: the whole `analyze` process ≤ 1.5× this script). Plain JavaScript, no packages,
// no validation: it reads the same GeoJSON, builds CSR arrays, snaps every point to the nearest
// point of the nearest segment through a simple grid index and runs one multi-source Dijkstra
// with a binary heap per category, with the distance semantics of DATA-CONTRACT.md
// "Distances" (haversine metres, R = 6,371,008.8 m; the snap leg is walked).
//
//   node src/cli/bench/plain-analyze.mjs <dataset-dir> <out.json>
//
// Writes {"compounds":[{id, population, elderly60, origins, nearest:{category:{facility_id,
// walk_m, walk_min}|null}}]} (metres and minutes to 0.1, as the analyze report). A compound's
// origin is the middle of its polygon's bounding box, which is what analyze uses (turf's point
// on surface) whenever that middle lies inside the polygon, as it does for the rectangles the
// bench writes; gates are not read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;
const SPEED_M_PER_MIN = 60;
const CELL_M = 100;

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  process.stderr.write('usage: node plain-analyze.mjs <dataset-dir> <out.json>\n');
  process.exit(2);
}
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

function haversineM(lon1, lat1, lon2, lat2) {
  const dLat = (lat2 - lat1) * DEG;
  const dLon = (lon2 - lon1) * DEG;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

// ── Graph: every distinct coordinate (1e-7°) of a walkable way is a node, consecutive ones a segment.
const ways = read('network.geojson').features.filter((f) => {
  const access = f.properties && f.properties.access;
  return access !== 'no' && access !== 'private' && f.geometry;
});
const linesOf = (g) => (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []);
let minX = Infinity;
let minY = Infinity;
let maxY = -Infinity;
for (const way of ways) {
  for (const line of linesOf(way.geometry)) {
    for (const p of line) {
      minX = Math.min(minX, Math.round(p[0] * 1e7));
      minY = Math.min(minY, Math.round(p[1] * 1e7));
      maxY = Math.max(maxY, Math.round(p[1] * 1e7));
    }
  }
}
const spanY = maxY - minY + 1;
const nodeOf = new Map();
const lonList = [];
const latList = [];
const segA = [];
const segB = [];
const segLen = [];
const seen = new Set();
for (const way of ways) {
  for (const line of linesOf(way.geometry)) {
    let previous = -1;
    for (const p of line) {
      const x = Math.round(p[0] * 1e7);
      const y = Math.round(p[1] * 1e7);
      const key = (x - minX) * spanY + (y - minY);
      let node = nodeOf.get(key);
      if (node === undefined) {
        node = lonList.length;
        nodeOf.set(key, node);
        lonList.push(x / 1e7);
        latList.push(y / 1e7);
      }
      if (previous >= 0 && previous !== node) {
        const a = Math.min(previous, node);
        const b = Math.max(previous, node);
        const pair = a * 2 ** 26 + b;
        if (!seen.has(pair)) {
          seen.add(pair);
          segA.push(a);
          segB.push(b);
          segLen.push(haversineM(lonList[a], latList[a], lonList[b], latList[b]));
        }
      }
      previous = node;
    }
  }
}
const nodeCount = lonList.length;
const segmentCount = segA.length;
const lon = Float64Array.from(lonList);
const lat = Float64Array.from(latList);

// CSR: the directed edges of node n are offsets[n] .. offsets[n + 1] - 1.
const offsets = new Uint32Array(nodeCount + 1);
for (let s = 0; s < segmentCount; s++) {
  offsets[segA[s] + 1]++;
  offsets[segB[s] + 1]++;
}
for (let n = 0; n < nodeCount; n++) offsets[n + 1] += offsets[n];
const fill = offsets.slice(0, nodeCount);
const targets = new Uint32Array(segmentCount * 2);
const lengths = new Float64Array(segmentCount * 2);
for (let s = 0; s < segmentCount; s++) {
  let e = fill[segA[s]]++;
  targets[e] = segB[s];
  lengths[e] = segLen[s];
  e = fill[segB[s]]++;
  targets[e] = segA[s];
  lengths[e] = segLen[s];
}

// ── Snapping: a local equirectangular plane (metres) around the nodes' mean, a grid of segment boxes.
let sumLon = 0;
let sumLat = 0;
for (let n = 0; n < nodeCount; n++) {
  sumLon += lon[n];
  sumLat += lat[n];
}
const lon0 = sumLon / nodeCount;
const lat0 = sumLat / nodeCount;
const kx = EARTH_RADIUS_M * DEG * Math.cos(lat0 * DEG);
const ky = EARTH_RADIUS_M * DEG;
const px = new Float64Array(nodeCount);
const py = new Float64Array(nodeCount);
let gx0 = Infinity;
let gy0 = Infinity;
let gx1 = -Infinity;
let gy1 = -Infinity;
for (let n = 0; n < nodeCount; n++) {
  px[n] = (lon[n] - lon0) * kx;
  py[n] = (lat[n] - lat0) * ky;
  gx0 = Math.min(gx0, px[n]);
  gy0 = Math.min(gy0, py[n]);
  gx1 = Math.max(gx1, px[n]);
  gy1 = Math.max(gy1, py[n]);
}
const cols = Math.floor((gx1 - gx0) / CELL_M) + 1;
const rows = Math.floor((gy1 - gy0) / CELL_M) + 1;
const cellX = (x) => Math.floor((x - gx0) / CELL_M);
const cellY = (y) => Math.floor((y - gy0) / CELL_M);
function forCells(s, visit) {
  const a = segA[s];
  const b = segB[s];
  const c0 = cellX(Math.min(px[a], px[b]));
  const c1 = cellX(Math.max(px[a], px[b]));
  const r0 = cellY(Math.min(py[a], py[b]));
  const r1 = cellY(Math.max(py[a], py[b]));
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * cols + c);
}
const cellStart = new Uint32Array(cols * rows + 1);
for (let s = 0; s < segmentCount; s++) forCells(s, (cell) => cellStart[cell + 1]++);
for (let k = 0; k < cols * rows; k++) cellStart[k + 1] += cellStart[k];
const cellFill = cellStart.slice(0, cols * rows);
const cellSegments = new Uint32Array(cellStart[cols * rows]);
for (let s = 0; s < segmentCount; s++) forCells(s, (cell) => (cellSegments[cellFill[cell]++] = s));

/** The nearest point on the nearest segment: { segment, alongM, offsetM }. */
function snap(pLon, pLat) {
  const x = (pLon - lon0) * kx;
  const y = (pLat - lat0) * ky;
  const cx = cellX(x);
  const cy = cellY(y);
  let best = -1;
  let bestD2 = Infinity;
  let bestT = 0;
  const consider = (s) => {
    const ax = px[segA[s]];
    const ay = py[segA[s]];
    const dx = px[segB[s]] - ax;
    const dy = py[segB[s]] - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
    const ex = ax + t * dx - x;
    const ey = ay + t * dy - y;
    const d2 = ex * ex + ey * ey;
    // Exact ties go to the lower segment (the order the ways were read in).
    if (d2 < bestD2 - 1e-9 || (Math.abs(d2 - bestD2) <= 1e-9 && s < best)) {
      best = s;
      bestD2 = d2;
      bestT = t;
    }
  };
  // Rings of cells around the point's cell, until nothing outside the ring can be nearer.
  const maxRing = Math.max(cols, rows) + Math.abs(cx) + Math.abs(cy);
  for (let ring = 0; ring <= maxRing; ring++) {
    for (let r = cy - ring; r <= cy + ring; r++) {
      if (r < 0 || r >= rows) continue;
      const edge = r === cy - ring || r === cy + ring;
      for (let c = cx - ring; c <= cx + ring; c += edge ? 1 : 2 * ring || 1) {
        if (c < 0 || c >= cols) continue;
        const cell = r * cols + c;
        for (let k = cellStart[cell]; k < cellStart[cell + 1]; k++) consider(cellSegments[k]);
      }
    }
    if (best >= 0 && Math.sqrt(bestD2) <= ring * CELL_M) break;
  }
  const a = segA[best];
  const b = segB[best];
  const sLon = lon[a] + bestT * (lon[b] - lon[a]);
  const sLat = lat[a] + bestT * (lat[b] - lat[a]);
  return { segment: best, alongM: bestT * segLen[best], offsetM: haversineM(pLon, pLat, sLon, sLat) };
}

// ── Places.
const round7 = (v) => Math.round(v * 1e7) / 1e7;
const round1 = (v) => Math.round(v * 10) / 10;
const facilities = read('facilities.geojson').features.map((f) => ({
  id: f.properties.id,
  category: f.properties.category,
  snap: snap(f.geometry.coordinates[0], f.geometry.coordinates[1]),
}));
const categories = [...new Set(facilities.map((f) => f.category))];
const compounds = read('compounds.geojson').features.map((f) => {
  const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((polygon) => polygon[0]);
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const ring of rings) {
    for (const p of ring) {
      w = Math.min(w, p[0]);
      e = Math.max(e, p[0]);
      s = Math.min(s, p[1]);
      n = Math.max(n, p[1]);
    }
  }
  const origin = [round7((w + e) / 2), round7((s + n) / 2)];
  return { id: f.properties.id, population: f.properties.population, elderly60: f.properties.elderly60, origin, snap: snap(origin[0], origin[1]) };
});

// ── One multi-source Dijkstra per category (binary heap with lazy deletion), then a lookup per compound.
const dist = new Float64Array(nodeCount);
const label = new Int32Array(nodeCount);
let heapNode = new Int32Array(1024);
let heapKey = new Float64Array(1024);
let heapSize = 0;
function push(node, key) {
  if (heapSize === heapNode.length) {
    const nodes = new Int32Array(heapSize * 2);
    nodes.set(heapNode);
    heapNode = nodes;
    const keys = new Float64Array(heapSize * 2);
    keys.set(heapKey);
    heapKey = keys;
  }
  let i = heapSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heapKey[parent] <= key) break;
    heapNode[i] = heapNode[parent];
    heapKey[i] = heapKey[parent];
    i = parent;
  }
  heapNode[i] = node;
  heapKey[i] = key;
}
function pop() {
  const top = heapNode[0];
  const node = heapNode[--heapSize];
  const key = heapKey[heapSize];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= heapSize) break;
    if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) child++;
    if (heapKey[child] >= key) break;
    heapNode[i] = heapNode[child];
    heapKey[i] = heapKey[child];
    i = child;
  }
  heapNode[i] = node;
  heapKey[i] = key;
  return top;
}
function relax(node, metres, facility) {
  if (metres < dist[node]) {
    dist[node] = metres;
    label[node] = facility;
    push(node, metres);
  }
}

const nearest = compounds.map(() => ({}));
for (const category of categories) {
  dist.fill(Infinity);
  label.fill(-1);
  heapSize = 0;
  const onSegment = new Map();
  facilities.forEach((f, index) => {
    if (f.category !== category) return;
    const { segment, alongM, offsetM } = f.snap;
    relax(segA[segment], offsetM + alongM, index);
    relax(segB[segment], offsetM + segLen[segment] - alongM, index);
    if (!onSegment.has(segment)) onSegment.set(segment, []);
    onSegment.get(segment).push(index);
  });
  while (heapSize > 0) {
    const key = heapKey[0];
    const u = pop();
    if (key > dist[u]) continue;
    for (let e = offsets[u]; e < offsets[u + 1]; e++) relax(targets[e], key + lengths[e], label[u]);
  }
  compounds.forEach((compound, i) => {
    const { segment, alongM, offsetM } = compound.snap;
    let bestM = dist[segA[segment]] + alongM;
    let bestFacility = label[segA[segment]];
    const viaB = dist[segB[segment]] + segLen[segment] - alongM;
    if (viaB < bestM) {
      bestM = viaB;
      bestFacility = label[segB[segment]];
    }
    for (const index of onSegment.get(segment) ?? []) {
      const along = Math.abs(facilities[index].snap.alongM - alongM) + facilities[index].snap.offsetM;
      if (along < bestM) {
        bestM = along;
        bestFacility = index;
      }
    }
    const walkM = bestM + offsetM;
    nearest[i][category] =
      walkM < Infinity ? { facility_id: facilities[bestFacility].id, walk_m: round1(walkM), walk_min: round1(walkM / SPEED_M_PER_MIN) } : null;
  });
}

const report = {
  compounds: compounds.map((c, i) => ({ id: c.id, population: c.population, elderly60: c.elderly60, origins: [c.origin], nearest: nearest[i] })),
};
writeFileSync(out, JSON.stringify(report));
