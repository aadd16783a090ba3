import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDatasetList, shardFrom, shardOf } from '../../src/cli/analyze/shards';
import { mergeReports } from '../../src/domain/reportSummary';
import type { AnalysisReport } from '../../src/domain/analysis';

const ROOT = resolve(import.meta.dirname, '../..');
const cli = (script: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli', script), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });

describe('dataset lists and shards', () => {
  it('reads one directory per line, without blanks, comments or repeats', () => {
    expect(readDatasetList('a\n\n# a comment\nb  # trailing\r\na\nc\n')).toEqual(['a', 'b', 'c']);
  });

  it('gives every entry to exactly one of N shards', () => {
    const list = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const shards = [0, 1, 2].map((index) => shardOf(list, { index, count: 3 }));
    expect(shards).toEqual([
      ['a', 'd', 'g'],
      ['b', 'e'],
      ['c', 'f'],
    ]);
    expect(shards.flat().sort()).toEqual(list);
  });

  it('takes the shard from the flags or from a Kubernetes Indexed Job, and says what is wrong', () => {
    expect(shardFrom(undefined, undefined, { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 0, count: 1 });
    expect(shardFrom('4', undefined, { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 4 });
    expect(shardFrom('4', '1', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 1, count: 4 });
    expect(shardFrom('4', '4', {})).toMatch(/from 0 to 3/);
    expect(shardFrom('0', '0', {})).toMatch(/≥ 1/);
    expect(shardFrom('4', undefined, {})).toMatch(/JOB_COMPLETION_INDEX/);
    expect(shardFrom(undefined, '1', {})).toMatch(/needs --shard-count/);
  });
});

describe('analyze --datasets across shards, then merge-reports', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shards-'));
    // Five datasets with their own ids (copies of the sample) and one without a network.
    const entries: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      const target = join(dir, 'cities', `city-${n}`);
      cpSync(join(ROOT, 'data/yuefeng-sample'), target, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8'));
      writeFileSync(join(target, 'manifest.json'), JSON.stringify({ ...manifest, id: `city-${n}` }));
      entries.push(`cities/city-${n}`);
    }
    entries.push(resolve(ROOT, 'tests/fixtures/no-network'));
    writeFileSync(join(dir, 'list.txt'), `# six datasets\n${entries.join('\n')}\n`);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('three shards write exactly the reports of one unsharded run', () => {
    const whole = cli('analyze.ts', ['--datasets', join(dir, 'list.txt'), '--out-dir', join(dir, 'whole')]);
    expect(whole.status, whole.stderr).toBe(0);
    for (const index of [0, 1, 2]) {
      // Shard 1 learns its index the way a pod of an Indexed Job does.
      const args = ['--datasets', join(dir, 'list.txt'), '--out-dir', join(dir, 'sharded'), '--shard-count', '3'];
      const run = index === 1 ? cli('analyze.ts', args, { JOB_COMPLETION_INDEX: '1' }) : cli('analyze.ts', [...args, '--shard-index', String(index)]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain(`shard ${index + 1} of 3: 2 of 6 dataset(s)`);
    }
    const files = readdirSync(join(dir, 'whole')).sort();
    expect(files).toEqual(['city-1.json', 'city-2.json', 'city-3.json', 'city-4.json', 'city-5.json', 'no-network-example.json']);
    expect(readdirSync(join(dir, 'sharded')).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(dir, 'sharded', file), 'utf8')).toBe(readFileSync(join(dir, 'whole', file), 'utf8'));
  }, 180_000);

  it('merges the reports into one summary per dataset and category', () => {
    const run = cli('merge-reports.ts', ['--in', join(dir, 'sharded'), '--out', join(dir, 'summary.json')]);
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.datasets.map((d: { dataset: string }) => d.dataset)).toEqual(['city-1', 'city-2', 'city-3', 'city-4', 'city-5', 'no-network-example']);
    const report = JSON.parse(readFileSync(join(dir, 'sharded/city-1.json'), 'utf8')) as AnalysisReport;
    const canteen = summary.datasets[0].categories.find((c: { category: string }) => c.category === 'canteen');
    const without = report.compounds.filter((c) => !(c.nearest.canteen && c.nearest.canteen.walk_min <= 15));
    expect(canteen.compounds_without).toBe(without.length);
    expect(canteen.residents_without).toBe(without.reduce((s, c) => s + c.population, 0));
    const total = summary.total.categories.find((c: { category: string }) => c.category === 'canteen');
    expect(total.compounds_without).toBeGreaterThanOrEqual(5 * without.length);
  }, 60_000);

  it('counts a compound without any reachable facility as without the service', () => {
    const report: AnalysisReport = {
      dataset: 'x',
      speed_m_per_min: 60,
      network: true,
      distance_kind: 'network',
      problems: [],
      compounds: [
        { id: 'a', population: 100, elderly60: 20, origins: [], nearest: { clinic: { facility_id: 'f', walk_m: 600, walk_min: 10 } } },
        { id: 'b', population: 50, elderly60: 30, origins: [], nearest: { clinic: null } },
        { id: 'c', population: 10, elderly60: 1, origins: [], nearest: { clinic: { facility_id: 'f', walk_m: 1200, walk_min: 20 } } },
      ],
    };
    expect(mergeReports([report]).datasets[0]!.categories).toEqual([
      { category: 'clinic', compounds_without: 2, residents_without: 60, elderly60_without: 31 },
    ]);
  });

  it('refuses a shard index without a count, and names a list that is not there', () => {
    expect(cli('analyze.ts', ['--datasets', join(dir, 'list.txt'), '--out-dir', join(dir, 'x'), '--shard-index', '1']).stderr).toMatch(/needs --shard-count/);
    const missing = cli('analyze.ts', ['--datasets', join(dir, 'nope.txt'), '--out-dir', join(dir, 'x')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.txt');
  }, 60_000);
});

describe('deployment files', () => {
  it('the Indexed Job runs one shard per completion on one dataset volume', () => {
    const job = parse(readFileSync(join(ROOT, 'deploy/kubernetes/analyze-job.yaml'), 'utf8'));
    expect(job.kind).toBe('Job');
    expect(job.apiVersion).toBe('batch/v1');
    expect(job.spec.completionMode).toBe('Indexed');
    const container = job.spec.template.spec.containers[0];
    const args: string[] = container.args;
    expect(args[0]).toBe('analyze');
    expect(Number(args[args.indexOf('--shard-count') + 1])).toBe(job.spec.completions);
    expect(args).not.toContain('--shard-index');
    const mount = container.volumeMounts[0];
    expect(job.spec.template.spec.volumes.map((v: { name: string }) => v.name)).toContain(mount.name);
    for (const flag of ['--datasets', '--out-dir']) expect(args[args.indexOf(flag) + 1]!.startsWith(`${mount.mountPath}/`)).toBe(true);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('the image runs the compiled CLIs with dev dependencies pruned', () => {
    const dockerfile = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/npm run build && npm prune --omit=dev/);
    expect(dockerfile).toMatch(/ENTRYPOINT \["node", "dist-node\/main\.js"\]/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['service-circles']).toBe('dist-node/main.js');
    expect(pkg.scripts['build:cli']).toContain('src/cli/main.ts');
    expect(execFileSync('git', ['check-ignore', 'dist-node/main.js'], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe('dist-node/main.js');
  });
});
