import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/** The two import commands as a person runs them (through tsx, as the npm scripts do). */

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const temp = mkdtempSync(join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [join(ROOT, 'src/cli', script), ...args], { cwd: ROOT, env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run import:osm', { timeout: 30_000 }, () => {
  it('answers --help', async () => {
    const { code, stdout } = await run('import-osm.ts', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: npm run import:osm -- <file.osm.pbf|file.osm|overpass.json> --out <dir>');
    expect(stdout).toContain('--density');
  });

  it('rejects an unknown flag and a missing --out', async () => {
    expect(await run('import-osm.ts', ['x.osm', '--out', temp, '--colour', 'red'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--colour'"),
    });
    expect(await run('import-osm.ts', ['x.osm'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--out <dir> is required') });
    expect(await run('import-osm.ts', ['x.osm', '--out', temp, '--bbox', '1,2,3'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--bbox must be'),
    });
  });

  it('exits non-zero with a clear message on a missing or foreign file', async () => {
    expect(await run('import-osm.ts', [join(temp, 'none.osm.pbf'), '--out', temp])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
    const csv = join(ROOT, 'tests/fixtures/poi/baidu-bd09.csv');
    expect(await run('import-osm.ts', [csv, '--out', temp])).toMatchObject({ code: 1, stderr: expect.stringContaining('not an OSM file') });
  });

  it('imports, shows progress and prints the summary', async () => {
    const out = join(temp, 'rules');
    const { code, stdout, stderr } = await run('import-osm.ts', [join(ROOT, 'tests/fixtures/osm/rules.osm'), '--out', out, '--density', '0.02']);
    expect(code).toBe(0);
    expect(stderr).toContain('pass 1 (elements): 100%');
    expect(stdout).toMatch(/compounds\.geojson +1/);
    expect(stdout).toContain('Left out, and why:');
    expect(stdout).toContain('© OpenStreetMap contributors');
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ population_estimated: true });
  });
});

describe('npm run import:poi', { timeout: 30_000 }, () => {
  it('answers --help and requires --crs', async () => {
    expect(await run('import-poi.ts', ['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--crs WGS84|GCJ02|BD09') });
    expect(await run('import-poi.ts', ['a.csv', '--out', temp])).toMatchObject({ code: 2, stderr: expect.stringContaining('--crs is required') });
    expect(await run('import-poi.ts', ['a.csv', '--out', temp, '--crs', 'EPSG:3857'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--crs must be'),
    });
  });

  it('merges a table and reports its bad rows', async () => {
    const out = join(temp, 'poi');
    const { code, stdout } = await run('import-poi.ts', [join(ROOT, 'tests/fixtures/poi/amap-gcj02.csv'), '--crs', 'gcj-02', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('3 added to');
    expect(stdout).toContain('line 7 "缺纬度的店": lat: missing lat');
  });
});
