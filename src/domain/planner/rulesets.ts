import completeCommunity from '../rulesets/complete-community-2020.json';
import gb50180 from '../rulesets/gb50180-2018.json';
import mofcom from '../rulesets/mofcom-2021.json';
import { parseRuleset, type Ruleset } from './ruleset';

/** Every ruleset the project ships, the default (GB 50180-2018) first. */
export const RULESETS: readonly Ruleset[] = [
  parseRuleset(gb50180, 'gb50180-2018.json'),
  parseRuleset(mofcom, 'mofcom-2021.json'),
  parseRuleset(completeCommunity, 'complete-community-2020.json'),
];

export const DEFAULT_RULESET_ID = RULESETS[0]!.id;

export function rulesetById(id: string): Ruleset | undefined {
  return RULESETS.find((r) => r.id === id);
}
