import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** State and actions of the volunteers view. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VolunteersSlice {}

export const createVolunteersSlice: StateCreator<AppState, [], [], VolunteersSlice> = () => ({});
