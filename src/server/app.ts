import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { loadDataset } from '../data/load';
import { fromDirectory } from '../data/node-source';
import { DEFAULT_CONFIG, type ServerConfig, type ServerContext } from './context';
import { errorHandler } from './errors';
import { LiveHub } from './live/hub';
import { notifierOf } from './notify';
import { Places } from './places';
import { authRoutes } from './routes/auth';
import { buildingRoutes } from './routes/buildings';
import { eventRoutes } from './routes/events';
import { evidenceRoutes } from './routes/evidence';
import { intakeRoutes } from './routes/intake';
import { open311Routes } from './routes/open311';
import { sandanRoutes } from './routes/sandan';
import { staffRoutes } from './routes/staff';
import { staticRoutes } from './routes/static';
import { voteRoutes } from './routes/votes';
import { wishRoutes } from './routes/wishes';
import { startScheduler } from './scheduler';
import { securityHeaders } from './security';
import { seedFromDataset } from './seed';
import { SqliteLedgerStore } from './store/sqlite';
import type { LedgerStore } from './store/types';

/** Largest body accepted (a resized photo travels inside the JSON): beyond it, 413. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export interface ServerOptions extends Partial<Omit<ServerConfig, 'dataDir'>> {
  dataDir: string;
  /** SQLite file of the ledger (created and seeded from the dataset's requests when new). */
  dbFile: string;
  /** Replaces the clock (tests). */
  now?: () => Date;
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
}

/** Loads the dataset, opens (and on first use seeds) the ledger: everything routes need. */
export async function createContext(options: ServerOptions, store?: LedgerStore): Promise<ServerContext> {
  const dataDir = resolve(options.dataDir);
  const loaded = await loadDataset(fromDirectory(dataDir), { label: dataDir });
  if (!loaded.dataset) throw new Error(loaded.fatal ?? `cannot load the dataset at ${dataDir}`);
  const config: ServerConfig = {
    ...DEFAULT_CONFIG,
    distDir: null,
    photoDir: resolve(options.dbFile, '..', 'photos'),
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    dataDir,
  } as ServerConfig;
  const ledger = store ?? new SqliteLedgerStore(options.dbFile);
  const ctx: ServerContext = {
    store: ledger,
    dataset: loaded.dataset,
    places: new Places(loaded.dataset),
    config,
    events: new EventEmitter(),
    now: options.now ?? (() => new Date()),
  };
  seedFromDataset(ctx);
  return ctx;
}

/** The HTTP server over a context: the built app, Open311, intake and staff routes. */
export async function buildServer(ctx: ServerContext, options: { logLevel?: ServerOptions['logLevel'] } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'silent' },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    // Open311 routes end in .json/.xml; keep paths exact.
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setErrorHandler(errorHandler);
  securityHeaders(app);
  await app.register(formbody);
  await app.register(async (api) => open311Routes(api, ctx));
  await app.register(async (api) => authRoutes(api, ctx));
  await app.register(async (api) => staffRoutes(api, ctx));
  await app.register(async (api) => intakeRoutes(api, ctx));
  await app.register(async (api) => wishRoutes(api, ctx));
  await app.register(async (api) => sandanRoutes(api, ctx));
  await app.register(async (api) => voteRoutes(api, ctx));
  await app.register(async (api) => evidenceRoutes(api, ctx));
  await app.register(async (api) => buildingRoutes(api, ctx));
  const live = new LiveHub(ctx);
  await app.register(async (api) => eventRoutes(api, ctx, live));
  // Before the server stops listening: open event streams would keep `app.close()` waiting.
  app.addHook('preClose', async () => {
    live.close();
    notifierOf(ctx).stop();
  });
  await staticRoutes(app, ctx);
  const scheduler = startScheduler(ctx, app.log);
  app.addHook('onClose', async () => {
    scheduler.stop();
    ctx.store.close();
  });
  return app;
}
