import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security';

const SRC = resolve(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

describe('the app runs under a policy without eval', () => {
  it('the policy allows no eval and no inline script', () => {
    const scriptSrc = /script-src ([^;]*)/.exec(CONTENT_SECURITY_POLICY)?.[1];
    expect(scriptSrc).toBe("'self'");
  });

  it('imports zod only through src/domain/zod.ts, which turns its eval-probing JIT off', () => {
    const direct = files(SRC)
      .filter((f) => /^import (?!type )[^;]*from ['"]zod['"]/m.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(direct).toEqual(['domain/zod.ts']);
    expect(readFileSync(join(SRC, 'domain/zod.ts'), 'utf8')).toContain('z.config({ jitless: true })');
  });

  it('has no eval or new Function of its own', () => {
    const offenders = files(SRC).filter((f) => /\beval\(|new Function\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
