import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the app as users get it and serves it with `vite preview` on a free port. */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  const outDir = resolve(root, 'node_modules/.e2e-dist');
  // A separate process, so the build is the production one users get (vitest sets NODE_ENV=test);
  // mode e2e only adds the window.__serviceCircles handle the tests drive the map through.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
  execFileSync(
    process.execPath,
    [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'e2e', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { cwd: root, env, stdio: 'inherit' },
  );
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 4317, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
