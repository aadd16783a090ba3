import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role, User } from '../store/types';

/** The ids a staff account's scope may name, read from a dataset directory. */
export interface ScopeIds {
  communities: ReadonlySet<string>;
  grids: ReadonlySet<string>;
  volunteers: ReadonlySet<string>;
}

export interface ScopeInput {
  communityId?: string | null;
  gridId?: string | null;
  volunteerId?: string | null;
}

/** What each role's scope is made of (the server checks it on every read and write: scope.ts). */
const NEEDS: Record<Role, keyof ScopeInput | null> = {
  admin: null,
  community_worker: 'communityId',
  grid_leader: 'gridId',
  volunteer: 'volunteerId',
};

const FLAG: Record<keyof ScopeInput, string> = { communityId: '--community', gridId: '--grid', volunteerId: '--volunteer' };
const KIND: Record<keyof ScopeInput, { set: keyof ScopeIds; what: string; file: string }> = {
  communityId: { set: 'communities', what: 'community', file: 'grids.geojson (level "community")' },
  gridId: { set: 'grids', what: 'grid', file: 'grids.geojson (level "grid")' },
  volunteerId: { set: 'volunteers', what: 'volunteer', file: 'volunteers.geojson' },
};

/**
 * The problem with a role and its scope, or null when they fit: a community worker needs an
 * existing community, a grid leader an existing grid, a volunteer an existing volunteer; an
 * admin sees everything and takes no scope. Ids are checked against the dataset so that a
 * typo does not make an account that silently sees nothing.
 */
export function scopeProblem(role: Role, input: ScopeInput, ids: ScopeIds): string | null {
  const needed = NEEDS[role];
  for (const key of Object.keys(FLAG) as (keyof ScopeInput)[]) {
    if (key !== needed && input[key]) return `a ${role} takes no ${FLAG[key]}${needed ? ` (it needs ${FLAG[needed]})` : ''}`;
  }
  if (!needed) return null;
  const value = input[needed];
  const kind = KIND[needed];
  if (!value) return `a ${role} needs ${FLAG[needed]} <id>: the ${kind.what} whose requests they handle`;
  if (!ids[kind.set].has(value)) {
    const known = [...ids[kind.set]].slice(0, 8).join(', ');
    return `no ${kind.what} ${JSON.stringify(value)} in the dataset's ${kind.file}${known ? `; known: ${known}${ids[kind.set].size > 8 ? ', …' : ''}` : ''}`;
  }
  return null;
}

type Fc = { features?: { properties?: Record<string, unknown> | null }[] };

function readFc(dir: string, name: string): Fc {
  for (const file of [name, name.replace(/\.geojson$/, '.json')]) {
    const path = join(dir, file);
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as Fc;
  }
  return { features: [] };
}

/** Community, grid and volunteer ids of a dataset directory (communities also from compounds' community_id). */
export function scopeIdsOf(dataDir: string): ScopeIds {
  if (!existsSync(join(dataDir, 'manifest.json'))) throw new Error(`${join(dataDir, 'manifest.json')} not found: --data must be a dataset directory`);
  const communities = new Set<string>();
  const grids = new Set<string>();
  const volunteers = new Set<string>();
  for (const f of readFc(dataDir, 'grids.geojson').features ?? []) {
    const p = f.properties ?? {};
    if (typeof p.id !== 'string') continue;
    (p.level === 'community' ? communities : grids).add(p.id);
  }
  for (const f of readFc(dataDir, 'compounds.geojson').features ?? []) {
    const id = f.properties?.community_id;
    if (typeof id === 'string') communities.add(id);
  }
  for (const f of readFc(dataDir, 'volunteers.geojson').features ?? []) {
    const id = f.properties?.id;
    if (typeof id === 'string') volunteers.add(id);
  }
  return { communities, grids, volunteers };
}

/** A user as answers carry it: no password hash, no failure counters. */
export interface PublicUser {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  communityId: string | null;
  gridId: string | null;
  volunteerId: string | null;
}

export function publicUser(u: User): PublicUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, communityId: u.communityId, gridId: u.gridId, volunteerId: u.volunteerId };
}

/** Shortest password accepted for a staff account. */
export const MIN_PASSWORD_LENGTH = 8;
