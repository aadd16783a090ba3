import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextTask } from '../../src/data/nextTask';

describe('nextTask where there is no scheduler.yield (a message to ourselves)', () => {
  it('resolves its callers in order, after the microtasks queued before them', async () => {
    const order: string[] = [];
    const waits = [1, 2, 3].map((n) => nextTask().then(() => order.push(`task ${n}`)));
    void Promise.resolve().then(() => order.push('microtask'));
    await Promise.all(waits);
    expect(order).toEqual(['microtask', 'task 1', 'task 2', 'task 3']);
  });

  it('keeps node running while someone waits, and lets it exit after', () => {
    const module = resolve(__dirname, '../../src/data/nextTask.ts');
    const script = `const { nextTask } = await import(${JSON.stringify(module)}); await nextTask(); await nextTask(); console.log('after two tasks');`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('after two tasks');
    // It ended by itself: no port left holding the process (a timeout would have killed it).
    expect(child.status).toBe(0);
  });
});
