import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** State and actions of the hall view. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HallSlice {}

export const createHallSlice: StateCreator<AppState, [], [], HallSlice> = () => ({});
