import type { Overlay } from './types';

/** Every view's map overlay, in drawing order (one module per view, added here). */
export const OVERLAYS: readonly Overlay[] = [];
