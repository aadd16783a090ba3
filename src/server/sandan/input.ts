import { pointOnFeature } from '@turf/turf';
import {
  canMoveProject,
  dateIn,
  isCalendarDate,
  type PartnerUnit,
  type Project,
  type ProjectState,
  type ResourceRef,
  type UnitKind,
} from '../../domain/volunteers/sandan';
import { hasPersonalNumber } from '../../domain/volunteers/wishes';
import { DEFAULT_TIME_ZONE } from '../../domain/volunteers/time';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import type { ProjectFields, UnitFields } from '../store/sandanStore';
import type { User } from '../store/types';
import { placeInScope, type ScopedPlace } from './scope';

/** A unit as staff send it (create: name, kind and a place are needed; edit: any of them). */
export interface UnitBody {
  name?: string;
  kind?: UnitKind;
  offer?: string;
  capacity?: number | null;
  hours?: string | null;
  compoundId?: string | null;
  lon?: number | null;
  lat?: number | null;
  contact?: string | null;
  active?: boolean;
}

export interface ProjectBody {
  compoundId?: string;
  need?: string;
  title?: string;
  ownerId?: number;
  dueDate?: string;
  resources?: ResourceRef[];
  state?: ProjectState;
}

const blankToNull = (text: string | null | undefined) => (text == null || !text.trim() ? null : text.trim());

/** Public words (name, offer, hours, title) must not reach a person: their numbers go in the staff-only contact. */
function publicText(field: string, text: string | null): void {
  if (text && hasPersonalNumber(text))
    throw new HttpError(400, `${field} must not carry a phone or ID number (it is shown in public): put it in contact, which only staff see`);
}

/** Where a unit is: a compound (a point inside it) or a point (and the compound it falls in). */
function locate(ctx: ServerContext, body: UnitBody): Pick<UnitFields, 'compoundId' | 'lon' | 'lat' | 'gridId' | 'communityId'> {
  const hasPoint = body.lon != null || body.lat != null;
  if (body.compoundId && hasPoint) throw new HttpError(400, 'give the place as compoundId or as lon and lat, not both');
  if (body.compoundId) {
    const compound = ctx.places.compound(body.compoundId);
    if (!compound) throw new HttpError(400, `no compound ${JSON.stringify(body.compoundId)} in the dataset`);
    const [lon, lat] = pointOnFeature(compound).geometry.coordinates as [number, number];
    const place = ctx.places.ofCompound(body.compoundId);
    return { compoundId: body.compoundId, lon, lat, gridId: place.gridId, communityId: place.communityId };
  }
  if (body.lon == null || body.lat == null) throw new HttpError(400, 'a unit needs a place: compoundId, or lon and lat (WGS84 degrees)');
  const place = ctx.places.ofPoint(body.lon, body.lat);
  if (!place.communityId) throw new HttpError(400, `the point ${body.lon}, ${body.lat} is in none of the dataset's communities`);
  return { compoundId: place.compoundId, lon: body.lon, lat: body.lat, gridId: place.gridId, communityId: place.communityId };
}

/** The unit's fields from a body (over `before` when editing), checked; its place must be in `user`'s scope. */
export function unitFields(ctx: ServerContext, user: User, body: UnitBody, before: PartnerUnit | null): UnitFields {
  const name = body.name !== undefined ? body.name.trim() : before?.name;
  if (!name) throw new HttpError(400, 'a unit needs a name, e.g. "县人民医院 义诊"');
  const kind = body.kind ?? before?.kind;
  if (!kind) throw new HttpError(400, 'a unit needs a kind: venue, room, medical, service, goods or other');
  const offer = body.offer !== undefined ? body.offer.trim() : (before?.offer ?? '');
  const hours = body.hours !== undefined ? blankToNull(body.hours) : (before?.hours ?? null);
  publicText('name', name);
  publicText('offer', offer);
  publicText('hours', hours);
  const moved = body.compoundId != null || body.lon != null || body.lat != null;
  const where =
    moved || !before
      ? locate(ctx, body)
      : { compoundId: before.compoundId, lon: before.lon, lat: before.lat, gridId: before.gridId, communityId: before.communityId };
  if (!placeInScope(user, where)) throw new HttpError(403, `that place (community ${where.communityId ?? '?'}) is outside your scope`);
  return {
    name,
    kind,
    offer,
    capacity: body.capacity !== undefined ? body.capacity : (before?.capacity ?? null),
    hours,
    ...where,
    contact: body.contact !== undefined ? blankToNull(body.contact) : (before?.contact ?? null),
    active: body.active ?? before?.active ?? true,
  };
}

