import type { DistanceState, FacilityEntry } from './distances';
import type { PlannerResult } from './model';

/**
 * A planner result as the views receive it from the walking session: the distance state
 * without its search fields and snaps (per category, arrays the size of the graph), which
 * stay in the session's worker for the next what-if.
 */
export interface PlannerStateView {
  facilities: readonly Pick<FacilityEntry, 'facility' | 'open' | 'proposed'>[];
  compounds: DistanceState['compounds'];
  columns: DistanceState['columns'];
}

export type PlannerResultView = Omit<PlannerResult, 'state'> & { state: PlannerStateView };

export function plannerView(result: PlannerResult): PlannerResultView {
  const { state, ...rest } = result;
  return {
    ...rest,
    state: {
      facilities: state.facilities.map(({ facility, open, proposed }) => ({ facility, open, proposed })),
      compounds: state.compounds,
      columns: state.columns,
    },
  };
}
