import { hallOverlay } from './hall';
import { plannerOverlay } from './planner';
import { sandanOverlay } from './sandan';
import type { Overlay } from './types';
import { volunteersOverlay } from './volunteers';

/** Every view's map overlay, in drawing order (one module per view, added here). */
export const OVERLAYS: readonly Overlay[] = [hallOverlay, volunteersOverlay, sandanOverlay, plannerOverlay];
