/**
 * The ids of the rulesets the project ships (./rulesets.ts parses them), for the store, which
 * only needs to know an id is one of them: it does not load the rulesets or their schema with
 * the page. A unit test keeps this list equal to the parsed rulesets' ids, in order.
 */
export const RULESET_IDS = ['gb50180-2018', 'mofcom-2021', 'complete-community-2020'] as const;

/** GB 50180-2018, the default. */
export const DEFAULT_RULESET_ID: string = RULESET_IDS[0];

export function isRulesetId(id: string): boolean {
  return (RULESET_IDS as readonly string[]).includes(id);
}
