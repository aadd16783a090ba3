import type { Level, Rule, Ruleset } from './rulesetSchema';

/**
 * A planning standard as data (src/domain/rulesets/*.json, one versioned file per
 * standard; ../shared/STANDARDS.md is their source). Each rule says which facility
 * categories satisfy it, at which level, whether it is required (▲ 应配建) or as needed
 * (△ 按需配建), the walking distance it is checked at, the clause it comes from and whether
 * that was verified against the standard's text.
 */

export type { Level, LocalText, Rule, Ruleset } from './rulesetSchema';

export const MARKS = ['▲', '△'] as const;
export type Mark = (typeof MARKS)[number];

/** Why a rule is checked at its distance. */
export const DISTANCE_SOURCES = ['item', 'level', 'assumed', 'gloss'] as const;

export const isRequired = (rule: Pick<Rule, 'mark'>): boolean => rule.mark === '▲';

export function levelOf(ruleset: Ruleset, rule: Rule): Level {
  return ruleset.levels.find((l) => l.id === rule.level)!;
}
