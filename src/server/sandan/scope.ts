import type { SandanScope } from '../store/sandanStore';
import type { User } from '../store/types';

/** Where a unit or project sits, as scope sees it. */
export interface ScopedPlace {
  compoundId: string | null;
  gridId: string | null;
  communityId: string | null;
}

/**
 * Whether staff may see and change the 三单 rows of a place: admin everywhere, a worker in
 * their community, a grid leader in their grid. Volunteers keep no lists.
 */
export function placeInScope(user: User, place: ScopedPlace): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'community_worker':
      return user.communityId !== null && place.communityId === user.communityId;
    case 'grid_leader':
      return user.gridId !== null && place.gridId === user.gridId;
    case 'volunteer':
      return false;
  }
}

/** The store filter for the rows a user may list (undefined: all). */
export function sandanScopeOf(user: User): SandanScope | undefined {
  switch (user.role) {
    case 'admin':
      return undefined;
    case 'community_worker':
      return { communityIds: user.communityId ? [user.communityId] : [] };
    case 'grid_leader':
      return { gridIds: user.gridId ? [user.gridId] : [] };
    case 'volunteer':
      return { communityIds: [] };
  }
}
