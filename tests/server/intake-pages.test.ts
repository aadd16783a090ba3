import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';
import { call, isErrorArray } from './intakeHelpers';

let server: TestServer | undefined;
let dist: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
  server = dist = undefined;
});

/** A built app in miniature: the map app's index.html and the phone pages' report.html. */
function tinyDist(withReport: boolean): string {
  dist = mkdtempSync(join(tmpdir(), 'intake-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>map app</title>');
  if (withReport) writeFileSync(join(dist, 'report.html'), '<!doctype html><title>report page</title>');
  return dist;
}

describe('the intake pages', () => {
  it('answers /report, /track and /posters with report.html, not the map app', async () => {
    server = await startTestServer({ distDir: tinyDist(true) });
    for (const path of ['/report?compound=c-001', '/report/', '/track?code=ABCDE23456', '/track?id=YF-2026-0001', '/posters']) {
      const answer = await call(server, 'GET', path);
      expect(answer.status, path).toBe(200);
      expect(answer.text, path).toContain('report page');
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    }
    expect((await call(server, 'GET', '/?mode=volunteers')).text).toContain('map app');
  });

  it('says clearly when the build has no intake page', async () => {
    server = await startTestServer({ distDir: tinyDist(false) });
    const answer = await call(server, 'GET', '/report?compound=c-001');
    expect(answer.status).toBe(404);
    expect(isErrorArray(answer.json)).toBe(true);
    expect(answer.text).toContain('report.html');
  });
});
