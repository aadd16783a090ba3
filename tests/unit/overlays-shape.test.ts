import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/domain/volunteers/workflow';
import { theme } from '../../src/map/theme';

const DIR = resolve(import.meta.dirname, '../../src/map/overlays');
const overlays = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(resolve(DIR, file), 'utf8') }));

describe('map overlays', () => {
  it('take what they draw from the store, keep what they drew per map and take their colours from the theme', () => {
    expect(overlays.length).toBeGreaterThanOrEqual(5);
    for (const { file, text } of overlays) {
      // Types only from the domain: its code runs in the store's selectors.
      expect(text.match(/^import (?!type ).*from '\.\.\/\.\.\/domain\//gm), file).toBeNull();
      // No module state: no top-level `let`, and no Map or object made to be written at module level.
      expect(text.match(/^let /gm), file).toBeNull();
      expect(text.match(/^const \w+(: \w+)? = new Map/gm), file).toBeNull();
      // No colour written in an overlay (a fully transparent one is not a colour).
      expect(text.match(/'#[0-9a-fA-F]{3,8}'/g), file).toBeNull();
    }
  });

  it('colour the requests by stage in the order of the workflow', () => {
    expect(Object.keys(theme.volunteers.stages)).toEqual([...STAGES]);
  });
});
