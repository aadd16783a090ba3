import { create } from 'zustand';
import type { Wish, WishFit } from '../../../domain/volunteers/wishes';
import { useStore } from '../../../store';
import { call, json, type ApiResult } from '../../../store/staffApi';

/** A wish as the server lists it: a volunteer's list adds how far it is and the compound's name. */
export type ListedWish = Partial<Pick<Wish, 'createdBy'>> & Omit<Wish, 'createdBy'> & { fit?: WishFit | null; compoundName?: string | null };

interface WishState {
  wishes: ListedWish[];
  claimDays: number | null;
  error: string | null;
  /** Reads the wishes for the logged-in staff member (their scope, or a volunteer's reachable open ones and own claims). */
  refresh(): Promise<void>;
  /** A change (post, claim, release, done); the answer is for the caller to show; the list is read again. */
  act(path: string, body?: unknown): Promise<ApiResult<Wish>>;
  clear(): void;
}

/** Reads in flight overlap (a live event during a read): only the newest one's answer is kept. */
let reads = 0;

/** The small wishes (微心愿) on the requests service, for the volunteers view. */
export const useWishes = create<WishState>((set, get) => ({
  wishes: [],
  claimDays: null,
  error: null,
  async refresh() {
    if (!useStore.getState().staff) return;
    const read = ++reads;
    const result = await call<{ wishes: ListedWish[]; claimDays: number }>('api/wishes');
    if (read !== reads || !useStore.getState().staff) return;
    if (result.ok) set({ wishes: result.data.wishes, claimDays: result.data.claimDays, error: null });
    else set({ error: result.message });
  },
  async act(path, body = {}) {
    const staff = useStore.getState().staff;
    if (!staff) return { ok: false, status: 401, message: 'not logged in' };
    const result = await call<Wish>(path, json(body, staff.csrfToken));
    await get().refresh();
    return result;
  },
  clear: () => {
    reads++;
    set({ wishes: [], claimDays: null, error: null });
  },
}));
