import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { failUsage, parseCli } from './args';
import { buildServer, createContext } from '../server/app';
import { parseWebhookUrl } from '../server/webhook';

const spec = {
  usage: 'npm run serve -- [--port <n>] [--host <h>] [--db <file>] [--data <dir>] [--dist <dir>] [--webhook <url>]',
  summary: 'Runs the requests service: the built app, the Open311 GeoReport v2 API, resident intake and staff routes on one port.',
  options: {
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: 'var/ledger.sqlite' },
    data: { type: 'string', default: 'data/yuefeng-sample' },
    dist: { type: 'string', default: 'dist' },
    webhook: { type: 'string' },
  },
  help: {
    port: 'port to listen on (default 5173; 0 picks a free one)',
    host: 'address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)',
    db: 'SQLite ledger file, created and seeded from the dataset on first start (default var/ledger.sqlite)',
    data: 'dataset directory (default data/yuefeng-sample)',
    dist: 'built app directory (default dist; run `npm run build` first)',
    webhook: 'http(s) URL that receives a JSON POST for every escalation (吹哨), retried with backoff',
  },
} as const;

const { values } = parseCli(spec);
const port = Number(values.port);
if (!/^\d+$/.test(values.port) || port > 65535) failUsage(`--port must be a port number (0 picks a free one), not ${JSON.stringify(values.port)}`, spec);
let webhookUrl: string | null = null;
if (values.webhook !== undefined) {
  try {
    webhookUrl = parseWebhookUrl(values.webhook).href;
  } catch (error) {
    failUsage(`--webhook: ${(error as Error).message}`, spec);
  }
}
const distDir = resolve(values.dist);
const hasApp = existsSync(resolve(distDir, 'index.html'));
if (!hasApp) console.warn(`note: no built app in ${distDir} (run \`npm run build\`); serving the API only`);
const dbFile = resolve(values.db);
const isNew = !existsSync(dbFile);

try {
  const ctx = await createContext({ dataDir: values.data, dbFile, distDir, webhookUrl, warmDataFiles: true });
  const app = await buildServer(ctx, { logLevel: 'warn' });
  const address = await app.listen({ port, host: values.host });
  let closing = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A second Ctrl+C does not wait any longer.
    if (closing) process.exit(130);
    closing = true;
    // Closing stops the scheduler, aborts webhook deliveries in flight (they stay pending for
    // the next start), lets answers in progress finish and closes the ledger.
    const force = setTimeout(() => {
      console.error(`error: the server did not close within 10 s after ${signal}; exiting`);
      process.exit(1);
    }, 10_000).unref();
    try {
      await app.close();
      clearTimeout(force);
      process.exit(0);
    } catch (error) {
      console.error(`error while closing: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  // Printed only now: whoever reads the address may stop the server at once, and a signal
  // that arrived before the handlers would kill it without closing the ledger.
  const count = ctx.store.countRequests();
  const what = hasApp ? 'the app and the Open311 API on one port' : 'the Open311 API only (no built app)';
  // One write, so that a reader never sees half of it; the first line is what a new user
  // needs (and what tests parse): the address to open.
  console.log(
    [
      `十五分钟服务圈 · 15-minute service circles: ${address}/`,
      `  ${what}: ${address}/open311/v2/services.json · Ctrl+C stops`,
      `  ledger ${dbFile}: ${count} requests${isNew ? `, new, seeded from ${values.data}` : ''}${webhookUrl ? `; escalations are posted to ${webhookUrl}` : ''}`,
    ].join('\n'),
  );
} catch (error) {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(
    `error: ${inUse ? `port ${port} on ${values.host} is already in use: stop the other server or pick another port with --port N (0 picks a free one)` : error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
