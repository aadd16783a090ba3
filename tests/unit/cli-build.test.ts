import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * A production install, as `npm prune --omit=dev` leaves it: only the packages npm lists
 * without dev dependencies, copied (hard-linked) into a fresh directory beside the built CLIs.
 * No TypeScript runner, no vite, no vitest.
 */
function prunedInstall(into: string): void {
  const listed = execFileSync(NPM, ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((p) => p.includes(`${'node_modules'}`));
  const copied: string[] = [];
  for (const path of listed.sort()) {
    if (copied.some((c) => path.startsWith(`${c}/`))) continue;
    const target = join(into, relative(ROOT, path));
    mkdirSync(dirname(target), { recursive: true });
    try {
      execFileSync('cp', ['-al', path, target]);
    } catch {
      cpSync(path, target, { recursive: true });
    }
    copied.push(path);
  }
  cpSync(join(ROOT, 'dist-node'), join(into, 'dist-node'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(into, 'package.json'));
}

describe('compiled CLIs after pruning dev dependencies', () => {
  let dir = '';
  const run = (...args: string[]) =>
    execFileSync(process.execPath, [join(dir, 'dist-node/main.js'), ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  // A chunk left by an older build, which the build must not ship again.
  const stale = join(ROOT, 'dist-node', 'chunk-LEFT-BY-AN-OLDER-BUILD.js');

  beforeAll(() => {
    mkdirSync(dirname(stale), { recursive: true });
    writeFileSync(stale, 'export {};\n');
    execFileSync(NPM, ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'cli-pruned-'));
    prunedInstall(dir);
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes dist-node afresh: nothing of an older build is left in it', () => {
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(ROOT, 'dist-node', 'main.js'))).toBe(true);
  });

  it('has no dev dependency to lean on', () => {
    for (const dev of ['tsx', 'vite', 'vitest', 'playwright-core', 'eslint']) expect(existsSync(join(dir, 'node_modules', dev))).toBe(false);
    expect(run('--help')).toMatch(/analyze[\s\S]*generate-sample[\s\S]*serve/);
  });

  it('generates the sample and analyses it with the same answers as the sources', () => {
    run('generate-sample', '--out', join(dir, 'sample'));
    run('analyze', '--data', join(dir, 'sample'), '--out', join(dir, 'built.json'));
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', '--data', join(dir, 'sample'), '--out', join(dir, 'source.json')], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const built = JSON.parse(readFileSync(join(dir, 'built.json'), 'utf8'));
    const source = JSON.parse(readFileSync(join(dir, 'source.json'), 'utf8'));
    expect(built.compounds.length).toBeGreaterThan(50);
    expect(built.compounds).toEqual(source.compounds);
  }, 120_000);

  it('sanitizes, imports POIs and refuses bad arguments with a clear message', () => {
    run('sanitize', '--data', join(dir, 'sample'), '--out', join(dir, 'public'));
    expect(existsSync(join(dir, 'public/volunteers.geojson'))).toBe(true);
    expect(() => run('import-poi', join(dir, 'missing.csv'), '--crs', 'WGS84', '--out', join(dir, 'public'))).toThrow(/missing\.csv/);
    expect(() => run('no-such-command')).toThrow(/unknown command/);
  }, 60_000);
});
