import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { failUsage, parseCli } from './args';
import { buildServer, createContext } from '../server/app';

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
    webhook: 'URL that receives a POST for every escalation (吹哨)',
  },
} as const;

const { values } = parseCli(spec);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) failUsage(`--port must be a port number, not ${JSON.stringify(values.port)}`, spec);
const distDir = resolve(values.dist);
if (!existsSync(resolve(distDir, 'index.html'))) console.warn(`note: no built app in ${distDir} (run \`npm run build\`); serving the API only`);

try {
  const ctx = await createContext({ dataDir: values.data, dbFile: values.db, distDir, webhookUrl: values.webhook ?? null });
  const app = await buildServer(ctx, { logLevel: 'warn' });
  const address = await app.listen({ port, host: values.host });
  console.log(`十五分钟服务圈 · requests service at ${address}/ (ledger ${resolve(values.db)}, ${ctx.store.countRequests()} requests)`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
