import { describe, expect, it } from 'vitest';
import type { VolunteerFeature } from '../../src/domain/volunteers/availability';
import { matchingVolunteers, rankByWalk } from '../../src/domain/volunteers/matching';

const TZ = 'Asia/Shanghai';
const MONDAY_20 = new Date('2026-11-02T20:00:00+08:00');

function volunteer(id: string, skills: string[], availability: string, radius = 1000): VolunteerFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [119.33, 26.09] },
    properties: { id, name: `志愿者${id}`, skills, availability, service_radius_m: radius },
  };
}

const team = [
  volunteer('v-a', ['medical'], 'Mo-Su 18:00-22:00', 500),
  volunteer('v-b', ['medical', 'escort'], 'Mo-Su 18:00-22:00'),
  volunteer('v-c', ['medical'], 'Sa,Su 08:00-18:00'),
  volunteer('v-d', ['errand'], 'Mo-Su 18:00-22:00'),
  volunteer('v-e', ['medical'], 'Mo-Su 18:00-22:00'),
  volunteer('v-f', ['medical'], 'Mo-Su 18:00-22:00'),
];

describe('matching a request to volunteers', () => {
  it('keeps volunteers with the skill who are available now', () => {
    const { skill, candidates } = matchingVolunteers({ service_code: 'medical' }, team, MONDAY_20, TZ);
    expect(skill).toBe('medical');
    expect(candidates.map((v) => v.properties.id)).toEqual(['v-a', 'v-b', 'v-e', 'v-f']);
  });

  it('maps a facility category to its skill, and finds nobody for a category without one', () => {
    expect(matchingVolunteers({ service_code: 'canteen' }, team, MONDAY_20, TZ).candidates.map((v) => v.properties.id)).toEqual(['v-d']);
    expect(matchingVolunteers({ service_code: 'park' }, team, MONDAY_20, TZ)).toEqual({ skill: null, candidates: [] });
  });

  it('ranks by walking time: nearest first, ties by id, unreachable last', () => {
    const { candidates } = matchingVolunteers({ service_code: 'medical' }, team, MONDAY_20, TZ);
    const walks = new Map<string, number | null>([
      ['v-a', 600],
      ['v-b', 240],
      ['v-e', null],
      ['v-f', 240],
    ]);
    const ranked = rankByWalk(candidates, walks, 60);
    expect(ranked.map((c) => c.volunteer.id)).toEqual(['v-b', 'v-f', 'v-a', 'v-e']);
    expect(ranked[0]).toMatchObject({ walkM: 240, minutes: 4, withinRadius: true });
    // v-a walks 600 m but only serves 500 m around.
    expect(ranked[2]).toMatchObject({ minutes: 10, withinRadius: false });
    expect(ranked[3]).toMatchObject({ walkM: null, minutes: null, withinRadius: false });
  });
});
