import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_ENTRIES, parsePlaylist, parsePlaylistParam } from '../../src/domain/hall/playlist';
import { expandSlides } from '../../src/domain/hall/slides';

const context = { areas: { community: ['cm-a', 'cm-b'], grid: ['gr-1'] }, knownCategories: ['canteen', 'clinic'], volunteers: true, requests: false };

describe('hall playlist config', () => {
  it('reads playlist.json with views, durations and settings', () => {
    const { config, problems } = parsePlaylist({
      views: [
        { kind: 'overview', seconds: 20 },
        { kind: 'areas', level: 'grid', seconds: 8 },
        { kind: 'spotlight', category: 'canteen' },
      ],
      refreshMinutes: 5,
      idleSeconds: 30,
      essentials: ['canteen', 'clinic'],
      subtitles: false,
    });
    expect(problems).toEqual([]);
    expect(config.entries).toEqual([
      { kind: 'overview', seconds: 20 },
      { kind: 'areas', level: 'grid', seconds: 8 },
      { kind: 'spotlight', category: 'canteen', seconds: 25 },
    ]);
    expect(config).toMatchObject({ refreshMinutes: 5, idleSeconds: 30, essentials: ['canteen', 'clinic'], subtitles: false });
  });

  it('leaves out bad entries with a problem each and clamps durations', () => {
    const { config, problems } = parsePlaylist([
      { kind: 'weather' },
      { kind: 'gaps', seconds: 1 },
      'x',
      { kind: 'spotlight' },
      { kind: 'areas', level: 'street' },
      { kind: 'overview', seconds: 'long' },
    ]);
    expect(config.entries).toEqual([
      { kind: 'gaps', seconds: 5 },
      { kind: 'overview', seconds: 30 },
    ]);
    expect(problems.map((p) => `${p.index}:${p.field}`)).toEqual(['0:kind', '1:seconds', '2:(entry)', '3:category', '4:level', '5:seconds']);
  });

  it('falls back to the default playlist when nothing is usable, and says so', () => {
    const { config, problems } = parsePlaylist({ views: [{ kind: 'nope' }], refreshMinutes: -3 });
    expect(config.entries).toEqual(DEFAULT_ENTRIES);
    expect(config.refreshMinutes).toBe(1);
    expect(problems.map((p) => p.field)).toEqual(['kind', 'views', 'refreshMinutes']);
    expect(parsePlaylist('hello').config).toEqual(DEFAULT_CONFIG);
  });

  it('reads the short ?playlist= form and JSON in the URL', () => {
    expect(parsePlaylistParam('overview:20,communities:10,grids,spotlight.canteen:15,gaps').config.entries).toEqual([
      { kind: 'overview', seconds: 20 },
      { kind: 'areas', level: 'community', seconds: 10 },
      { kind: 'areas', level: 'grid', seconds: 15 },
      { kind: 'spotlight', category: 'canteen', seconds: 15 },
      { kind: 'gaps', seconds: 25 },
    ]);
    expect(parsePlaylistParam('[{"kind":"gaps","seconds":9}]').config.entries).toEqual([{ kind: 'gaps', seconds: 9 }]);
    const bad = parsePlaylistParam('{nope');
    expect(bad.config.entries).toEqual(DEFAULT_ENTRIES);
    expect(bad.problems[0]?.message).toMatch(/not valid JSON/);
  });
});

describe('hall slides', () => {
  it('expands "each community in turn" and skips what the dataset cannot show', () => {
    const { config } = parsePlaylistParam('overview:30,communities:15,spotlight.canteen:25,spotlight.bakery,volunteers,requests,grids:10');
    const { slides, skipped } = expandSlides(config, context);
    expect(slides.map((s) => `${s.key}@${s.seconds}`)).toEqual([
      'overview@30',
      'area:cm-a@15',
      'area:cm-b@15',
      'spotlight:canteen@25',
      'volunteers@20',
      'area:gr-1@10',
    ]);
    expect(skipped.map((s) => s.field)).toEqual(['category', 'kind']);
  });

  it('keeps keys unique when a view is listed twice and never returns an empty playlist', () => {
    const twice = expandSlides(parsePlaylistParam('gaps,overview,gaps').config, context);
    expect(twice.slides.map((s) => s.key)).toEqual(['gaps', 'overview', 'gaps#1']);
    const nothing = expandSlides(parsePlaylistParam('requests').config, { ...context, requests: false });
    expect(nothing.slides.map((s) => s.key)).toEqual(['overview']);
  });
});
