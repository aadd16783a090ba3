import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** The file a relative import names (TypeScript sources: .ts, .tsx, or a folder's index). */
function sourceOf(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts')]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

/** The packages the code reachable from `entry` imports at run time (type-only imports are left out). */
function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2])!;
      if (!specifier.startsWith('.')) packages.add(specifier);
      else {
        const next = sourceOf(file, specifier);
        if (next) queue.push(next);
      }
    }
  }
  return packages;
}

describe('what the analyze CLI loads', () => {
  it('loads single Turf modules, not all of @turf/turf (about 0.15 s more at every start)', () => {
    const packages = packagesReachedFrom('src/cli/analyze/run.ts');
    // The walk finds the loader and its checks.
    expect(packages).toContain('zod');
    expect(packages).toContain('@turf/bbox');
    expect(packages).not.toContain('@turf/turf');
  });
});
