import type { Feature, FeatureCollection } from 'geojson';
import { lastValue } from '../domain/lastValue';
import { theme } from '../map/theme';
import type { AppState } from './index';
import { EMPTY_COLLECTION } from '../map/layers/types';

/**
 * What the planner's map draws, ready for its overlay (map/overlays/planner.ts): the compounds'
 * colour steps, the what-if changes and the suggested sites. The steps are shared with the
 * panel's legend.
 */

/**
 * Colour steps by unmet ▲ rules, shared with the panel's legend: none, one, then a quarter,
 * a half and three quarters of the ruleset's checked ▲ rules, so that every ruleset (5 rules
 * or 50) spreads over the same colours (theme.planner.steps).
 */
export function unmetSteps(requiredRules: number): { from: number; color: string; step: number }[] {
  const froms = [0, 1, ...[0.25, 0.5, 0.75].map((f) => Math.max(2, Math.round(requiredRules * f)))];
  return froms.map((from, k) => ({ from, color: theme.planner.steps[k]!, step: k })).filter((step, k, all) => k === 0 || step.from > all[k - 1]!.from);
}

/** The ▲ rules a result checks (the denominator of the steps). */
export function requiredRulesOf(result: { compliance: { rules: { rule: { mark: string }; state: string }[] } } | null): number {
  return result?.compliance.rules.filter((s) => s.rule.mark === '▲' && s.state === 'checked').length ?? 0;
}

/** The colour step (index in theme.planner.steps) of a compound that misses `unmet` ▲ rules: the last of `steps` it reaches. */
export function stepOf(steps: readonly { from: number; step: number }[], unmet: number): number {
  let reached = steps[0]!.step;
  for (const { from, step } of steps) if (unmet >= from) reached = step;
  return reached;
}

/** How the map shows one compound of a result. */
export interface CompoundLook {
  unmetStep: number;
  underServed: boolean;
}

/** No compound coloured (outside the planner, before its first figures). */
export const NO_LOOKS: ReadonlyMap<string, CompoundLook> = new Map();
const looksOf = lastValue<ReadonlyMap<string, CompoundLook>>();

/** Per compound id, how the map shows the planner's result (none outside the planner): the same map for the same result. */
export function plannerLooks(s: Pick<AppState, 'mode' | 'plannerResult'>): ReadonlyMap<string, CompoundLook> {
  const result = s.mode === 'planner' ? s.plannerResult : null;
  if (!result) return NO_LOOKS;
  return looksOf([result], () => {
    const steps = unmetSteps(requiredRulesOf(result));
    const looks = new Map<string, CompoundLook>();
    result.compliance.compounds.forEach((c, i) =>
      looks.set(c.compound.id, { unmetStep: stepOf(steps, c.unmetRequired), underServed: result.canteens.compounds[i]!.underServed }),
    );
    return looks;
  });
}

const point = (coordinates: [number, number], properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});

/** Whether the planner's placing tool is armed: a click on the map is then the tool's (a crosshair over it). */
export const plannerToolArmed = (s: Pick<AppState, 'mode' | 'plannerTool'>): boolean => s.mode === 'planner' && s.plannerTool !== null;

/** The active scenario's changes as points (kind proposed, gate or closed; none outside the planner). */
export function plannerChanges(s: Pick<AppState, 'mode' | 'scenarios' | 'activeScenarioId' | 'plannerResult'>): FeatureCollection {
  if (s.mode !== 'planner') return EMPTY_COLLECTION;
  const scenario = s.scenarios.find((x) => x.id === s.activeScenarioId);
  const facilities = s.plannerResult?.state.facilities ?? [];
  const features: Feature[] = [];
  for (const change of scenario?.changes ?? []) {
    if (change.kind === 'add-facility')
      features.push(point(change.facility.point, { kind: 'proposed', id: change.facility.id, category: change.facility.category }));
    if (change.kind === 'add-gate') features.push(point(change.point, { kind: 'gate', id: change.gateId }));
    if (change.kind === 'close-facility') {
      // Drawn at its place in the result, so a new result may move it.
      const entry = facilities.find((e) => e.facility.id === change.facilityId);
      if (entry) features.push(point(entry.facility.point, { kind: 'closed', id: change.facilityId }));
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The suggested sites as numbered points (none outside the planner). */
export function plannerSites(s: Pick<AppState, 'mode' | 'sites'>): FeatureCollection {
  if (s.mode !== 'planner') return EMPTY_COLLECTION;
  return { type: 'FeatureCollection', features: s.sites.map((site) => point(site.point, { id: `site-${site.rank}`, rank: site.rank })) };
}
