/** Colours and sizes of the basemap and overlays: the one place to change the look. */
export const theme = {
  background: '#f4f1ea',
  water: '#a5c8e4',
  waterLine: '#7fb0d8',
  green: '#cfe6c1',
  building: '#e0d9cc',
  rail: '#8a8a8a',
  street: {
    major: '#ffffff',
    majorCasing: '#c9bfae',
    minor: '#ffffff',
    minorCasing: '#d8d0c2',
    path: '#a38f6f',
    steps: '#b5651d',
    private: '#c8c2b8',
  },
  compound: { fill: '#f6d8a8', outline: '#c08a3e', selected: '#d9480f', label: '#5c3d0e' },
  community: { line: '#6741d9', label: '#4c2fa8' },
  grid: { line: '#9775fa' },
  /** Buildings (楼栋, buildings.geojson): above the compound fill, darker than the basemap's footprints. */
  unit: { fill: '#d9a05b', outline: '#8c5a1c', label: '#5c3d0e' },
  gate: '#2b2b2b',
  halo: '#ffffff',
  /** Text and outlines on a coloured mark (a numbered site, a request's ring). */
  white: '#ffffff',
  text: '#1f2933',
  /** Service-circle bands, 5 / 10 / 15 minutes, from near (dark) to far (light). */
  bands: { 5: '#0b7285', 10: '#1098ad', 15: '#66d9e8' } as Record<number, string>,
  /** 三单制 on the map: needs (orange, darker when unmatched), resources (volunteers green, units blue), projects (violet; red when overdue). */
  sandan: { need: '#e8590c', needMatched: '#f5b97a', volunteer: '#087f5b', unit: '#1c7ed6', project: '#7048e8', projectDone: '#2f9e44', overdue: '#c92a2a' },
  /**
   * The planner: compounds by colour step of their unmet ▲ rules (none, one, then a quarter, a
   * half and three quarters of them), the canteens' under-served outline, the what-if changes
   * and the suggested sites.
   */
  planner: {
    steps: ['#2b8a3e', '#94d82d', '#fcc419', '#f76707', '#c92a2a'],
    compoundLine: '#495057',
    underServed: '#e8590c',
    proposed: '#e8590c',
    closed: '#c92a2a',
    gate: '#111',
    site: '#1d3b8f',
  },
  /** The service-hall screen: compounds by tone (has it / misses one / misses several or none), the area shown. */
  hall: { tones: { 0: '#2f9e44', 1: '#f08c00', 2: '#d6336c' }, area: '#3b1f8f' },
  /** The volunteers view: coverage, the compounds nobody reaches, the volunteers, the requests by stage. */
  volunteers: {
    covered: '#2f9e44',
    coveredLine: '#2b8a3e',
    uncovered: '#e03131',
    uncoveredLine: '#c92a2a',
    volunteer: '#087f5b',
    overdue: '#c92a2a',
    gap: '#f08c00',
    selected: '#111',
    /** From a new request (red-orange) to rated (green). */
    stages: { collect: '#e8590c', deliberate: '#f59f00', coordinate: '#7048e8', execute: '#1c7ed6', publish: '#0c8599', rate: '#2f9e44' },
    unknownStage: '#868e96',
  },
  /** Local fonts (no glyph server): CSS font families tried in order. */
  fonts: ['Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'],
} as const;

export const MAJOR_HIGHWAYS = ['primary', 'secondary', 'tertiary', 'trunk', 'primary_link', 'secondary_link', 'tertiary_link'];
export const PATH_HIGHWAYS = ['footway', 'path', 'pedestrian', 'cycleway', 'track', 'corridor'];
