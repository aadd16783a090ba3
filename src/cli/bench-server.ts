import { pointOnFeature } from '@turf/turf';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../data/load';
import { fromDirectory } from '../data/node-source';
import { CATEGORIES } from '../domain/taxonomy';
import { KNOWN_SKILLS } from '../domain/volunteers/skills';
import { buildServer, createContext } from '../server/app';
import { issueApiKey } from '../server/auth/apiKeys';
import { SqliteLedgerStore } from '../server/store/sqlite';
import { failUsage, parseCli } from './args';

const spec = {
  usage: 'npm run bench:server -- [--quick] [--seconds <n>] [--connections <n>] [--data <dir>]',
  summary:
    'Benchmarks the requests service on loopback with autocannon: Open311 POST, a filtered GET and GET by id,\n' +
    'against a server child process on 127.0.0.1 with a temporary ledger (synchronous=FULL, as in production).\n' +
    'Targets on 2 cores (../shared/DESIGN.md): ≥ 1,000 POST/s, ≥ 5,000 GET/s, p99 ≤ 50 ms.',
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '10' },
    data: { type: 'string', default: 'data/yuefeng-sample' },
    child: { type: 'string' },
  },
  help: {
    quick: '3 s per run instead of 10',
    seconds: 'seconds per run (overrides --quick)',
    connections: 'concurrent connections (default 10)',
    data: 'dataset directory (default data/yuefeng-sample)',
    child: 'internal: serve the ledger FILE for the benchmark and print its address',
  },
} as const;

const { values } = parseCli(spec);

/** The server side: the real server, but no per-key limit (the benchmark is one key sending thousands). */
async function serveChild(dbFile: string, dataDir: string) {
  const ctx = await createContext({ dataDir, dbFile, distDir: null, open311PerKeyPerMinute: Number.MAX_SAFE_INTEGER });
  const app = await buildServer(ctx);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ url }));
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (values.child) {
  await serveChild(values.child, resolve(values.data));
} else {
  await bench();
}

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest) => CannonRequest;
}
type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests?: CannonRequest[];
  method?: string;
  headers?: Record<string, string>;
}) => Promise<CannonResult>;

/** CPU ticks of the whole machine (busy, total) and of one process, from /proc (Linux); null elsewhere. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
function processTicks(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

interface Row {
  name: string;
  result: CannonResult;
  target: number;
  /** Share of all cores busy during the run (every process on the machine), and the server's and this process's parts (in cores). */
  machineBusy: number | null;
  serverCores: number | null;
  cannonCores: number;
  load: number;
}

