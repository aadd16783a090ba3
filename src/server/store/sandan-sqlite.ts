import type Database from 'better-sqlite3';
import type { PartnerUnit, Project, ProjectState, ResourceRef, UnitKind } from '../../domain/volunteers/sandan';
import { LedgerError } from './types';
import { str, type Row } from './rows';
import type { ProjectFields, SandanScope, SandanStore, UnitFields } from './sandanStore';

function unitOf(r: Row): PartnerUnit {
  return {
    id: String(r.id),
    name: String(r.name),
    kind: r.kind as UnitKind,
    offer: String(r.offer),
    capacity: r.capacity == null ? null : Number(r.capacity),
    hours: str(r.hours),
    compoundId: str(r.compound_id),
    lon: Number(r.lon),
    lat: Number(r.lat),
    gridId: str(r.grid_id),
    communityId: str(r.community_id),
    contact: str(r.contact),
    active: Number(r.active) === 1,
    createdAt: String(r.created_at),
    createdBy: String(r.created_by),
    updatedAt: String(r.updated_at),
  };
}

function projectOf(r: Row): Project {
  return {
    id: String(r.id),
    title: String(r.title),
    compoundId: String(r.compound_id),
    need: String(r.need),
    gridId: str(r.grid_id),
    communityId: str(r.community_id),
    resources: JSON.parse(String(r.resources)) as ResourceRef[],
    ownerId: Number(r.owner_id),
    dueDate: String(r.due_date),
    state: r.state as ProjectState,
    createdAt: String(r.created_at),
    createdBy: String(r.created_by),
    updatedAt: String(r.updated_at),
  };
}

/** `WHERE` for a scope: in any of the listed communities or grids; an empty scope matches nothing. */
function scopeWhere(scope: SandanScope | undefined): { sql: string; params: string[] } {
  if (!scope || (!scope.communityIds && !scope.gridIds)) return { sql: '', params: [] };
  const parts: string[] = [];
  const params: string[] = [];
  for (const [column, values] of [
    ['community_id', scope.communityIds],
    ['grid_id', scope.gridIds],
  ] as const) {
    if (!values?.length) continue;
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  return { sql: ` WHERE ${parts.length ? `(${parts.join(' OR ')})` : '0'}`, params };
}

/** The 三单制 tables of a SQLite ledger (migration 5), sharing the ledger's connection. */
export class SqliteSandanStore implements SandanStore {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      nextUnit: db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'partner_units'), 0) + 1 AS next`),
      nextProject: db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'projects'), 0) + 1 AS next`),
      insertUnit:
        db.prepare(`INSERT INTO partner_units (id, name, kind, offer, capacity, hours, compound_id, lon, lat, grid_id, community_id, contact, active, created_at, created_by, updated_at)
        VALUES (@id, @name, @kind, @offer, @capacity, @hours, @compound_id, @lon, @lat, @grid_id, @community_id, @contact, @active, @at, @actor, @at)`),
      updateUnit:
        db.prepare(`UPDATE partner_units SET name = @name, kind = @kind, offer = @offer, capacity = @capacity, hours = @hours, compound_id = @compound_id, lon = @lon, lat = @lat,
        grid_id = @grid_id, community_id = @community_id, contact = @contact, active = @active, updated_at = @at WHERE id = @id`),
      unit: db.prepare('SELECT * FROM partner_units WHERE id = ?'),
      insertProject:
        db.prepare(`INSERT INTO projects (id, title, compound_id, need, grid_id, community_id, resources, owner_id, due_date, state, created_at, created_by, updated_at)
        VALUES (@id, @title, @compound_id, @need, @grid_id, @community_id, @resources, @owner_id, @due_date, @state, @at, @actor, @at)`),
      updateProject:
        db.prepare(`UPDATE projects SET title = @title, compound_id = @compound_id, need = @need, grid_id = @grid_id, community_id = @community_id, resources = @resources,
        owner_id = @owner_id, due_date = @due_date, state = @state, updated_at = @at WHERE id = @id`),
      project: db.prepare('SELECT * FROM projects WHERE id = ?'),
    };
  }

  private unitParams(id: string, f: UnitFields, at: string) {
    return {
      id,
      name: f.name,
      kind: f.kind,
      offer: f.offer,
      capacity: f.capacity,
      hours: f.hours,
      compound_id: f.compoundId,
      lon: f.lon,
      lat: f.lat,
      grid_id: f.gridId,
      community_id: f.communityId,
      contact: f.contact,
      active: f.active ? 1 : 0,
      at,
    };
  }

  private projectParams(id: string, f: ProjectFields, at: string) {
    return {
      id,
      title: f.title,
      compound_id: f.compoundId,
      need: f.need,
      grid_id: f.gridId,
      community_id: f.communityId,
      resources: JSON.stringify(f.resources),
      owner_id: f.ownerId,
      due_date: f.dueDate,
      state: f.state,
      at,
    };
  }

  createUnit(fields: UnitFields, at: string, actor: string): PartnerUnit {
    return this.db.transaction(() => {
      const id = `U-${String(Number((this.stmts.nextUnit.get() as Row).next)).padStart(6, '0')}`;
      this.stmts.insertUnit.run({ ...this.unitParams(id, fields, at), actor });
      return this.getUnit(id)!;
    })();
  }

  updateUnit(id: string, fields: UnitFields, at: string): PartnerUnit {
    return this.db.transaction(() => {
      if (this.stmts.updateUnit.run(this.unitParams(id, fields, at)).changes === 0) throw new LedgerError('not_found', `no partner unit ${JSON.stringify(id)}`);
      return this.getUnit(id)!;
    })();
  }

  getUnit(id: string): PartnerUnit | null {
    const row = this.stmts.unit.get(id) as Row | undefined;
    return row ? unitOf(row) : null;
  }

  listUnits(scope?: SandanScope): PartnerUnit[] {
    const where = scopeWhere(scope);
    return (this.db.prepare(`SELECT * FROM partner_units${where.sql} ORDER BY seq LIMIT 5000`).all(...where.params) as Row[]).map(unitOf);
  }

  createProject(fields: ProjectFields, at: string, actor: string): Project {
    return this.db.transaction(() => {
      const id = `P-${String(Number((this.stmts.nextProject.get() as Row).next)).padStart(6, '0')}`;
      this.stmts.insertProject.run({ ...this.projectParams(id, fields, at), actor });
      return this.getProject(id)!;
    })();
  }

  updateProject(id: string, fields: ProjectFields, at: string): Project {
    return this.db.transaction(() => {
      if (this.stmts.updateProject.run(this.projectParams(id, fields, at)).changes === 0)
        throw new LedgerError('not_found', `no project ${JSON.stringify(id)}`);
      return this.getProject(id)!;
    })();
  }

  getProject(id: string): Project | null {
    const row = this.stmts.project.get(id) as Row | undefined;
    return row ? projectOf(row) : null;
  }

  listProjects(scope?: SandanScope): Project[] {
    const where = scopeWhere(scope);
    return (this.db.prepare(`SELECT * FROM projects${where.sql} ORDER BY seq DESC LIMIT 5000`).all(...where.params) as Row[]).map(projectOf);
  }
}
