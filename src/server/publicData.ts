import type { FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sanitizeDataset } from '../domain/volunteers/sanitize';
import { authOf } from './auth/sessions';
import type { ServerContext } from './context';

/** Dataset files that hold personal data (volunteers' names and phones, request texts, grid staff). */
const PERSONAL_FILES = new Set(['volunteers.geojson', 'requests.geojson', 'grids.geojson']);

/** Whether a path inside the dataset is one of its personal-data files (top level, any letter case). */
export function isPersonalDataFile(inside: string): boolean {
  return PERSONAL_FILES.has(inside.toLowerCase());
}

/**
 * Who gets a personal-data file as it is: staff who work with people (admin, community
 * workers, grid leaders). Everyone else, volunteers and anonymous visitors among them, gets
 * the public version, the same the `sanitize` command writes: the server can keep the secret
 * a static site cannot (DESIGN.md, Privacy).
 */
export function seesPersonalData(ctx: ServerContext, request: FastifyRequest): boolean {
  const role = authOf(ctx).sessionOf(request)?.user.role;
  return role === 'admin' || role === 'community_worker' || role === 'grid_leader';
}

const publicCopies = new Map<string, Buffer | null>();

/**
 * The public version of a personal-data file, by its version (`etag`): null when the file is
 * not JSON, which is then not published at all rather than sent as it is.
 */
export async function publicVersion(dataDir: string, file: string, name: string, etag: string): Promise<Buffer | null> {
  const key = `${file}\0${etag}`;
  if (publicCopies.has(key)) return publicCopies.get(key)!;
  const texts = new Map([[name.toLowerCase(), await readFile(file, 'utf8')]]);
  // Requests are moved to their compound's point, so the sanitiser needs the compounds.
  if (name.toLowerCase() === 'requests.geojson') {
    const compounds = await readFile(join(dataDir, 'compounds.geojson'), 'utf8').catch(() => null);
    if (compounds !== null) texts.set('compounds.geojson', compounds);
  }
  const text = sanitizeDataset(texts).files.get(name.toLowerCase());
  const copy = text === undefined ? null : Buffer.from(text, 'utf8');
  if (publicCopies.size >= 16) publicCopies.delete(publicCopies.keys().next().value as string);
  publicCopies.set(key, copy);
  return copy;
}
