import type { Wish } from '../../domain/volunteers/wishes';
import type { User } from '../store/types';

/** Wishes a staff member may see and act on as staff: admin all, a worker their community's, a grid leader their grid's; a volunteer their own claims. */
export function wishInScope(user: User, wish: Wish): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'community_worker':
      return user.communityId !== null && wish.communityId === user.communityId;
    case 'grid_leader':
      return user.gridId !== null && wish.gridId === user.gridId;
    case 'volunteer':
      return wish.claimedBy === user.id;
  }
}
