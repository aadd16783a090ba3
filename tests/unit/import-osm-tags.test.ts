import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/domain/taxonomy';
import { classifyFacility, tableCategories, unmatchedFacilityTag } from '../../src/data/osm/facility-table';
import { walkability } from '../../src/data/osm/highways';
import { contextKind, gateKind, namesOf, wayIsArea } from '../../src/data/osm/layer-tags';
import { sniffFormat } from '../../src/data/osm/read-osm';

const walk = (tags: Record<string, string>) => walkability(tags);

describe('walkable ways (network.geojson)', () => {
  it.each(['footway', 'path', 'pedestrian', 'steps', 'living_street', 'residential', 'service', 'unclassified', 'tertiary', 'secondary', 'primary', 'trunk'])(
    'keeps highway=%s',
    (highway) => expect(walk({ highway })).toEqual({ walkable: true }),
  );

  it('never keeps a motorway, not even with foot=yes', () => {
    expect(walk({ highway: 'motorway' })).toEqual({ walkable: false, reason: 'motorway' });
    expect(walk({ highway: 'motorway_link', foot: 'yes' })).toEqual({ walkable: false, reason: 'motorway' });
  });

  it('drops larger roads only when foot=no (or use_sidepath)', () => {
    expect(walk({ highway: 'primary', foot: 'no' })).toEqual({ walkable: false, reason: 'foot=no' });
    expect(walk({ highway: 'secondary', foot: 'use_sidepath' })).toEqual({ walkable: false, reason: 'foot=use_sidepath' });
  });

  it('drops access=no/private unless foot=yes (or designated/permissive)', () => {
    expect(walk({ highway: 'service', access: 'private' })).toEqual({ walkable: false, reason: 'access=private without foot=yes' });
    expect(walk({ highway: 'service', access: 'no' })).toEqual({ walkable: false, reason: 'access=no without foot=yes' });
    expect(walk({ highway: 'service', access: 'private', foot: 'yes' })).toEqual({ walkable: true });
    expect(walk({ highway: 'footway', access: 'no', foot: 'designated' })).toEqual({ walkable: true });
    expect(walk({ highway: 'service', access: 'private', foot: 'no' })?.walkable).toBe(false);
  });

  it('leaves out ways that are not (yet) ways, and says it is not a highway at all', () => {
    expect(walk({ highway: 'construction' })).toEqual({ walkable: false, reason: 'highway=construction is not a walkable way type' });
    expect(walk({ highway: 'proposed' })?.walkable).toBe(false);
    expect(walkability({ building: 'yes' })).toBeNull();
    expect(walkability(null)).toBeNull();
  });
});

describe('the facility tag table', () => {
  it('can give every category of the taxonomy', () => {
    expect([...tableCategories()].sort()).toEqual(CATEGORIES.map((c) => c.id).sort());
  });

  it.each([
    [{ amenity: 'canteen' }, 'canteen'],
    [{ amenity: 'restaurant', name: '岳峰长者食堂' }, 'canteen'],
    [{ amenity: 'clinic' }, 'clinic'],
    [{ healthcare: 'doctor' }, 'clinic'],
    [{ amenity: 'clinic', name: '岳峰社区卫生服务中心' }, 'health_center'],
    [{ amenity: 'hospital' }, 'health_center'],
    [{ amenity: 'pharmacy', healthcare: 'pharmacy' }, 'pharmacy'],
    [{ shop: 'convenience' }, 'convenience'],
    [{ shop: 'supermarket' }, 'supermarket'],
    [{ amenity: 'marketplace' }, 'market'],
    [{ shop: 'greengrocer' }, 'market'],
    [{ amenity: 'social_facility', 'social_facility:for': 'senior' }, 'elderly_care'],
    [{ amenity: 'social_facility', social_facility: 'nursing_home' }, 'elderly_care'],
    [{ amenity: 'social_facility', social_facility: 'soup_kitchen', 'social_facility:for': 'senior' }, 'canteen'],
    [{ amenity: 'kindergarten' }, 'kindergarten'],
    [{ amenity: 'school', 'isced:level': '1' }, 'primary_school'],
    [{ amenity: 'school', name: '鼓楼第一小学' }, 'primary_school'],
    [{ amenity: 'school', name: 'École de la Condamine' }, 'primary_school'],
    [{ amenity: 'school', 'isced:level': '2;3' }, 'middle_school'],
    [{ amenity: 'school', name: '福州第三中学' }, 'middle_school'],
    [{ amenity: 'school', name: 'Lycée Albert 1er' }, 'middle_school'],
    [{ amenity: 'school', name: 'École maternelle du Stade' }, 'kindergarten'],
    [{ amenity: 'school' }, 'other'],
    [{ amenity: 'library' }, 'culture'],
    [{ amenity: 'community_centre', name: '三台社区文化活动站' }, 'culture'],
    [{ amenity: 'community_centre' }, 'community_service'],
    [{ amenity: 'townhall', name: '新华社区党群服务中心' }, 'community_service'],
    [{ leisure: 'fitness_station' }, 'fitness'],
    [{ leisure: 'park' }, 'park'],
    [{ amenity: 'post_office' }, 'post'],
  ] as const)('%o → %s', (tags, category) => {
    expect(classifyFacility({ ...tags })?.category).toBe(category);
  });

  it('carries the zh/en meaning of the tag', () => {
    expect(classifyFacility({ amenity: 'pharmacy' })).toMatchObject({ category: 'pharmacy', zh: '药店', en: 'Pharmacy' });
  });

  it('skips what no rule matches, and names the tag for the summary', () => {
    expect(classifyFacility({ amenity: 'bench' })).toBeNull();
    expect(unmatchedFacilityTag({ amenity: 'bench' })).toBe('amenity=bench');
    expect(classifyFacility({ leisure: 'swimming_pool', access: 'private' })).toBeNull();
    expect(classifyFacility({ leisure: 'garden', access: 'private' })).toBeNull();
    expect(unmatchedFacilityTag({ highway: 'footway' })).toBeNull();
  });
});

