import completeCommunity from '../rulesets/complete-community-2020.json';
import gb50180 from '../rulesets/gb50180-2018.json';
import mofcom from '../rulesets/mofcom-2021.json';
import type { Ruleset } from './ruleset';

/**
 * Every ruleset the project ships, the default (GB 50180-2018) first. They ship with the app,
 * so a bad one is a bug: the unit tests check each against the schema (rulesetSchema.ts) and
 * that the schema leaves it exactly as written. The app does not check them again, so neither
 * the page nor the walking session's worker carries the schema library for them.
 */
const SHIPPED = [gb50180, mofcom, completeCommunity] as unknown as readonly Ruleset[];

export function allRulesets(): readonly Ruleset[] {
  return SHIPPED;
}

export { DEFAULT_RULESET_ID } from './rulesetIds';

export function rulesetById(id: string): Ruleset | undefined {
  return allRulesets().find((r) => r.id === id);
}
