import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeScenario } from '../../src/cli/bench/analyze-process';
import type { NetworkProps, RealNetwork } from '../../src/cli/bench/datasets';
import { budgetMisses, formatTable, type RowResult } from '../../src/cli/bench/report';
import { cycling } from '../../src/cli/bench/walk-data';

const ROOT = resolve(import.meta.dirname, '../..');

const row = (over: Partial<RowResult>): RowResult => ({
  task: 'gap-analysis',
  dataset: 'wuhan',
  size: '5,000 compounds × 8 categories',
  edges: 74_722,
  oursMs: 40,
  peersMs: {},
  wallMs: 12_300,
  ...over,
});

describe('bench table and --check', () => {
  it('names the sample and the factor of a scaled peer, and its measured time', () => {
    const table = formatTable(
      [
        row({
          peersMs: { 'per-compound-dijkstra': 20 * 250 },
          scaled: { 'per-compound-dijkstra': { sample: '250 of 5,000 compounds', factor: 20, sampledMs: 250 } },
        }),
      ],
      [],
      true,
    );
    expect(table).toContain('per-compound-dijkstra (250 of 5,000 compounds, ×20)');
    expect(table).toMatch(/5,000\s+125×/);
    expect(table).toContain('per-compound-dijkstra: 250.0 ms measured on 250 of 5,000 compounds, × 20');
    expect(table).toMatch(/row wall s/);
    expect(table).toMatch(/ours\s+40\.0\s+12\.3/);
  });

  it('says which budgets were missed: time, ratios, slowdown and a stage of the check', () => {
    const missed = budgetMisses(
      row({
        oursMs: 61,
        peersMs: { 'turf.union': 600, 'plain-node-script': 40 },
        budget: { maxMs: 50, minRatio: { 'turf.union': 30 }, maxSlowdown: { 'plain-node-script': 1.5 } },
        check: { ok: true, note: '', missed: ['search 1.31 ms > 1 ms'] },
      }),
    );
    expect(missed).toEqual([
      'gap-analysis on wuhan: 61.0 ms > 50 ms',
      'gap-analysis on wuhan: 9.8× turf.union < 30×',
      'gap-analysis on wuhan: ours 1.52× plain-node-script > 1.5×',
      'gap-analysis on wuhan: search 1.31 ms > 1 ms',
    ]);
    expect(budgetMisses(row({ oursMs: 49, peersMs: { 'plain-node-script': 40 }, budget: { maxMs: 50, maxSlowdown: { 'plain-node-script': 1.5 } } }))).toEqual(
      [],
    );
  });

  it('gives each call the next origin and keeps the first answer per origin', () => {
    const answers = new Map<number, string>();
    const job = cycling(3, (k) => `origin ${k}`, answers);
    expect([job(), job(), job(), job()]).toEqual(['origin 0', 'origin 1', 'origin 2', 'origin 0']);
    expect([...answers]).toEqual([
      [0, 'origin 0'],
      [1, 'origin 1'],
      [2, 'origin 2'],
    ]);
  });
});

describe('the plain-Node yardstick of the analyze-process row', () => {
  it('answers as analyze does on a scenario over the sample network', () => {
    const path = join(ROOT, 'data/yuefeng-sample/network.geojson');
    const network = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<LineString | MultiLineString, NetworkProps>;
    const real: RealNetwork = { name: 'wuhan', path, network, featuresRead: network.features.length, excluded: 0 };
    const dir = writeScenario(real, { compounds: 300, facilitiesPerCategory: 4, cutRadiusM: null });
    // The bench removes it when its process exits; a test worker's may not, so here by hand.
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const ours = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', '--data', dir, '--out', join(dir, 'out/ours.json')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(ours.status, ours.stderr).toBe(0);
    const plain = spawnSync(process.execPath, ['src/cli/bench/plain-analyze.mjs', dir, join(dir, 'out/plain.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(plain.status, plain.stderr).toBe(0);
    type Report = { compounds: { id: string; origins: number[][]; nearest: Record<string, { facility_id: string; walk_m: number } | null> }[] };
    const a = JSON.parse(readFileSync(join(dir, 'out/ours.json'), 'utf8')) as Report;
    const b = JSON.parse(readFileSync(join(dir, 'out/plain.json'), 'utf8')) as Report;
    expect(b.compounds.map((c) => [c.id, c.origins])).toEqual(a.compounds.map((c) => [c.id, c.origins]));
    let compared = 0;
    a.compounds.forEach((compound, i) => {
      for (const [category, mine] of Object.entries(compound.nearest)) {
        const theirs = b.compounds[i]!.nearest[category];
        expect(theirs === null, `${compound.id} ${category}`).toBe(mine === null);
        if (!mine || !theirs) continue;
        expect(Math.abs(mine.walk_m - theirs.walk_m), `${compound.id} ${category}`).toBeLessThanOrEqual(0.1 + 1e-9);
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(300 * 8 * 0.9);
  }, 60_000);
});
