import { describe, expect, it } from 'vitest';
import { parseRuleset } from '../../src/domain/planner/rulesetSchema';
import { RULESET_IDS } from '../../src/domain/planner/rulesetIds';
import { DEFAULT_RULESET_ID, allRulesets, rulesetById } from '../../src/domain/planner/rulesets';
import { isCategoryId } from '../../src/domain/taxonomy';
import completeCommunity from '../../src/domain/rulesets/complete-community-2020.json';
import gb50180 from '../../src/domain/rulesets/gb50180-2018.json';
import mofcom from '../../src/domain/rulesets/mofcom-2021.json';

const gb = rulesetById('gb50180-2018')!;
const rule = (id: string) => gb.rules.find((r) => r.id === id)!;

describe('the shipped rulesets (../shared/STANDARDS.md)', () => {
  it('each pass the ruleset schema and are exactly what it reads (the app uses the files as written, unchecked)', () => {
    const files = { 'gb50180-2018.json': gb50180, 'mofcom-2021.json': mofcom, 'complete-community-2020.json': completeCommunity };
    expect(allRulesets()).toEqual(Object.values(files));
    // Nothing the schema would drop (an unknown key) or refuse.
    for (const [file, data] of Object.entries(files)) expect(parseRuleset(data, file), file).toEqual(data);
  });

  it('are GB 50180-2018 (default), the MOFCOM list and the complete-community list, each versioned', () => {
    expect(allRulesets().map((r) => r.id)).toEqual(['gb50180-2018', 'mofcom-2021', 'complete-community-2020']);
    expect(DEFAULT_RULESET_ID).toBe('gb50180-2018');
    // The store knows the ids without parsing the rulesets.
    expect(RULESET_IDS).toEqual(allRulesets().map((r) => r.id));
    for (const r of allRulesets()) expect(r.version).toMatch(/\/\d+$/);
  });

  it('give every rule a category of the taxonomy, a level, ▲/△, a distance, a clause and verified', () => {
    for (const r of allRulesets()) {
      for (const x of r.rules) {
        expect(r.levels.map((l) => l.id)).toContain(x.level);
        expect(['▲', '△']).toContain(x.mark);
        expect(x.clause.length).toBeGreaterThan(0);
        expect(typeof x.verified).toBe('boolean');
        if (x.check === 'distance') {
          expect(x.categories.length, x.id).toBeGreaterThan(0);
          expect(x.categories.every(isCategoryId)).toBe(true);
          expect(x.distanceM).toBeGreaterThan(0);
        } else expect(x.note, `${x.id} says why it is not checked by distance`).toBeDefined();
      }
    }
  });

  it('keep GB 50180 levels apart: each level its own list and distance (not nested)', () => {
    expect(gb.levels.map((l) => [l.id, l.distanceM])).toEqual([
      ['15min', 1000],
      ['10min', 500],
      ['5min', 300],
      ['block', 150],
    ]);
    // The 15-minute health centre does not stand in for the 5-minute health station.
    expect(rule('gb-15-health-centre').categories).toEqual(['health_center']);
    expect(rule('gb-5-health-station').categories).toEqual(['clinic']);
    // The same item at two levels is two rules, each at its level's distance.
    expect([rule('gb-15-mall').distanceM, rule('gb-10-mall').distanceM]).toEqual([1000, 500]);
  });

  it('check items with a radius of their own at it, and say which distances are assumptions', () => {
    expect(rule('gb-15-middle-school')).toMatchObject({ distanceM: 1000, mark: '▲', verified: true });
    expect(rule('gb-10-primary-school')).toMatchObject({ distanceM: 500, verified: true });
    expect(rule('gb-5-kindergarten')).toMatchObject({ distanceM: 300, verified: true });
    expect(rule('gb-5-nursery')).toMatchObject({ distanceM: 300, mark: '△', verified: true });
    expect(rule('gb-15-police')).toMatchObject({ distanceM: 800, mark: '△', verified: false });
    expect(rule('gb-5-health-station')).toMatchObject({ distanceM: 300, distanceSource: 'assumed' });
    // Everything else in the reconstruction is marked unverified.
    expect(
      gb.rules
        .filter((r) => r.verified)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['gb-10-primary-school', 'gb-15-middle-school', 'gb-5-kindergarten', 'gb-5-nursery']);
  });

  it('take the MOFCOM minutes from the gloss (5, 8, 15 minutes at 60 m/min) and its two groups as ▲/△', () => {
    const mof = rulesetById('mofcom-2021')!;
    expect(mof.levels.map((l) => l.distanceM)).toEqual([300, 480, 900]);
    expect(mof.rules.find((r) => r.id === 'mof-pharmacy')).toMatchObject({ level: '8min', mark: '▲', group: 'basic', distanceSource: 'gloss' });
    expect(mof.rules.find((r) => r.id === 'mof-gym')).toMatchObject({ mark: '△', group: 'quality' });
  });

  it('reject a ruleset with an unknown category, level or duplicate id, naming the field', () => {
    const base = structuredClone(gb) as unknown as { rules: Record<string, unknown>[] };
    base.rules[0] = { ...base.rules[0], categories: ['spa'] };
    base.rules[1] = { ...base.rules[1], level: '20min' };
    base.rules[2] = { ...base.rules[2], id: base.rules[3]!.id };
    expect(() => parseRuleset(base, 'broken.json')).toThrow(
      /broken\.json: rules\.0\.categories\.0: not a taxonomy category; .*rules\.1\.level: unknown level "20min"; .*duplicate rule id/,
    );
  });
});
