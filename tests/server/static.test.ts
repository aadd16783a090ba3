import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { compressedFiles } from '../../src/server/routes/static';
import { startTestServer, type TestServer } from './helpers';

const SAMPLE = resolve(import.meta.dirname, '../../data/yuefeng-sample');

const INDEX = '<!doctype html><html><head><script type="module" src="./assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = `console.log(${JSON.stringify('十五分钟服务圈 '.repeat(200))});\n`;

let dist = '';
let server: TestServer;

beforeAll(async () => {
  // A tiny build: what `vite build` and its precompress step leave in dist/.
  dist = mkdtempSync(join(tmpdir(), 'static-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), APP_JS);
  writeFileSync(join(dist, 'assets', 'app-abc123.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(join(dist, 'assets', 'app-abc123.js.gz'), gzipSync(APP_JS));
  server = await startTestServer({ distDir: dist });
});

afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

/** Raw HTTP (fetch would undo the compression this test looks at). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function expectSecurityHeaders(headers: IncomingHttpHeaders) {
  const csp = String(headers['content-security-policy']);
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc).toBe("'self'");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['referrer-policy']).toBe('same-origin');
}

describe('the built app as the server sends it', () => {
  it('sends hashed assets brotli-compressed when asked, cached for a year', async () => {
    const res = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.body.equals(brotliCompressSync(APP_JS))).toBe(true);
    expectSecurityHeaders(res.headers);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(gzipSync(APP_JS))).toBe(true);
    const plain = await get('/assets/app-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(APP_JS);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends index.html and the service worker to be revalidated every time, with the security headers', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await get(path, { 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body.toString('utf8')).toBe(INDEX);
      expectSecurityHeaders(res.headers);
    }
    const sw = await get('/sw.js');
    expect(sw.headers['cache-control']).toBe('no-cache');
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(head.headers);
  });

  it('answers app routes with index.html, but a missing file or API path with the error array', async () => {
    const route = await get('/hall/screen-2?mode=hall');
    expect(route.status).toBe(200);
    expect(route.body.toString('utf8')).toBe(INDEX);
    expect(route.headers['cache-control']).toBe('no-cache');

    for (const path of ['/assets/app-missing.js', '/open311/v2/nothing-here.json', '/api/nothing-here']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body.toString('utf8'))).toEqual([{ code: 404, description: expect.stringContaining(path.split('?')[0]!) }]);
      expectSecurityHeaders(res.headers);
    }
  });

  it('never leaves the build directory', async () => {
    for (const path of ['/../package.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await get(path);
      // Either refused, or the app's own page for a route it does not know: never the file.
      if (res.status === 200) expect(res.body.toString('utf8')).toBe(INDEX);
      else expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.toString('utf8')).not.toContain('"dependencies"');
      expect(res.body.toString('utf8')).not.toContain('root:');
    }
  });

  it('serves the dataset files uncompressed-by-name and revalidated', async () => {
    const res = await get('/data/yuefeng-sample/manifest.json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ id: 'yuefeng-sample' });
  });

  it('sends the dataset compressed when asked (brotli, else gzip), the same JSON either way, and 304 when unchanged', async () => {
    const plain = await get('/data/yuefeng-sample/network.geojson');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const text = plain.body.toString('utf8');
    expect(JSON.parse(text)).toMatchObject({ type: 'FeatureCollection' });
    const br = await get('/data/yuefeng-sample/network.geojson', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(text);
    const gz = await get('/data/yuefeng-sample/network.geojson', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(text);
    const again = await get('/data/yuefeng-sample/network.geojson', { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers a dataset file that is not there, or outside the dataset, with the error array', async () => {
    for (const path of [
      '/data/yuefeng-sample/nothing.geojson',
      '/data/yuefeng-sample/..%2f..%2fpackage.json',
      '/data/yuefeng-sample/%2e%2e/%2e%2e/package.json',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.body.toString('utf8'))).toEqual([{ code: 404, description: expect.any(String) }]);
    }
  });
});

describe('a dataset whose manifest does not list its files (DATA-CONTRACT.md shape)', () => {
  let data = '';
  let plain: TestServer;
  const manifest = { id: 'bare', name: { zh: '最小数据集', en: 'Bare' }, crs: 'WGS84', dataAsOf: '2026-11-01', sources: [] };
  beforeAll(async () => {
    // Only the required files: no gates, grids, volunteers, requests, context or report.
    data = mkdtempSync(join(tmpdir(), 'bare-'));
    writeFileSync(join(data, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(data, 'compounds.geojson'), readFileSync(join(SAMPLE, 'compounds.geojson')));
    writeFileSync(join(data, 'facilities.geojson'), readFileSync(join(SAMPLE, 'facilities.geojson')));
    writeFileSync(join(data, 'network.geojson'), readFileSync(join(SAMPLE, 'network.geojson')));
    mkdirSync(join(data, 'staff'));
    writeFileSync(join(data, 'staff', 'buildings-contacts.json'), '{}');
    plain = await startTestServer({ dataDir: data });
  });
  afterAll(async () => {
    await plain?.close();
    rmSync(data, { recursive: true, force: true });
  });
  const fetchManifest = (headers: Record<string, string> = {}) => fetch(`${plain.url}/data/${basename(data)}/manifest.json`, { headers });

  it('is served with the files the directory has, so the page asks for none it lacks (a failed request is a red console)', async () => {
    const res = await fetchManifest();
    expect(res.status).toBe(200);
    const served = (await res.json()) as Record<string, unknown>;
    expect(served).toMatchObject(manifest);
    expect([...(served.files as string[])].sort()).toEqual(['compounds.geojson', 'facilities.geojson', 'manifest.json', 'network.geojson']);
    // 304 while nothing changed; a file added changes the list.
    const again = await fetchManifest({ 'if-none-match': String(res.headers.get('etag')) });
    expect(again.status).toBe(304);
    writeFileSync(join(data, 'gates.geojson'), readFileSync(join(SAMPLE, 'gates.geojson')));
    const grown = await fetchManifest({ 'if-none-match': String(res.headers.get('etag')) });
    expect(grown.status).toBe(200);
    expect((await grown.json()).files).toContain('gates.geojson');
  });

  it('loads in the app as the files on disk do: the list only spares the missing reads', async () => {
    const failed: string[] = [];
    const read = async (name: string) => {
      const res = await fetch(`${plain.url}/data/${basename(data)}/${name}`);
      if (!res.ok) failed.push(`${name} ${res.status}`);
      return res.ok ? res.text() : null;
    };
    const { dataset, problems } = await loadDataset(read);
    expect(failed).toEqual([]);
    expect(dataset?.compounds.features.length).toBeGreaterThan(10);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a manifest that lists its files, or is not JSON, is served as it is', async () => {
    const listed = { ...manifest, files: ['manifest.json', 'compounds.geojson', 'facilities.geojson'] };
    writeFileSync(join(data, 'manifest.json'), JSON.stringify(listed));
    expect(await (await fetchManifest()).text()).toBe(JSON.stringify(listed));
    writeFileSync(join(data, 'manifest.json'), '{ not json');
    expect(await (await fetchManifest()).text()).toBe('{ not json');
    writeFileSync(join(data, 'manifest.json'), JSON.stringify(manifest));
  });
});

describe('a server that warms its dataset files', () => {
  it('has every dataset file compressed (as anyone is sent it) soon after it listens, and sends the same bytes', async () => {
    const data = mkdtempSync(join(tmpdir(), 'warm-'));
    for (const name of [
      'manifest.json',
      'compounds.geojson',
      'facilities.geojson',
      'network.geojson',
      'gates.geojson',
      'requests.geojson',
      'volunteers.geojson',
    ])
      writeFileSync(join(data, name), readFileSync(join(SAMPLE, name)));
    const warm = await startTestServer({ dataDir: data, warmDataFiles: true });
    try {
      expect(warm.ctx.dataWarmed).toBeInstanceOf(Promise);
      await warm.ctx.dataWarmed;
      const warmed = compressedFiles()
        .filter((c) => c.file.startsWith(data) && c.encoding === 'br')
        .map((c) => basename(c.file))
        .sort();
      // The manifest is under 1 kB and goes as it is; the personal files in their public version.
      expect(warmed).toEqual(['compounds.geojson', 'facilities.geojson', 'gates.geojson', 'network.geojson', 'requests.geojson', 'volunteers.geojson']);
      const res = await fetch(`${warm.url}/data/${basename(data)}/network.geojson`, { headers: { 'accept-encoding': 'br' } });
      expect(await res.text()).toBe(readFileSync(join(data, 'network.geojson'), 'utf8'));
    } finally {
      await warm.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
