import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * Fixtures kept outside the project in ../shared (real OSM extracts, too big to commit).
 * Tests that need one are skipped, with the reason printed, when it is absent, except when
 * REQUIRE_SHARED=1 (CI), where a missing fixture fails.
 */

const SHARED_URL = new URL('../../shared/', import.meta.url);

/** The project's sibling folder `../shared/`, as an absolute path. */
export const SHARED_ROOT = fileURLToPath(SHARED_URL);

const sharedPath = (relPath: string) => fileURLToPath(new URL(relPath, SHARED_URL));

const required = () => process.env.REQUIRE_SHARED === '1';

/** Absolute path of `../shared/<relPath>`, or null when it does not exist. */
export function sharedFixture(relPath: string): string | null {
  const path = sharedPath(relPath);
  return existsSync(path) ? path : null;
}

/**
 * `describe` over a shared fixture: the body gets its absolute path. Skipped with a printed
 * reason when the fixture is absent; a failing test instead when REQUIRE_SHARED=1.
 */
export function describeShared(title: string, relPath: string, body: (path: string) => void): void {
  const path = sharedFixture(relPath);
  if (path) {
    describe(title, () => body(path));
    return;
  }
  const reason = `../shared/${relPath} not found (looked in ${SHARED_ROOT})`;
  if (required()) {
    describe(title, () => {
      it('has its shared fixture', () => {
        throw new Error(`${reason}; REQUIRE_SHARED=1 makes this a failure`);
      });
    });
    return;
  }
  console.warn(`skipping "${title}": ${reason}; set REQUIRE_SHARED=1 to make this fail`);
  describe.skipIf(true)(title, () => body(sharedPath(relPath)));
}