describe('names, gates, context and areas', () => {
  it('prefers name:zh, then name; name_en from name:en', () => {
    expect(namesOf({ name: 'Ruicheng Garden', 'name:zh': '瑞城花园', 'name:en': 'Ruicheng Garden' })).toEqual({ name: '瑞城花园', name_en: 'Ruicheng Garden' });
    expect(namesOf({ name: 'Casino' })).toEqual({ name: 'Casino' });
    expect(namesOf({ amenity: 'bench' })).toEqual({});
  });

  it('knows gates and entrances', () => {
    expect(gateKind({ barrier: 'gate' })).toBe('barrier=gate');
    expect(gateKind({ entrance: 'main' })).toBe('entrance=main');
    expect(gateKind({ barrier: 'bollard' })).toBeNull();
    expect(gateKind({ entrance: 'no' })).toBeNull();
  });

  it('sorts basemap context into water, green, building and rail', () => {
    expect(contextKind({ building: 'yes', amenity: 'pharmacy' }, true)).toBe('building');
    expect(contextKind({ natural: 'water' }, true)).toBe('water');
    expect(contextKind({ waterway: 'river' }, false)).toBe('water');
    expect(contextKind({ leisure: 'park' }, true)).toBe('green');
    expect(contextKind({ railway: 'rail' }, false)).toBe('rail');
    expect(contextKind({ railway: 'abandoned' }, false)).toBeNull();
    expect(contextKind({ landuse: 'residential' }, true)).toBeNull();
  });

  it('treats closed ways as areas except highways and barriers without area=yes', () => {
    const ring = [1, 2, 3, 1];
    expect(wayIsArea({ building: 'yes' }, ring)).toBe(true);
    expect(wayIsArea({ building: 'yes' }, [1, 2, 3])).toBe(false);
    expect(wayIsArea({ highway: 'residential' }, ring)).toBe(false);
    expect(wayIsArea({ highway: 'pedestrian', area: 'yes' }, ring)).toBe(true);
    expect(wayIsArea({ barrier: 'fence' }, ring)).toBe(false);
    expect(wayIsArea({ waterway: 'riverbank' }, ring)).toBe(true);
  });
});

describe('format sniffing', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('tells PBF, XML and Overpass JSON apart by their first bytes', () => {
    expect(sniffFormat(new Uint8Array([0, 0, 0, 14, 10, 9, ...bytes('OSMHeader')]))).toBe('pbf');
    expect(sniffFormat(bytes('\uFEFF<?xml version="1.0"?><osm>'))).toBe('xml');
    expect(sniffFormat(bytes('  {"version":0.6,"elements":[]}'))).toBe('overpass-json');
  });
  it('explains compressed and foreign files', () => {
    expect(sniffFormat(new Uint8Array([0x1f, 0x8b, 8, 0]))).toEqual({ error: expect.stringContaining('gzip') });
    expect(sniffFormat(bytes('BZh91AY'))).toEqual({ error: expect.stringContaining('bzip2') });
    expect(sniffFormat(bytes('name,lon,lat'))).toEqual({ error: expect.stringContaining('not an OSM file') });
  });
});
