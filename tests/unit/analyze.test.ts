import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { distance } from '@turf/turf';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import { analyzeDataset, type AnalysisReport } from '../../src/domain/analysis';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = resolve(ROOT, 'data/yuefeng-sample');
const tmp = () => mkdtempSync(join(tmpdir(), 'analyze-'));

function runCli(args: string[]) {
  return spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'src/cli/analyze.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('npm run analyze', () => {
  it('writes a contract-exact report for the sample', () => {
    const out = join(tmp(), 'report.json');
    const run = runCli(['--data', SAMPLE, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as AnalysisReport;
    expect(Object.keys(report)).toEqual(['dataset', 'inputs', 'speed_m_per_min', 'network', 'distance_kind', 'compounds', 'problems']);
    expect(report).toMatchObject({ dataset: 'yuefeng-sample', speed_m_per_min: 60, network: true, problems: [] });
    // What it was computed from, so a shipped copy can be told from a stale one (src/data/firstAnswer.ts).
    expect(Object.keys((report as AnalysisReport & { inputs: object }).inputs)).toEqual([
      'compounds.geojson',
      'facilities.geojson',
      'gates.geojson',
      'network.geojson',
    ]);
    const categories = new Set(
      (JSON.parse(readFileSync(join(SAMPLE, 'facilities.geojson'), 'utf8')) as { features: { properties: { category: string } }[] }).features.map(
        (f) => f.properties.category,
      ),
    );
    const compounds = JSON.parse(readFileSync(join(SAMPLE, 'compounds.geojson'), 'utf8')) as { features: unknown[] };
    expect(report.compounds).toHaveLength(compounds.features.length);
    for (const compound of report.compounds) {
      expect(Object.keys(compound)).toEqual(['id', 'population', 'elderly60', 'origins', 'nearest']);
      expect(new Set(Object.keys(compound.nearest))).toEqual(categories);
      expect(compound.origins.length).toBeGreaterThan(0);
      for (const entry of Object.values(compound.nearest)) {
        if (entry === null) continue;
        expect(Object.keys(entry)).toEqual(['facility_id', 'walk_m', 'walk_min']);
        expect(Math.abs(entry.walk_min - entry.walk_m / 60)).toBeLessThanOrEqual(0.051);
      }
    }
  });

  it('uses the speed given, and a walk is never shorter than the straight line', async () => {
    const { dataset, problems } = await loadDataset(fromDirectory(SAMPLE));
    const slow = analyzeDataset(dataset!, problems, 45);
    const fast = analyzeDataset(dataset!, problems, 60);
    const a = slow.compounds[0]!.nearest.clinic!;
    expect(a.walk_m).toBe(fast.compounds[0]!.nearest.clinic!.walk_m);
    expect(Math.abs(a.walk_min - a.walk_m / 45)).toBeLessThanOrEqual(0.051);
    const where = new Map(dataset!.facilities.features.map((f) => [f.properties.id, f.geometry.coordinates]));
    for (const compound of fast.compounds) {
      for (const entry of Object.values(compound.nearest)) {
        if (!entry) continue;
        const straight = Math.min(...compound.origins.map((o) => distance(o, where.get(entry.facility_id)!, { units: 'meters' })));
        expect(entry.walk_m).toBeGreaterThanOrEqual(straight - 0.5);
      }
    }
  });

  it('keeps going on a dataset with bad features: lists them, reports the rest, exits 0', () => {
    const out = join(tmp(), 'report.json');
    const run = runCli(['--data', resolve(ROOT, 'tests/fixtures/bad-dataset'), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as AnalysisReport;
    expect(report.problems.length).toBeGreaterThan(5);
    expect(run.stderr).toMatch(/problem: facilities\.geojson \(id f-hospital\) category:/);
    expect(report.compounds.map((c) => c.id)).toContain('c-ruicheng');
    expect(report.compounds.map((c) => c.id)).not.toContain('c-negative');
  });

  it('exits non-zero naming the file when nothing usable is left', () => {
    const run = runCli(['--data', resolve(ROOT, 'tests/fixtures/not-json'), '--out', join(tmp(), 'r.json')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('compounds.geojson');
  });

  it('says straight-line, and still answers, without a network', () => {
    const out = join(tmp(), 'report.json');
    expect(runCli(['--data', resolve(ROOT, 'tests/fixtures/no-network'), '--out', out]).status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as AnalysisReport;
    expect(report.network).toBe(false);
    expect(report.distance_kind).toBe('straight-line');
    expect(report.compounds[0]!.nearest.clinic!.facility_id).toBe('f-1');
  });

  it('gives the same answer for the sample re-expressed in GCJ-02', () => {
    const dir = tmp();
    cpSync(SAMPLE, dir, { recursive: true });
    const shift = (value: unknown): unknown => {
      if (Array.isArray(value) && typeof value[0] === 'number') return gcoord.transform(value as [number, number], gcoord.WGS84, gcoord.GCJ02);
      if (Array.isArray(value)) return value.map(shift);
      return value;
    };
    for (const file of ['compounds.geojson', 'facilities.geojson', 'network.geojson', 'gates.geojson']) {
      const fc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { features: { geometry: { coordinates: unknown } }[] };
      for (const f of fc.features) f.geometry.coordinates = shift(f.geometry.coordinates);
      writeFileSync(join(dir, file), JSON.stringify(fc));
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { crs: string };
    manifest.crs = 'GCJ02';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const outA = join(dir, 'a.json');
    const outB = join(dir, 'b.json');
    expect(runCli(['--data', SAMPLE, '--out', outA]).status).toBe(0);
    expect(runCli(['--data', dir, '--out', outB]).status).toBe(0);
    const a = JSON.parse(readFileSync(outA, 'utf8')) as AnalysisReport;
    const b = JSON.parse(readFileSync(outB, 'utf8')) as AnalysisReport;
    expect(b.compounds[0]!.origins[0]![0]).toBeCloseTo(a.compounds[0]!.origins[0]![0], 4);
    let same = 0;
    let total = 0;
    for (let i = 0; i < a.compounds.length; i++) {
      for (const [category, entry] of Object.entries(a.compounds[i]!.nearest)) {
        const other = b.compounds[i]!.nearest[category];
        total++;
        if (entry && other && entry.facility_id === other.facility_id && Math.abs(entry.walk_m - other.walk_m) < 2) same++;
      }
    }
    expect(same / total).toBeGreaterThan(0.99);
  });

  it('answers --help and rejects unknown flags and missing arguments', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run analyze');
    const unknown = runCli(['--data', SAMPLE, '--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/bogus/);
    expect(runCli(['--data', SAMPLE]).stderr).toContain('--out');
  });
});
