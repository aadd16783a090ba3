import type { FastifyInstance } from 'fastify';
import {
  groupNeeds,
  needItems,
  projectOverdue,
  publicUnit,
  PROJECT_STATES,
  UNIT_KINDS,
  type NeedLine,
  type PartnerUnit,
  type Project,
} from '../../domain/volunteers/sandan';
import { groupResources, resourceVolunteers, type ResourceLine } from '../../domain/volunteers/sandanResources';
import { skillsPresent } from '../../domain/volunteers/skills';
import { DEFAULT_TIME_ZONE } from '../../domain/volunteers/time';
import { requireStaff } from '../auth/sessions';
import type { SandanChange, ServerContext } from '../context';
import { HttpError } from '../errors';
import { projectFields, unitFields, type ProjectBody, type UnitBody } from '../sandan/input';
import { placeInScope, sandanScopeOf } from '../sandan/scope';
import { scopeFilter } from '../scope';
import type { User } from '../store/types';
import { wishInScope } from '../wishes/scope';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 40 } } } as const;
const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;

const unitProperties = {
  name: { type: 'string', maxLength: 60 },
  kind: { type: 'string', enum: [...UNIT_KINDS] },
  offer: { type: 'string', maxLength: 200 },
  capacity: { type: ['integer', 'null'], minimum: 0, maximum: 100_000 },
  hours: nullableText(100),
  compoundId: nullableText(100),
  lon: { type: ['number', 'null'], minimum: -180, maximum: 180 },
  lat: { type: ['number', 'null'], minimum: -90, maximum: 90 },
  contact: nullableText(100),
  active: { type: 'boolean' },
} as const;

const resourceRef = {
  type: 'object',
  required: ['kind', 'id'],
  additionalProperties: false,
  properties: { kind: { type: 'string', enum: ['unit', 'volunteer'] }, id: { type: 'string', minLength: 1, maxLength: 40 } },
} as const;

const projectProperties = {
  compoundId: { type: 'string', minLength: 1, maxLength: 100 },
  need: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.:-]+$' },
  title: { type: 'string', maxLength: 80 },
  ownerId: { type: 'integer', minimum: 1 },
  dueDate: { type: 'string', maxLength: 10 },
  resources: { type: 'array', maxItems: 30, items: resourceRef },
  state: { type: 'string', enum: [...PROJECT_STATES] },
} as const;

const body = (properties: object, required: string[] = []) => ({ type: 'object', additionalProperties: false, required, properties }) as const;

/** A project as the lists show it: with whether it is overdue today. */
export type ListedProject = Project & { overdue: boolean };

/** GET /api/sandan: the three lists of the user's scope. */
export interface SandanAnswer {
  timeZone: string;
  needs: NeedLine[];
  resources: ResourceLine[];
  units: PartnerUnit[];
  projects: ListedProject[];
  /** Staff who may own projects here, and owners of listed projects: id and name only. */
  owners: { id: number; name: string }[];
}

/**
 * 三单制 for staff of a community or grid: the 需求单 grouped from their open requests and
 * wishes, the 资源单 of volunteers and partner units (units kept here), and the 项目单 of
 * projects matching a need to resources. Every read and write is checked against the scope;
 * the public sees partner units only, without contacts.
 */