async function bench() {
  const seconds = values.seconds !== undefined ? Number(values.seconds) : values.quick ? 3 : 10;
  if (!(seconds > 0 && seconds <= 600)) failUsage(`--seconds must be between 0 and 600, got ${JSON.stringify(values.seconds)}`, spec);
  const connections = Number(values.connections);
  if (!Number.isInteger(connections) || connections < 1 || connections > 1000)
    failUsage(`--connections must be an integer from 1 to 1000, got ${JSON.stringify(values.connections)}`, spec);
  const dataDir = resolve(values.data);
  const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

  const dir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  const dbFile = join(dir, 'ledger.sqlite');
  let child: ChildProcess | undefined;
  // However it ends, the benchmark stops by itself: a hard limit well past the planned time.
  const guard = setTimeout(
    () => {
      console.error('error: the benchmark overran its time limit; stopping');
      child?.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      process.exit(1);
    },
    (seconds * 4 + 120) * 1000,
  );
  guard.unref();
  try {
    const { dataset } = await loadDataset(fromDirectory(dataDir), { label: dataDir });
    if (!dataset) throw new Error(`cannot load the dataset at ${dataDir}`);
    const setup = new SqliteLedgerStore(dbFile);
    const { key } = issueApiKey(setup, 'bench');
    setup.close();

    child = spawn(process.execPath, [...process.execArgv.filter((a) => a !== '--eval'), fileURLToPath(import.meta.url), '--child', dbFile, '--data', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await addressOf(child);
    const ids = dataset.requests.features.map((f) => f.properties.service_request_id);
    const bodies = postBodies(dataset.compounds.features, key);

    // Warm-up (JIT, statement cache, page cache); not reported.
    await autocannon({ url: `${url}/open311/v2/requests.json?service_code=repair`, connections, duration: 1 });

    const rows: Row[] = [];
    const measure = async (name: string, target: number, requests: CannonRequest[]) => {
      const machine0 = machineTicks();
      const server0 = processTicks(child!.pid);
      const own0 = process.cpuUsage();
      const result = await autocannon({ url, connections, duration: seconds, requests });
      const machine1 = machineTicks();
      const server1 = processTicks(child!.pid);
      const own = process.cpuUsage(own0);
      const wallS = result.duration || seconds;
      const ticksPerS = 100; // USER_HZ on Linux
      rows.push({
        name,
        result,
        target,
        machineBusy: machine0 && machine1 ? (machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total) : null,
        serverCores: server0 !== null && server1 !== null ? (server1 - server0) / ticksPerS / wallS : null,
        cannonCores: (own.user + own.system) / 1e6 / wallS,
        load: loadavg()[0]!,
      });
    };

    let next = 0;
    const before = countRequests(dbFile);
    await measure('POST /open311/v2/requests.json', 1000, [
      {
        method: 'POST',
        path: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ]);
    const stored = countRequests(dbFile) - before;
    let k = 0;
    await measure('GET  /open311/v2/requests.json?service_code=repair,escort&status=open&start_date…&end_date…', 5000, [
      {
        method: 'GET',
        path: '/open311/v2/requests.json?service_code=repair,escort&status=open&start_date=2026-08-03T00:00:00%2B08:00&end_date=2026-10-31T23:59:59%2B08:00',
      },
    ]);
    await measure('GET  /open311/v2/requests/{id}.json', 5000, [
      { method: 'GET', setupRequest: (request) => ({ ...request, path: `/open311/v2/requests/${ids[k++ % ids.length]}.json` }) },
    ]);

    report(rows, { seconds, connections, stored, posted: rows[0]!.result.requests.total - rows[0]!.result.non2xx });
  } finally {
    clearTimeout(guard);
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first line the child prints: {"url": …}. */
function addressOf(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('the server child did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the server child exited (${code}) before listening`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolvePromise((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`unexpected output from the server child: ${line}`));
      }
    });
  });
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function countRequests(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return Number((db.prepare('SELECT COUNT(*) AS n FROM requests').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

/** 1,000 JSON bodies: points inside the dataset's compounds (jittered a few metres), every kind of service. */
function postBodies(compounds: Parameters<typeof pointOnFeature>[0][], key: string): string[] {
  const codes = [...CATEGORIES.map((c) => c.id), ...KNOWN_SKILLS];
  const points = compounds.map((c) => pointOnFeature(c).geometry.coordinates as [number, number]);
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 1000 }, (_, i) => {
    const [lon, lat] = points[i % points.length]!;
    return JSON.stringify({
      api_key: key,
      service_code: codes[Math.floor(random() * codes.length)],
      lat: lat + (random() - 0.5) * 1e-4,
      long: lon + (random() - 0.5) * 1e-4,
      description: `压测请求 ${i}：楼道灯不亮`,
      phone: '13800000000',
    });
  });
}

function report(rows: Row[], run: { seconds: number; connections: number; stored: number; posted: number }) {
  const cpu = cpus();
  const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(
    `\nnpm run bench:server: node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; ${run.seconds} s per run, ${run.connections} connections, loopback`,
  );
  console.log('server: a child process, ledger in a temp dir (WAL, synchronous=FULL: every POST is on disk before its answer)\n');
  console.log(`${'run'.padEnd(96)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(8)}  target`);
  for (const { name, result, target } of rows) {
    const rateOk = result.requests.average >= target;
    const p99Ok = result.latency.p99 <= 50;
    const verdict = `${rateOk ? 'meets' : 'misses'} ≥ ${fmt(target)}/s, ${p99Ok ? 'meets' : 'misses'} p99 ≤ 50 ms`;
    console.log(
      `${name.padEnd(96)} ${fmt(result.requests.average).padStart(8)} ${fmt(result.latency.p50, 1).padStart(7)} ${fmt(result.latency.p99, 1).padStart(7)} ${fmt(result.non2xx + result.errors + result.timeouts).padStart(8)}  ${verdict}`,
    );
  }
  // Requests still in flight when a run stops are stored but not counted by autocannon: at most one per connection.
  const allStored = run.stored >= run.posted && run.stored <= run.posted + run.connections;
  console.log(
    `\nPOST: ${fmt(run.posted)} acknowledged with 201, ${fmt(run.stored)} stored in the ledger (${allStored ? `every acknowledged one; ${run.stored - run.posted} more were in flight at the stop` : 'MISMATCH'})`,
  );
  const failed = rows.filter((r) => r.result.non2xx + r.result.errors + r.result.timeouts > 0);
  if (!allStored || failed.length) {
    console.log(`error: ${failed.map((r) => r.name.split('?')[0]).join(', ') || 'POST'} did not answer every request with 2xx or lost one`);
    process.exitCode = 1;
  }
  console.log('\nhow busy the machine was during each run (other processes share these cores):');
  for (const row of rows) {
    const busy = row.machineBusy === null ? 'n/a' : `${fmt(row.machineBusy * 100)}% of all ${cpu.length} cores busy`;
    const server = row.serverCores === null ? 'n/a' : `${fmt(row.serverCores, 2)} cores`;
    const others =
      row.machineBusy !== null && row.serverCores !== null ? fmt(Math.max(0, row.machineBusy * cpu.length - row.serverCores - row.cannonCores), 2) : 'n/a';
    console.log(
      `  ${row.name.slice(0, 40).padEnd(40)} ${busy}; server ${server}, autocannon ${fmt(row.cannonCores, 2)} cores, everything else ${others} cores; load average ${fmt(row.load, 2)}`,
    );
  }
  // A figure that depends less on the neighbours: answers per second of CPU the server actually got.
  // POST also waits for the disk (one sync per group commit), which this does not count.
  console.log('\nanswers per second of server CPU (what one core given to the server alone would do; POST also waits for disk syncs):');
  for (const row of rows) {
    if (row.serverCores)
      console.log(
        `  ${row.name.slice(0, 40).padEnd(40)} ${fmt(row.result.requests.average / row.serverCores).padStart(7)} per CPU-second (${fmt((row.serverCores / Math.max(1, row.result.requests.average)) * 1e6)} µs of CPU each)`,
      );
  }
}
