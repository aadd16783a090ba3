import { describe, expect, it } from 'vitest';
import { mapViewOf } from '../../src/map/view';
import { useStore } from '../../src/store';

describe('the layer switches the map draws', () => {
  it('turns off the groups a view does not offer, and keeps one object while nothing changes', () => {
    const state = useStore.getState();
    expect(state.layers.compliance).toBe(true);
    const resident = mapViewOf({ ...state, mode: 'resident' });
    // The planner's colours draw the compounds every view draws: hidden outside the planner.
    expect(resident.layers).toMatchObject({ compliance: false, sites: false, coverage: false, requests: false, compounds: true, facilities: true });
    expect(mapViewOf({ ...state, mode: 'resident' }).layers).toBe(resident.layers);
    const planner = mapViewOf({ ...state, mode: 'planner' });
    expect(planner.layers).toMatchObject({ compliance: true, sites: true, coverage: false, compounds: true });
    // A switch the user turned off stays off in the view that offers it.
    expect(mapViewOf({ ...state, mode: 'planner', layers: { ...state.layers, compliance: false } }).layers.compliance).toBe(false);
  });
});