export async function sandanRoutes(app: FastifyInstance, ctx: ServerContext) {
  const { store } = ctx;
  const timeZone = ctx.dataset.manifest.timezone ?? DEFAULT_TIME_ZONE;
  const changed = (change: SandanChange) => ctx.events.emit('sandan', change);
  const skills = new Set(skillsPresent(ctx.dataset.volunteers.features.map((v) => v.properties)));
  /** The place of each volunteer (where they live decides whose lists they are on). */
  const volunteerPlaces = ctx.dataset.volunteers.features.map((v) => ({
    volunteer: v,
    place: ctx.places.ofPoint(...(v.geometry.coordinates as [number, number])),
  }));

  const staffOnly = (user: User) => {
    if (user.role === 'volunteer')
      throw new HttpError(403, 'the 三单 lists are kept by community workers and grid leaders; a volunteer sees wishes and assigned requests');
  };
  const withOverdue = (p: Project): ListedProject => ({ ...p, overdue: projectOverdue(p, ctx.now(), timeZone) });

  const ownersFor = (user: User, projects: readonly Project[]) => {
    const referenced = new Set(projects.map((p) => p.ownerId));
    const home = user.communityId ?? (user.gridId ? ctx.places.communityOfGrid(user.gridId) : null);
    return store
      .listUsers()
      .filter((u) => u.role !== 'volunteer')
      .filter(
        (u) =>
          referenced.has(u.id) ||
          user.role === 'admin' ||
          (u.role !== 'admin' && (u.communityId ?? (u.gridId ? ctx.places.communityOfGrid(u.gridId) : null)) === home),
      )
      .map((u) => ({ id: u.id, name: u.displayName?.trim() || u.username }));
  };

  app.get('/api/sandan', async (request, reply): Promise<SandanAnswer> => {
    const { user } = requireStaff(ctx, request, { write: false });
    staffOnly(user);
    reply.header('Cache-Control', 'no-store');
    const scope = sandanScopeOf(user);
    const projects = store.sandan.listProjects(scope);
    const units = store.sandan.listUnits(scope);
    const requests = store.listRequests({ ...scopeFilter(user), status: 'open' });
    const wishes = store.wishes.list({ states: ['open', 'claimed'] }).filter((w) => wishInScope(user, w));
    const volunteers = volunteerPlaces.filter((v) => placeInScope(user, v.place)).map((v) => v.volunteer);
    return {
      timeZone,
      needs: groupNeeds(needItems(requests, wishes, skills), projects, ctx.now()),
      resources: groupResources(resourceVolunteers(volunteers), units),
      units,
      projects: projects.map(withOverdue),
      owners: ownersFor(user, projects),
    };
  });

  /** Open data: the partner units that offer something now, without contacts or staff names. */
  app.get('/api/public/sandan/units', async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=60');
    return {
      units: store.sandan
        .listUnits()
        .filter((u) => u.active)
        .map(publicUnit),
    };
  });

  app.post<{ Body: UnitBody }>('/api/sandan/units', { schema: { body: body(unitProperties, ['name', 'kind']) } }, async (request, reply) => {
    const { user } = requireStaff(ctx, request, { write: true });
    staffOnly(user);
    const unit = store.sandan.createUnit(unitFields(ctx, user, request.body, null), ctx.now().toISOString(), user.username);
    changed({ kind: 'unit', id: unit.id, communityId: unit.communityId, gridId: unit.gridId });
    return reply.code(201).send(unit);
  });

  app.post<{ Params: { id: string }; Body: UnitBody }>(
    '/api/sandan/units/:id',
    { schema: { params: idParams, body: body(unitProperties) } },
    async (request) => {
      const { user } = requireStaff(ctx, request, { write: true });
      staffOnly(user);
      const before = store.sandan.getUnit(request.params.id);
      if (!before || !placeInScope(user, before)) throw new HttpError(404, `no partner unit ${JSON.stringify(request.params.id)} in your scope`);
      const unit = store.sandan.updateUnit(before.id, unitFields(ctx, user, request.body, before), ctx.now().toISOString());
      changed({ kind: 'unit', id: unit.id, communityId: unit.communityId, gridId: unit.gridId });
      // It may have moved out of another scope: those staff hear of it too.
      if (before.communityId !== unit.communityId || before.gridId !== unit.gridId)
        changed({ kind: 'unit', id: unit.id, communityId: before.communityId, gridId: before.gridId });
      return unit;
    },
  );

  app.post<{ Body: ProjectBody }>(
    '/api/sandan/projects',
    { schema: { body: body(projectProperties, ['compoundId', 'need', 'title', 'ownerId', 'dueDate']) } },
    async (request, reply) => {
      const { user } = requireStaff(ctx, request, { write: true });
      staffOnly(user);
      const project = store.sandan.createProject(projectFields(ctx, user, request.body, null), ctx.now().toISOString(), user.username);
      changed({ kind: 'project', id: project.id, communityId: project.communityId, gridId: project.gridId });
      return reply.code(201).send(withOverdue(project));
    },
  );

  app.post<{ Params: { id: string }; Body: ProjectBody }>(
    '/api/sandan/projects/:id',
    { schema: { params: idParams, body: body(projectProperties) } },
    async (request) => {
      const { user } = requireStaff(ctx, request, { write: true });
      staffOnly(user);
      const before = store.sandan.getProject(request.params.id);
      if (!before || !placeInScope(user, before)) throw new HttpError(404, `no project ${JSON.stringify(request.params.id)} in your scope`);
      const project = store.sandan.updateProject(before.id, projectFields(ctx, user, request.body, before), ctx.now().toISOString());
      changed({ kind: 'project', id: project.id, communityId: project.communityId, gridId: project.gridId });
      return withOverdue(project);
    },
  );
}
