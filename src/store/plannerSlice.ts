import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** State and actions of the planner view. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlannerSlice {}

export const createPlannerSlice: StateCreator<AppState, [], [], PlannerSlice> = () => ({});