/** Who may own a project at a place: staff (not a volunteer) whose scope holds it. */
function checkOwner(ctx: ServerContext, ownerId: number, place: ScopedPlace): void {
  const owner = ctx.store.getUser(ownerId);
  if (!owner || owner.role === 'volunteer') throw new HttpError(400, `no staff user ${ownerId} to own the project (a worker, grid leader or admin)`);
  if (!placeInScope(owner, place))
    throw new HttpError(400, `${owner.username} cannot own a project in compound ${JSON.stringify(place.compoundId)}: it is outside their scope`);
}

/** Each resource exists: a unit in the user's scope, or a volunteer of the dataset; duplicates are dropped. */
function checkResources(ctx: ServerContext, user: User, refs: readonly ResourceRef[]): ResourceRef[] {
  const seen = new Map<string, ResourceRef>();
  const volunteers = new Set(ctx.dataset.volunteers.features.map((v) => v.properties.id));
  for (const ref of refs) {
    if (ref.kind === 'unit') {
      const unit = ctx.store.sandan.getUnit(ref.id);
      if (!unit || !placeInScope(user, unit)) throw new HttpError(400, `no partner unit ${JSON.stringify(ref.id)} in your scope`);
      if (!unit.active) throw new HttpError(400, `partner unit ${ref.id} is retired: it offers nothing now`);
    } else if (!volunteers.has(ref.id)) throw new HttpError(400, `no volunteer ${JSON.stringify(ref.id)} in the dataset`);
    seen.set(`${ref.kind}:${ref.id}`, { kind: ref.kind, id: ref.id });
  }
  return [...seen.values()];
}

/** A project's fields from a body (over `before` when editing), checked against the dataset, the users and the state it is in. */
export function projectFields(ctx: ServerContext, user: User, body: ProjectBody, before: Project | null): ProjectFields {
  const timeZone = ctx.dataset.manifest.timezone ?? DEFAULT_TIME_ZONE;
  if (before && (before.state === 'done' || before.state === 'cancelled'))
    throw new HttpError(409, `project ${before.id} is ${before.state}: it does not change any more`);
  const compoundId = before?.compoundId ?? body.compoundId;
  const need = before?.need ?? body.need;
  if (before && ((body.compoundId && body.compoundId !== before.compoundId) || (body.need && body.need !== before.need)))
    throw new HttpError(400, 'a project stays with its need (compound and need); start a new project for another one');
  if (!compoundId || !need) throw new HttpError(400, 'a project answers a need: compoundId and need (a line of the 需求单)');
  if (!ctx.places.hasCompound(compoundId)) throw new HttpError(400, `no compound ${JSON.stringify(compoundId)} in the dataset`);
  const place = { ...ctx.places.ofCompound(compoundId), compoundId };
  if (!placeInScope(user, place)) throw new HttpError(403, `compound ${compoundId} is outside your scope`);
  const title = body.title !== undefined ? body.title.trim() : before?.title;
  if (!title) throw new HttpError(400, 'a project needs a title: what is done, e.g. "每周二上门代购"');
  publicText('title', title);
  const ownerId = body.ownerId ?? before?.ownerId;
  if (ownerId === undefined) throw new HttpError(400, 'a project needs an owner (ownerId: a staff user)');
  if (ownerId !== before?.ownerId) checkOwner(ctx, ownerId, place);
  const dueDate = body.dueDate ?? before?.dueDate;
  if (!dueDate || !isCalendarDate(dueDate)) throw new HttpError(400, `dueDate ${JSON.stringify(dueDate ?? null)} is not a date written YYYY-MM-DD`);
  if (dueDate !== before?.dueDate && dueDate < dateIn(ctx.now(), timeZone)) throw new HttpError(400, `dueDate ${dueDate} is in the past`);
  const state = body.state ?? before?.state ?? 'draft';
  if (!before && state !== 'draft' && state !== 'active') throw new HttpError(400, 'a new project starts as draft (拟定) or active (进行中)');
  if (before && !canMoveProject(before.state, state)) throw new HttpError(409, `project ${before.id} is ${before.state}: it cannot become ${state}`);
  const resources = body.resources !== undefined ? checkResources(ctx, user, body.resources) : (before?.resources ?? []);
  return { title, compoundId, need, gridId: place.gridId, communityId: place.communityId, resources, ownerId, dueDate, state };
}
