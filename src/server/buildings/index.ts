import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTACTS_FILE, parseBuildingContacts, type BuildingContact } from '../../data/buildingContacts';
import type { BuildingRef, GridRef } from '../../domain/buildings/figures';
import type { Problem } from '../../domain/dataset';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import type { User } from '../store/types';

/**
 * The dataset's buildings (楼栋) as the server needs them: by id, by compound, in whose scope,
 * and their staff-only contacts, read once from `staff/buildings-contacts.json` (a file the
 * server never sends as it is). A dataset without buildings has none of this and loses nothing.
 */
export class Buildings {
  readonly byId = new Map<string, BuildingRef & { communityId: string | null }>();
  readonly grids: Array<GridRef & { communityId: string | null }>;
  private readonly contacts: Map<string, BuildingContact>;
  /** What was wrong in the contacts file (logged at start; entries with problems are left out). */
  readonly problems: Problem[];

  constructor(ctx: Pick<ServerContext, 'dataset' | 'places'>, contactsText: string | null) {
    const { dataset, places } = ctx;
    for (const b of dataset.buildings?.features ?? []) {
      const p = b.properties;
      const compound = places.compound(p.compound_id)?.properties;
      const gridId = p.grid_id ?? compound?.grid_id ?? null;
      this.byId.set(p.id, {
        id: p.id,
        name: p.name ?? p.id,
        compoundId: p.compound_id,
        compoundName: compound?.name ?? p.compound_id,
        gridId,
        communityId: places.ofCompound(p.compound_id).communityId ?? (gridId ? places.communityOfGrid(gridId) : null),
        households: p.households ?? null,
        residents: p.residents ?? null,
        elderly60: p.elderly60 ?? null,
      });
    }
    const elders = new Map<string, number>();
    for (const c of dataset.compounds.features) {
      const gridId = c.properties.grid_id;
      if (gridId) elders.set(gridId, (elders.get(gridId) ?? 0) + c.properties.elderly60);
    }
    this.grids = dataset.grids.features
      .filter((g) => g.properties.level === 'grid')
      .map((g) => ({
        id: g.properties.id,
        name: g.properties.name ?? g.properties.id,
        communityId: g.properties.parent_id ?? null,
        elderly60: elders.get(g.properties.id) ?? 0,
      }));
    const parsed = parseBuildingContacts(contactsText, new Set(this.byId.keys()));
    this.contacts = parsed.byBuilding;
    this.problems = parsed.problems;
  }

  get(id: string) {
    return this.byId.get(id);
  }

  ofCompound(compoundId: string) {
    return [...this.byId.values()].filter((b) => b.compoundId === compoundId);
  }

  contactsOf(id: string): BuildingContact | null {
    return this.contacts.get(id) ?? null;
  }

  /** The grids a worker looks after: all for an admin, their community's, their own grid; none for a volunteer. */
  gridsFor(user: User): GridRef[] {
    return this.grids.filter((g) => gridInScope(user, g.id, g.communityId));
  }

  /** Whether a building is in a worker's scope (volunteers have none: they see the requests assigned to them). */
  inScope(user: User, id: string): boolean {
    const b = this.byId.get(id);
    return b !== undefined && gridInScope(user, b.gridId, b.communityId);
  }
}

function gridInScope(user: User, gridId: string | null, communityId: string | null): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'community_worker':
      return user.communityId !== null && communityId === user.communityId;
    case 'grid_leader':
      return user.gridId !== null && gridId === user.gridId;
    case 'volunteer':
      return false;
  }
}

function readContacts(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, CONTACTS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * A building id sent with a request or wish, checked against its compound: null when none
 * was sent; a 400 naming both when the building is not one of that compound's.
 */
export function buildingOfCompound(ctx: ServerContext, compoundId: string | null, buildingId: string | null): string | null {
  if (buildingId === null || buildingId === '') return null;
  const building = buildingsOf(ctx).get(buildingId);
  if (!building) throw new HttpError(400, `no building ${JSON.stringify(buildingId)} in the dataset`);
  if (compoundId !== null && building.compoundId !== compoundId)
    throw new HttpError(400, `building ${JSON.stringify(buildingId)} is in compound ${building.compoundId}, not ${compoundId}`);
  return building.id;
}

const registries = new WeakMap<ServerContext, Buildings>();

/** The buildings of a server's dataset, built on first use (the dataset does not change while it runs). */
export function buildingsOf(ctx: ServerContext): Buildings {
  let found = registries.get(ctx);
  if (!found) registries.set(ctx, (found = new Buildings(ctx, readContacts(ctx.config.dataDir))));
  return found;
}
