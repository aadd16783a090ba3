import { request as httpRequest } from 'node:http';
import type { TestServer } from './helpers';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

/**
 * A plain HTTP call on loopback. `localAddress` picks the client's own address (any of
 * 127.0.0.0/8 reaches a server on 127.0.0.1), so tests can be "another phone".
 */
export function call(
  server: TestServer,
  method: string,
  path: string,
  body?: unknown,
  options: { localAddress?: string; headers?: Record<string, string>; raw?: string } = {},
): Promise<Answer> {
  const url = new URL(path, server.url);
  const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: options.localAddress,
        headers: { ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** The sample's compound 前横小区 and a point inside it (from the intake API itself). */
export const COMPOUND = 'c-001';

export async function compoundPoint(server: TestServer, id = COMPOUND): Promise<{ lat: number; long: number }> {
  const answer = await call(server, 'GET', `/api/intake/compounds/${id}`);
  return (answer.json as { point: { lat: number; long: number } }).point;
}

export interface Filed {
  service_request_id: string;
  tracking_code: string;
  tracking_url: string;
}

/** A valid report at the compound, with fields replaced by `over`. */
export async function report(
  server: TestServer,
  over: Record<string, unknown> = {},
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const at = await compoundPoint(server);
  return call(server, 'POST', '/api/intake', { service_code: 'repair', ...at, compound_id: COMPOUND, description: '3 号楼楼道灯坏了', ...over }, options);
}

export const isErrorArray = (json: unknown): boolean =>
  Array.isArray(json) &&
  json.length > 0 &&
  json.every((e) => typeof (e as { code?: unknown }).code === 'number' && typeof (e as { description?: unknown }).description === 'string');
