import type { ServerContext, WishChange } from '../context';
import { LedgerError } from '../store/types';

/**
 * Opens again every wish whose claim ran out at `now` (claimed, not done within the set
 * days): one step per wish, recorded as 'lapsed' by 'system'. Returns how many lapsed.
 */
export function lapseClaims(ctx: ServerContext, now: Date): number {
  const at = now.toISOString();
  let lapsed = 0;
  for (const wish of ctx.store.wishes.lapsedClaims(at)) {
    try {
      const opened = ctx.store.wishes.release(wish.id, 'system', at, 'lapsed');
      lapsed++;
      ctx.events.emit('wish', { kind: 'lapsed', wish: opened, previousClaimer: wish.claimedBy } satisfies WishChange);
    } catch (error) {
      // Done or released in the meantime: nothing to lapse.
      if (!(error instanceof LedgerError)) throw error;
    }
  }
  return lapsed;
}
