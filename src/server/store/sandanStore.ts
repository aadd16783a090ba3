import type { PartnerUnit, Project } from '../../domain/volunteers/sandan';

/** A unit's own fields as staff write them; where it is has been resolved to a point and its places. */
export type UnitFields = Pick<
  PartnerUnit,
  'name' | 'kind' | 'offer' | 'capacity' | 'hours' | 'compoundId' | 'lon' | 'lat' | 'gridId' | 'communityId' | 'contact' | 'active'
>;

export type ProjectFields = Pick<Project, 'title' | 'compoundId' | 'need' | 'gridId' | 'communityId' | 'resources' | 'ownerId' | 'dueDate' | 'state'>;

/** Scope of a listing: rows in any of these communities or grids (each list optional); absent: all. */
export interface SandanScope {
  communityIds?: readonly string[];
  gridIds?: readonly string[];
}

/**
 * The 资源单's partner units and the 项目单's projects (三单制), part of LedgerStore. Each
 * write is one transaction; nothing is deleted (a unit is retired, a project cancelled).
 */
export interface SandanStore {
  createUnit(fields: UnitFields, at: string, actor: string): PartnerUnit;
  updateUnit(id: string, fields: UnitFields, at: string): PartnerUnit;
  getUnit(id: string): PartnerUnit | null;
  listUnits(scope?: SandanScope): PartnerUnit[];
  createProject(fields: ProjectFields, at: string, actor: string): Project;
  updateProject(id: string, fields: ProjectFields, at: string): Project;
  getProject(id: string): Project | null;
  listProjects(scope?: SandanScope): Project[];
}
