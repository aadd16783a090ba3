import type { LineString, MultiLineString } from 'geojson';
import type { Dataset, FC, NetworkProps } from '../../domain/dataset';
import type { LonLat } from '../../domain/geo';
import type { VolunteerCoverageResult } from '../../domain/volunteers/coverage';
import type { GapReport } from '../../domain/volunteers/gaps';
import type { CompoundSite, VolunteerSite } from '../../domain/volunteers/reach';

/** What the volunteers worker needs of a dataset: the network, compounds and the facilities for the gap check. */
export interface VolunteerEngineInput {
  network: FC<LineString | MultiLineString, NetworkProps> | null;
  compounds: CompoundSite[];
  volunteers: VolunteerSite[];
  /** For analyzeDataset (nearest facility per category per compound). */
  analysis: Pick<Dataset, 'manifest' | 'compounds' | 'facilities' | 'network' | 'gates'>;
}

export type ToVolunteers =
  | { type: 'init'; generation: number; input: VolunteerEngineInput }
  | { type: 'volunteers'; generation: number; volunteers: VolunteerSite[] }
  | { type: 'coverage'; id: number; generation: number; ids: string[] }
  | { type: 'walk'; id: number; generation: number; point: LonLat; ids: string[] };

export type FromVolunteers =
  | { type: 'ready'; generation: number; hasNetwork: boolean; gapReport: GapReport }
  | { type: 'coverage'; id: number; result: VolunteerCoverageResult; ms: number }
  | { type: 'walk'; id: number; metres: [string, number | null][] }
  | { type: 'error'; id: number; message: string };
