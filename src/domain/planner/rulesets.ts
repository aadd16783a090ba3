import completeCommunity from '../rulesets/complete-community-2020.json';
import gb50180 from '../rulesets/gb50180-2018.json';
import mofcom from '../rulesets/mofcom-2021.json';
import { parseRuleset } from './rulesetSchema';
import type { Ruleset } from './ruleset';

let parsed: readonly Ruleset[] | null = null;

/**
 * Every ruleset the project ships, the default (GB 50180-2018) first. Checked on first use
 * rather than when the app starts: a resident's shared link never needs them.
 */
export function allRulesets(): readonly Ruleset[] {
  return (parsed ??= [
    parseRuleset(gb50180, 'gb50180-2018.json'),
    parseRuleset(mofcom, 'mofcom-2021.json'),
    parseRuleset(completeCommunity, 'complete-community-2020.json'),
  ]);
}

export { DEFAULT_RULESET_ID } from './rulesetIds';

export function rulesetById(id: string): Ruleset | undefined {
  return allRulesets().find((r) => r.id === id);
}
