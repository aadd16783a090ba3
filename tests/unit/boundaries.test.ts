import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('architecture boundaries (ESLint)', () => {
  it('keeps src/domain free of React, MapLibre, the store and the DOM', async () => {
    const code =
      "import { useState } from 'react';\nimport { Map } from 'maplibre-gl';\nimport { useStore } from '../store';\nexport const x = [useState, Map, useStore, document];\n";
    const ids = await ruleIds(code, 'src/domain/probe.ts');
    expect(ids.filter((id) => id === 'no-restricted-imports')).toHaveLength(3);
    expect(ids).toContain('no-restricted-globals');
  });

  it('lets only src/map import maplibre-gl', async () => {
    const code = "import { Map } from 'maplibre-gl';\nexport const x = Map;\n";
    expect(await ruleIds(code, 'src/components/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'src/map/probe.ts')).not.toContain('no-restricted-imports');
  });

  it('forbids rendering data as HTML', async () => {
    const code = 'export const X = (p: { s: string }) => <div dangerouslySetInnerHTML={{ __html: p.s }} />;\n';
    expect(await ruleIds(code, 'src/components/probe.tsx')).toContain('no-restricted-syntax');
  });
});
