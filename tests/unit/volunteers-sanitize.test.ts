import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import { hasPersonalData, personalDataIn } from '../../src/domain/volunteers/privacy';
import { sanitizeDataset, sanitizeGrids, sanitizeRequests, sanitizeVolunteers } from '../../src/domain/volunteers/sanitize';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'data/yuefeng-sample');
const temp = mkdtempSync(join(tmpdir(), 'sanitize-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

describe('sanitising personal data', () => {
  it('keeps what coverage needs of a volunteer and drops names, phones and anything else', () => {
    const { collection, counts } = sanitizeVolunteers(
      fc([
        {
          type: 'Feature',
          geometry: point(119.330036, 26.099587),
          properties: {
            id: 'v-1',
            name: '卢静',
            phone: '13700026158',
            home: '3号楼',
            team: '党员志愿服务队',
            skills: ['repair'],
            availability: 'Su 08:00-12:00',
            service_radius_m: 1500,
          },
        },
      ]),
    );
    expect(collection).toEqual(
      fc([
        {
          type: 'Feature',
          geometry: point(119.33, 26.1),
          properties: { id: 'v-1', team: '党员志愿服务队', skills: ['repair'], availability: 'Su 08:00-12:00', service_radius_m: 1500 },
        },
      ]),
    );
    expect(counts).toEqual({ removed: { name: 1, phone: 1, home: 1 }, moved: 1 });
  });

  it('moves a request to its compound and drops its text; a request without a compound is blurred', () => {
    const compounds = new Map([['c-1', [119.3301, 26.0901] as [number, number]]]);
    const { collection } = sanitizeRequests(
      fc([
        {
          type: 'Feature',
          geometry: point(119.33123, 26.09187),
          properties: {
            id: 'r-1',
            service_request_id: 'YF-1',
            service_code: 'repair',
            description: '3号楼502漏水',
            status: 'open',
            stage: 'collect',
            requested_datetime: '2026-10-30T09:00:00+08:00',
            compound_id: 'c-1',
            email: 'a@b.cn',
          },
        },
        {
          type: 'Feature',
          geometry: point(119.33123, 26.09187),
          properties: { id: 'r-2', service_code: 'repair', status: 'open', stage: 'collect', requested_datetime: '2026-10-30T09:00:00+08:00' },
        },
      ]),
      compounds,
    );
    const [a, b] = (collection as { features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] }).features;
    expect(a!.geometry.coordinates).toEqual([119.3301, 26.0901]);
    expect(a!.properties).not.toHaveProperty('description');
    expect(a!.properties).not.toHaveProperty('email');
    expect(a!.properties).toMatchObject({ service_request_id: 'YF-1', stage: 'collect', compound_id: 'c-1' });
    expect(b!.geometry.coordinates).toEqual([119.331, 26.092]);
  });

  it('keeps the role of grid staff only', () => {
    const { collection, counts } = sanitizeGrids(
      fc([{ type: 'Feature', geometry: null, properties: { id: 'g-1', level: 'grid', staff: [{ role: '网格员', name: '王小明', phone: '13900000000' }] } }]),
    );
    expect((collection as { features: { properties: unknown }[] }).features[0]!.properties).toEqual({ id: 'g-1', level: 'grid', staff: [{ role: '网格员' }] });
    expect(counts.removed).toEqual({ 'staff.name': 1, 'staff.phone': 1 });
  });

  it('leaves a personal-data file out rather than copy it when it is not JSON', () => {
    const result = sanitizeDataset(
      new Map([
        ['manifest.json', '{"id":"x"}'],
        ['volunteers.geojson', '{ broken'],
        ['network.geojson', 'as it is'],
      ]),
    );
    expect([...result.files.keys()].sort()).toEqual(['manifest.json', 'network.geojson']);
    expect(result.files.get('network.geojson')).toBe('as it is');
    expect(JSON.parse(result.files.get('manifest.json')!)).toEqual({ id: 'x', sanitized: true });
    expect(result.leftOut.get('volunteers.geojson')).toMatch(/not valid JSON/);
  });

  it("lists in the copy's manifest only the files the copy has, the playlist included", () => {
    const manifest = JSON.stringify({ id: 'x', files: ['network.geojson', 'volunteers.geojson', 'playlist.json'] });
    const result = sanitizeDataset(
      new Map([
        ['manifest.json', manifest],
        ['volunteers.geojson', '{ broken'],
        ['network.geojson', '{}'],
        ['playlist.json', '{"entries":["overview"]}'],
      ]),
    );
    expect(JSON.parse(result.files.get('manifest.json')!)).toEqual({ id: 'x', files: ['network.geojson', 'playlist.json'], sanitized: true });
    expect(result.files.get('playlist.json')).toBe('{"entries":["overview"]}');
  });
});

describe('npm run sanitize', { timeout: 30_000 }, () => {
  const run = async (args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/sanitize.ts'), ...args], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('answers --help and rejects unknown flags, a missing --out and writing over the original', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: npm run sanitize -- --data <dataset-dir> --out <dir>') });
    expect(await run(['--data', SAMPLE, '--out', temp, '--keep', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--keep'") });
    expect(await run(['--data', SAMPLE])).toMatchObject({ code: 2, stderr: expect.stringContaining('--out <dir> is required') });
    expect(await run(['--data', SAMPLE, '--out', SAMPLE])).toMatchObject({ code: 2, stderr: expect.stringContaining('another directory') });
  });

  it('writes a public copy of the sample that still loads, without any name, phone or text', async () => {
    const out = join(temp, 'public');
    const { code, stdout } = await run(['--data', SAMPLE, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('volunteers.geojson: removed name ×60, phone ×60');
    expect(stdout).toContain('requests.geojson: removed description ×125');
    const before = await loadDataset(fromDirectory(SAMPLE));
    const after = await loadDataset(fromDirectory(out));
    expect(after.problems).toEqual(before.problems);
    const dataset = after.dataset!;
    expect(hasPersonalData(personalDataIn(dataset))).toBe(false);
    expect(dataset.volunteers.features).toHaveLength(60);
    expect(dataset.requests.features).toHaveLength(125);
    expect(dataset.manifest.id).toBe('yuefeng-sample');
    const raw = ['volunteers', 'requests', 'grids'].map((f) => readFileSync(join(out, `${f}.geojson`), 'utf8')).join('');
    // A mainland mobile number, not digits inside a coordinate.
    expect(raw).not.toMatch(/(?<![\d.])1[3-9]\d{9}(?!\d)/);
    for (const v of before.dataset!.volunteers.features) expect(raw).not.toContain(v.properties.name!);
    expect(readFileSync(join(out, 'network.geojson'), 'utf8')).toBe(readFileSync(join(SAMPLE, 'network.geojson'), 'utf8'));
  });
});
