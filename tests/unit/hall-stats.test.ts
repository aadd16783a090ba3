import { describe, expect, it } from 'vitest';
import { hallAreas } from '../../src/domain/hall/areas';
import { compoundTones, gapSummary, missingOf } from '../../src/domain/hall/gapSummary';
import { hallStats } from '../../src/domain/hall/stats';
import { slideTones } from '../../src/domain/hall/tones';
import { M_PER_MILLIDEGREE, streetDataset } from './hall-fixture';

const options = { categories: ['canteen', 'clinic', 'market'], bandCategories: ['canteen'] };
const minutes = (millidegrees: number) => Math.round(((millidegrees * M_PER_MILLIDEGREE) / 60) * 10) / 10;

describe('hall aggregates on a street checked on paper', () => {
  const stats = hallStats(streetDataset(), options);

  it('walks from each compound gate to the nearest facility of every category', () => {
    expect(stats.network).toBe(true);
    const [a, b] = stats.compounds;
    // A's gate at 0.001°: canteen 3 m° away (333.6 m = 5.6 min), clinic 15 m° (27.8 min); market absent.
    expect(a?.minutes).toMatchObject({ canteen: minutes(3), clinic: minutes(15), market: null });
    expect(b?.minutes).toMatchObject({ canteen: minutes(11), clinic: minutes(1) });
  });

  it('counts compounds and residents with a category within 15 minutes', () => {
    expect(stats.coverage.canteen).toEqual({ category: 'canteen', facilities: 1, capacity: 60, compounds: 1, population: 1000, elderly60: 300 });
    expect(stats.coverage.clinic).toMatchObject({ compounds: 1, population: 500 });
    expect(stats.coverage.market).toMatchObject({ facilities: 0, compounds: 0 });
    expect(stats.totals).toEqual({ compounds: 2, population: 1500, elderly60: 400, elderly80: 70 });
  });

  it('finds the community and grid of each compound and walks from the service centre', () => {
    const [community, grid] = stats.areas;
    expect(community).toMatchObject({ id: 'cm-east', centreFacilityId: 'f-centre', centre: [0.01, 0], compoundIds: ['A', 'B'], population: 1500 });
    // From the centre at 0.010°: canteen 6 m° (11.1 min), clinic 6 m° too.
    expect(community?.centreMinutes).toMatchObject({ canteen: minutes(6), clinic: minutes(6), market: null });
    // The grid has no service centre: its walk starts from a point inside it.
    expect(grid).toMatchObject({ id: 'gr-1', centreFacilityId: null, compoundIds: ['A'] });
    expect(JSON.stringify(hallAreas(streetDataset()))).not.toContain('王小明');
  });

  it('draws 5/10/15-minute bands around the canteens', () => {
    expect(stats.bands.canteen?.features.map((f) => f.properties.value)).toEqual([5, 10, 15]);
    expect(stats.bands.clinic).toBeUndefined();
  });

  it('falls back to straight-line distances without a network', () => {
    const straight = hallStats({ ...streetDataset(), network: null }, options);
    expect(straight.network).toBe(false);
    expect(straight.compounds[0]?.minutes.canteen).toBe(minutes(3));
    expect(straight.bands).toEqual({});
  });
});

describe('service gaps', () => {
  const stats = hallStats(streetDataset(), options);

  it('lists the missing essentials worst first (an absent category is missing everywhere)', () => {
    expect(missingOf(stats.compounds[0]!, options.categories, 15)).toEqual(['clinic', 'market']);
    const gaps = gapSummary(stats, options.categories);
    expect(gaps.byCategory.map((g) => `${g.category}:${g.compounds}/${g.population}`)).toEqual(['market:2/1500', 'clinic:1/1000', 'canteen:1/500']);
    expect(gaps).toMatchObject({ compoundsWithGap: 2, populationWithGap: 1500, compoundsComplete: 0, populationComplete: 0 });
  });

  it('colours compounds: a spotlight by has / has not, gaps by how many are missing', () => {
    expect(compoundTones(stats, ['canteen'])).toEqual({ A: 0, B: 2 });
    expect(compoundTones(stats, ['canteen', 'clinic'])).toEqual({ A: 1, B: 1 });
    expect(slideTones({ key: 'gaps', kind: 'gaps', seconds: 5 }, stats, null, ['canteen', 'clinic', 'market'])).toEqual({ A: 2, B: 2 });
    expect(slideTones({ key: 'overview', kind: 'overview', seconds: 5 }, stats, null, [])).toBeNull();
  });
});
