import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstAnswerFrom, readFirstAnswer, readRest, sharedReads, stillCurrent } from '../../src/data/firstAnswer';
import { textFingerprint } from '../../src/data/fingerprint';

const SAMPLE = resolve(import.meta.dirname, '../../data/yuefeng-sample');
const read = (file: string) => readFileSync(join(SAMPLE, file), 'utf8');
const manifest = JSON.parse(read('manifest.json')) as { id: string; files: string[] };
const report = JSON.parse(read('report.json')) as {
  dataset: string;
  inputs: Record<string, string>;
  compounds: { id: string; nearest: Record<string, { facility_id: string; walk_m: number } | null> }[];
};
const texts = { 'compounds.geojson': read('compounds.geojson'), 'facilities.geojson': read('facilities.geojson'), 'gates.geojson': read('gates.geojson') };
const input = { manifest, report, texts, compoundId: 'c-001', speedMPerMin: 60 };

describe('the shipped nearest report (report.json) as a first answer', () => {
  it('is listed by the sample manifest and was computed from the committed files', () => {
    expect(manifest.files).toContain('report.json');
    for (const file of ['compounds.geojson', 'facilities.geojson', 'gates.geojson', 'network.geojson']) {
      expect(report.inputs[file], file).toBe(textFingerprint(read(file)));
    }
  });

  it("gives the compound's nearest facility of every category with its walk, in taxonomy order", async () => {
    const { answer, reason } = firstAnswerFrom(input);
    expect(reason).toBeNull();
    expect(answer).toMatchObject({
      datasetId: 'yuefeng-sample',
      compoundId: 'c-001',
      compoundName: '前横小区',
      compoundNameEn: 'Qianheng Estate',
      speedMPerMin: 60,
    });
    const entry = report.compounds.find((c) => c.id === 'c-001')!;
    expect(answer!.rows.map((r) => r.category).sort()).toEqual(Object.keys(entry.nearest).sort());
    const canteen = answer!.rows.find((r) => r.category === 'canteen')!;
    expect(canteen).toMatchObject({ facilityId: entry.nearest.canteen!.facility_id, walkM: entry.nearest.canteen!.walk_m });
    expect(canteen.straightM).toBeGreaterThan(0);
    expect(canteen.straightM).toBeLessThanOrEqual(canteen.walkM!);
    expect(answer!.facilities[canteen.facilityId!]?.name).toBeTruthy();
    expect(answer!.rows[0]!.category).toBe('canteen');
    // The network is checked when it arrives: unchanged, the answer stands.
    expect(answer!.unchecked).toEqual({ 'network.geojson': report.inputs['network.geojson'] });
    expect(await stillCurrent(answer!, { 'network.geojson': read('network.geojson') })).toBe(true);
    // As the browser reads it, a Blob (decoded for the check, byte-order mark dropped, as a fetch's text() would be).
    const blob = (text: string) => new Blob([new TextEncoder().encode(text)]);
    expect(await stillCurrent(answer!, { 'network.geojson': blob(`\ufeff${read('network.geojson')}`) })).toBe(true);
    expect(await stillCurrent(answer!, { 'network.geojson': blob(`${read('network.geojson')} `) })).toBe(false);
    expect(await stillCurrent(answer!, { 'network.geojson': null })).toBe(false);
  });

  it('ignores a foreign report, a stale one, another pace, or an unknown compound', async () => {
    expect(firstAnswerFrom({ ...input, report: { ...report, dataset: 'another-town' } }).reason).toMatch(/another-town/);
    const edited = texts['facilities.geojson'].replace('"name":"', '"name":"新');
    expect(firstAnswerFrom({ ...input, texts: { ...texts, 'facilities.geojson': edited } }).reason).toMatch(/facilities\.geojson has changed/);
    expect(firstAnswerFrom({ ...input, report: { ...report, inputs: undefined } }).reason).toMatch(/which files/);
    expect(firstAnswerFrom({ ...input, speedMPerMin: 45 }).answer).toBeNull();
    expect(firstAnswerFrom({ ...input, compoundId: 'c-nowhere' }).reason).toMatch(/no compound/);
    const { answer } = firstAnswerFrom(input);
    expect(await stillCurrent(answer!, { 'network.geojson': `${read('network.geojson')} ` })).toBe(false);
  });

  it('reads each file once, shared with the full load, and asks for no report a manifest does not list', async () => {
    const asked: string[] = [];
    const reader = sharedReads(async (name) => {
      asked.push(name);
      return read(name);
    });
    const answer = await readFirstAnswer(reader, 'c-001', 60);
    expect(answer?.compoundId).toBe('c-001');
    await reader('compounds.geojson');
    expect(asked.sort()).toEqual(['compounds.geojson', 'facilities.geojson', 'gates.geojson', 'manifest.json', 'report.json']);

    const unlisted: string[] = [];
    const noReport = await readFirstAnswer(
      async (name) => {
        unlisted.push(name);
        return name === 'manifest.json' ? JSON.stringify({ ...manifest, files: manifest.files.filter((f) => f !== 'report.json') }) : read(name);
      },
      'c-001',
      60,
    );
    expect(noReport).toBeNull();
    expect(unlisted).toEqual(['manifest.json']);
  });
});

describe('the rest of a shared link’s dataset, asked for after its first answer', () => {
  const asked = async (manifest: string | null) => {
    const names: string[] = [];
    await readRest(
      sharedReads(async (name) => {
        names.push(name);
        if (name === 'manifest.json') return manifest;
        if (name === 'grids.geojson') throw new Error('offline');
        return '{}';
      }),
    );
    return names;
  };

  it('asks for the walking network first, then every other file the manifest lists, and nothing it does not list', async () => {
    const listed = JSON.stringify({ id: 'x', files: ['compounds.geojson', 'facilities.geojson', 'network.json', 'grids.geojson', 'context.geojson'] });
    expect(await asked(listed)).toEqual(['manifest.json', 'network.geojson', 'compounds.geojson', 'facilities.geojson', 'grids.geojson', 'context.geojson']);
  });

  it('asks for nothing more when the manifest lists no files, is missing or is not JSON (the loader then decides)', async () => {
    expect(await asked(JSON.stringify({ id: 'x' }))).toEqual(['manifest.json']);
    expect(await asked(null)).toEqual(['manifest.json']);
    expect(await asked('{ not json')).toEqual(['manifest.json']);
  });
});
