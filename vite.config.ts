/// <reference types="vitest/config" />
import { cpSync, createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { join, normalize, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const DATA_DIR = resolve(import.meta.dirname, 'data');
/** A dataset's staff/ folder (building contacts): personal data that is never published. */
const isStaffPath = (path: string) => path.split(/[\\/]+/).some((part) => part.toLowerCase() === 'staff');

/**
 * Datasets live in the top-level data/ directory (DATA-CONTRACT layout). They are served
 * under /data/ by the dev and preview servers and copied to dist/data/ by the build, so
 * `?data=data/<name>` works the same everywhere.
 */
function datasets(): Plugin {
  const serve: Plugin['configureServer'] = (server) => {
    server.middlewares.use('/data', (req, res, next) => {
      const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
      const file = join(DATA_DIR, path);
      // staff/ holds personal data (building contacts): never served, never copied.
      if (!file.startsWith(DATA_DIR) || isStaffPath(path) || !existsSync(file) || !statSync(file).isFile()) return next();
      const type = file.endsWith('.json') || file.endsWith('.geojson') ? 'application/json' : 'application/octet-stream';
      res.setHeader('Content-Type', `${type}; charset=utf-8`);
      res.setHeader('Cache-Control', 'no-cache');
      createReadStream(file).pipe(res);
    });
  };
  let outDir = 'dist';
  let copy = false;
  return {
    name: 'service-circles-datasets',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      copy = config.command === 'build' && !process.env.VITEST;
    },
    configureServer: serve,
    configurePreviewServer: serve as Plugin['configurePreviewServer'],
    closeBundle() {
      if (copy && existsSync(DATA_DIR))
        cpSync(DATA_DIR, join(outDir, 'data'), { recursive: true, filter: (source) => !isStaffPath(source.slice(DATA_DIR.length)) });
    },
  };
}

/**
 * Writes a .br and a .gz beside every text file of the build (the app's own server sends
 * them by Accept-Encoding), so a phone on a slow link moves a fraction of the bytes.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  let active = false;
  const TEXT = /\.(js|mjs|css|html|json|geojson|svg|webmanifest|txt)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return {
    name: 'service-circles-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      active = !process.env.VITEST;
    },
    closeBundle: {
      order: 'post',
      handler() {
        if (!active || !existsSync(outDir)) return;
        for (const file of walk(outDir)) {
          if (!TEXT.test(file) || statSync(file).size < 1024) continue;
          const body = readFileSync(file);
          writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }));
          writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        }
      },
    },
  };
}

export default defineConfig({
  base: './',
  // ES module workers, so that the walking session loads its network checker only when it is handed a network.
  worker: { format: 'es' },
  plugins: [
    react(),
    datasets(),
    precompress(),
    // The service-hall screen works offline: the app shell is precached, dataset files are
    // network-first (fresh when online, the last copy offline). Registered by the hall only.
    VitePWA({
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/data\//, /^\/(report|track|posters|vote)(\/|\?|$)/],
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: /\/data\/.+\.(geo)?json$/,
            handler: 'NetworkFirst',
            options: { cacheName: 'service-circles-data', networkTimeoutSeconds: 10, matchOptions: { ignoreVary: true } },
          },
        ],
      },
    }),
  ],
  server: { port: 5173, host: '127.0.0.1', strictPort: false },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
    // report.html: the residents' light phone pages (QR intake, tracking, posters), without the map app.
    rolldownOptions: { input: { main: resolve(import.meta.dirname, 'index.html'), report: resolve(import.meta.dirname, 'report.html') } },
  },
  test: {
    projects: [
      {
        extends: true,
        // Timeouts only stop a hang (tests never assert speed); some unit tests run the CLIs as child
        // processes, which takes seconds on a busy machine.
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: { name: 'server', environment: 'node', include: ['tests/server/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
