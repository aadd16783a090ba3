import { z } from '../zod';
import { isCategoryId } from '../taxonomy';
import { DISTANCE_SOURCES, MARKS } from './ruleset';

/** The schema of a ruleset file (./ruleset.ts says what a ruleset is), and its parser. */

const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const category = z.string().refine(isCategoryId, { message: 'not a taxonomy category' });

const levelSchema = z.object({
  id: z.string().min(1),
  name: text,
  /** Metres; the distance of every rule of the level that has no radius of its own. */
  distanceM: z.number().positive(),
  distanceNote: text.optional(),
  population: text.optional(),
  clause: z.string().min(1),
  verified: z.boolean(),
});

const ruleSchema = z
  .object({
    id: z.string().min(1),
    item: text,
    level: z.string().min(1),
    mark: z.enum(MARKS),
    group: z.string().optional(),
    /**
     * distance: the walk to the nearest facility of any of `categories` is at most `distanceM`;
     * attribute: a property of the compound itself (e.g. property_management);
     * none: not a point facility, listed but never checked.
     */
    check: z.enum(['distance', 'attribute', 'none']),
    categories: z.array(category),
    attribute: z.literal('property_management').optional(),
    distanceM: z.number().positive().nullable(),
    distanceSource: z.enum(DISTANCE_SOURCES).nullable(),
    clause: z.string().min(1),
    verified: z.boolean(),
    note: text.optional(),
  })
  .refine((r) => r.check !== 'distance' || (r.categories.length > 0 && r.distanceM !== null && r.distanceSource !== null), {
    message: 'a distance rule needs categories, distanceM and distanceSource',
  })
  .refine((r) => r.check !== 'attribute' || r.attribute !== undefined, { message: 'an attribute rule names its attribute' });

export const rulesetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().min(1),
    document: z.string().min(1),
    name: text,
    short: text,
    issuer: text,
    approved: z.string().min(4),
    inForce: z.string().min(4).optional(),
    /** GB 50180-2018: the levels' lists do not nest (非包含关系), each level is checked on its own. */
    nesting: z.literal('independent'),
    groups: z.array(z.object({ id: z.string(), name: text, mark: z.enum(MARKS) })).optional(),
    notes: z.array(text),
    levels: z.array(levelSchema).min(1),
    rules: z.array(ruleSchema).min(1),
  })
  .superRefine((rs, ctx) => {
    const levels = new Set(rs.levels.map((l) => l.id));
    const groups = new Set(rs.groups?.map((g) => g.id) ?? []);
    const ids = new Set<string>();
    rs.rules.forEach((rule, i) => {
      if (!levels.has(rule.level)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'level'], message: `unknown level "${rule.level}"` });
      if (rule.group !== undefined && !groups.has(rule.group))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'group'], message: `unknown group "${rule.group}"` });
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}"` });
      ids.add(rule.id);
    });
  });

export type Ruleset = z.infer<typeof rulesetSchema>;
export type Rule = Ruleset['rules'][number];
export type Level = Ruleset['levels'][number];
export type LocalText = z.infer<typeof text>;

/** Parses a ruleset; throws with every problem listed (rulesets ship with the app, so a bad one is a bug). */
export function parseRuleset(data: unknown, source: string): Ruleset {
  const result = rulesetSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`ruleset ${source}: ${problems}`);
}
