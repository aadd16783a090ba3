import type { LedgerRequest, LedgerStore, RequestFilter, User } from './store/types';
import { HttpError } from './errors';

/**
 * Which requests a staff member may see and change: the one place every staff route asks,
 * for every read and every write. Admin: all; community worker: their community's; grid
 * leader: their grid's; volunteer: those assigned to them. A role whose scope id is missing
 * sees nothing.
 */
export function scopeFilter(user: User): RequestFilter {
  switch (user.role) {
    case 'admin':
      return {};
    case 'community_worker':
      return { communityIds: user.communityId ? [user.communityId] : [] };
    case 'grid_leader':
      return { gridIds: user.gridId ? [user.gridId] : [] };
    case 'volunteer':
      return { assignedTo: user.id };
  }
}

export function inScope(user: User, request: LedgerRequest): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'community_worker':
      return user.communityId !== null && request.communityId === user.communityId;
    case 'grid_leader':
      return user.gridId !== null && request.gridId === user.gridId;
    case 'volunteer':
      return request.assignedTo === user.id;
  }
}

/**
 * The request `id` if it is in the user's scope. Outside it, the answer is the same 404 as
 * for a request that does not exist, so staff cannot learn what other scopes hold.
 */
export function requestInScope(store: LedgerStore, user: User, id: string): LedgerRequest {
  const request = store.getRequest(id);
  if (!request || !inScope(user, request)) throw new HttpError(404, `no request ${JSON.stringify(id)} in your scope`);
  return request;
}

/** Roles that hand requests to people (a volunteer only works on their own). */
export function canAssign(user: User): boolean {
  return user.role !== 'volunteer';
}
