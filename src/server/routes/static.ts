import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { ServerContext } from '../context';
import { sendError } from '../errors';
import { STAFF_DIR } from '../../data/buildingContacts';
import { listedFiles } from '../../data/manifestFiles';
import { isPersonalDataFile, publicVersion, seesPersonalData } from '../publicData';

/** Paths that belong to the API: never answered with the app's index.html. */
const API_PREFIXES = ['/api/', '/open311/'];

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const DATA_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
/** Compressed copies of dataset files, by path, encoding, size and modification time (a changed file is compressed again). */
const compressed = new Map<string, Buffer>();
const MAX_CACHED = 64;

/**
 * The dataset's files, compressed (brotli or gzip, by Accept-Encoding) once per version of
 * each file and kept in memory: the network of a town is most of what a phone downloads,
 * and compresses to a fifth. Other files (a prebuilt binary graph) go as they are.
 */
async function sendDataFile(request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply, ctx: ServerContext, dataDir: string) {
  const file = resolve(dataDir, request.params['*']);
  const inside = relative(dataDir, file);
  // Nothing under staff/ (personal data: building contacts) is ever a file anyone can fetch.
  const published = inside && !inside.startsWith('..') && !inside.includes(`..${sep}`) && !isStaffPath(inside);
  const info = published ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) return sendError(request, reply, 404, `nothing at ${request.method} ${request.url.split('?')[0]}`);
  // Volunteers, requests and grid staff: as they are for staff who work with people, the public version for everyone else.
  const personal = isPersonalDataFile(inside);
  const listing = inside.toLowerCase() === 'manifest.json' ? await manifestWithFiles(file, dataDir) : null;
  const variant = personal ? (seesPersonalData(ctx, request) ? '-staff' : '-public') : listing ? `-listed-${listing.stamp}` : '';
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${variant}"`;
  const type = DATA_TYPES[file.slice(file.lastIndexOf('.')).toLowerCase()];
  reply.header('Cache-Control', personal ? 'private, no-cache' : 'no-cache').header('ETag', etag);
  reply.header('Vary', personal ? 'Accept-Encoding, Cookie' : 'Accept-Encoding');
  reply.header('Content-Type', type ?? 'application/octet-stream');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const raw = variant === '-public' ? await publicVersion(dataDir, file, inside, etag) : (listing?.body ?? null);
  if (variant === '-public' && !raw) return sendError(request, reply, 404, `${inside} is not published: it holds personal data and is not valid GeoJSON`);
  const size = raw ? raw.length : info.size;
  const accepts = String(request.headers['accept-encoding'] ?? '');
  const encoding = !type || size < 1024 ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  if (!encoding) return reply.send(raw ?? (await readFile(file)));
  const body = await compressOnce(`${file}\0${encoding}\0${etag}`, encoding, async () => raw ?? (await readFile(file)));
  return reply.header('Content-Encoding', encoding).send(body);
}

/** Files whose compressed copies are kept, with their encodings (tests read it). */
export function compressedFiles(): { file: string; encoding: string }[] {
  return [...compressed.keys()].map((key) => {
    const [file = '', encoding = ''] = key.split('\0');
    return { file, encoding };
  });
}

/** Compressions under way, by key: a request that arrives while its file is being compressed waits for that one. */
const compressing = new Map<string, Promise<Buffer>>();

function compressOnce(key: string, encoding: 'br' | 'gzip', bytes: () => Promise<Buffer>): Promise<Buffer> {
  const done = compressed.get(key);
  if (done) return Promise.resolve(done);
  let pending = compressing.get(key);
  if (!pending) {
    pending = (async () => {
      const input = await bytes();
      const body =
        encoding === 'br'
          ? await brotli(input, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: input.length } })
          : await gzipAsync(input, { level: 9 });
      if (compressed.size >= MAX_CACHED) compressed.delete(compressed.keys().next().value as string);
      compressed.set(key, body);
      return body;
    })().finally(() => compressing.delete(key));
    compressing.set(key, pending);
  }
  return pending;
}

/**
 * Asks for every file of the dataset as a visitor's browser does (brotli, no login), one at a
 * time, so that their compressed copies are ready before the first visitor needs them.
 */
async function warmDataFiles(app: FastifyInstance, dataDir: string, datasetName: string): Promise<void> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    if (!DATA_TYPES[entry.name.slice(entry.name.lastIndexOf('.')).toLowerCase()]) continue;
    await app.inject({ method: 'GET', url: `/data/${datasetName}/${encodeURIComponent(entry.name)}`, headers: { 'accept-encoding': 'br' } }).catch(() => null);
  }
}

/**
 * A manifest that does not list its dataset's files, served with the list of the files the
 * directory has (`files`), so that the page asks for none it lacks: a browser logs every
 * failed request as an error. Null when the manifest lists them, or is not a JSON object (the
 * loader then reports it as it is). `stamp` changes when files are added or removed.
 */
async function manifestWithFiles(file: string, dataDir: string): Promise<{ body: Buffer; stamp: string } | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  let manifest: unknown;
  try {
    manifest = text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest) || listedFiles(manifest) !== null) return null;
  const [entries, dir] = await Promise.all([readdir(dataDir, { withFileTypes: true }), stat(dataDir)]);
  const files = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && !isStaffPath(e.name)).map((e) => e.name);
  const stamp = `${Math.floor(dir.mtimeMs).toString(16)}-${files.length}`;
  return { body: Buffer.from(JSON.stringify({ ...manifest, files }, null, 2)), stamp };
}

/** A path inside a dataset (or the build) that holds staff-only files: `staff/…` at any depth. */
export function isStaffPath(path: string): boolean {
  return path.split(/[\\/]+/).some((part) => part.toLowerCase() === STAFF_DIR);
}

/**
 * The built app (precompressed .br/.gz chosen by Accept-Encoding), the dataset files, and
 * the single-page fallback. Hashed assets are cached for a year; everything else revalidates.
 */
export async function staticRoutes(app: FastifyInstance, ctx: ServerContext) {
  const datasetName = basename(ctx.config.dataDir);
  const dataDir = resolve(ctx.config.dataDir);
  app.get<{ Params: { '*': string } }>(`/data/${datasetName}/*`, (request, reply) => sendDataFile(request, reply, ctx, dataDir));
  if (ctx.config.warmDataFiles) app.addHook('onListen', async () => void (ctx.dataWarmed = warmDataFiles(app, dataDir, datasetName)));
  const dist = ctx.config.distDir;
  if (dist && existsSync(join(dist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      preCompressed: true,
      cacheControl: false,
      index: ['index.html'],
      // A build made before staff/ was left out of its data copy must not publish it either.
      allowedPath: (path) => !isStaffPath(path),
      setHeaders: (reply, path) => {
        const immutable = /[\\/]assets[\\/]/.test(path);
        reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (API_PREFIXES.some((p) => path.startsWith(p)) || request.method !== 'GET' || !dist || /\.[a-z0-9]+$/i.test(path)) {
      return sendError(request, reply, 404, `nothing at ${request.method} ${path}`);
    }
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html', dist);
  });
}
