import type { LineString, MultiLineString } from 'geojson';
import type { FC, NetworkProps } from '../domain/dataset';
import type { FacilityPoint } from '../domain/engine/nearest';
import type { Route } from '../domain/engine/route';
import type { WalkRequest, WalkResult } from '../domain/engine/walkEngine';

/** Messages to the engine worker. */
export type ToEngine =
  | { type: 'init'; generation: number; network: FC<LineString | MultiLineString, NetworkProps> | null; facilities: FacilityPoint[] }
  | { type: 'walk'; id: number; generation: number; request: WalkRequest }
  | { type: 'route'; id: number; generation: number; request: WalkRequest; facilityId: string };

/** Messages from the engine worker. */
export type FromEngine =
  | { type: 'ready'; generation: number; hasNetwork: boolean; buildMs: number }
  | { type: 'walk'; id: number; generation: number; result: WalkResult | null; ms: number }
  | { type: 'route'; id: number; generation: number; route: Route | null }
  | { type: 'error'; id: number; message: string };
