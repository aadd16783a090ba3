import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, createContext, type ServerOptions } from '../../src/server/app';
import type { ServerContext } from '../../src/server/context';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SAMPLE_DIR = resolve(ROOT, 'data/yuefeng-sample');

export interface TestServer {
  /** e.g. http://127.0.0.1:40123 (no trailing slash) */
  url: string;
  app: FastifyInstance;
  ctx: ServerContext;
  /** The temporary directory holding the ledger file and photos. */
  dir: string;
  dbFile: string;
  close(): Promise<void>;
}

/**
 * A real server on 127.0.0.1 and a free port, with a fresh ledger file in a temporary
 * directory (seeded from the sample), closed and removed by `close()`.
 */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  const dbFile = options.dbFile ?? join(dir, 'ledger.sqlite');
  const ctx = await createContext({ dataDir: SAMPLE_DIR, distDir: null, schedulerIntervalMs: 0, ...options, dbFile });
  const app = await buildServer(ctx);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    ctx,
    dir,
    dbFile,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
