/**
 * Many datasets, many machines: a list file names one dataset directory per line; shard i of
 * N takes the entries whose position in the list is i modulo N. The assignment depends only
 * on the list, so N shards together write exactly the reports of one unsharded run.
 */

/** Dataset directories of a list file: one per line; blank lines and `#` comments ignored; duplicates kept once. */
export function readDatasetList(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line) seen.add(line);
  }
  return [...seen];
}

export interface Shard {
  index: number;
  count: number;
}

/** The entries of `list` that shard `index` of `count` analyses. */
export function shardOf<T>(list: readonly T[], shard: Shard): T[] {
  return list.filter((_, i) => i % shard.count === shard.index);
}

/**
 * The shard from flags, or from JOB_COMPLETION_INDEX, which a Kubernetes Indexed Job sets in
 * each pod. Returns an error message when the numbers do not fit.
 */
export function shardFrom(countText: string | undefined, indexText: string | undefined, env: NodeJS.ProcessEnv): Shard | string {
  if (countText === undefined) return indexText === undefined ? { index: 0, count: 1 } : '--shard-index needs --shard-count';
  const index = indexText ?? env.JOB_COMPLETION_INDEX;
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 1) return `--shard-count must be a whole number ≥ 1, got ${JSON.stringify(countText)}`;
  if (index === undefined) return '--shard-count needs --shard-index or the JOB_COMPLETION_INDEX of a Kubernetes Indexed Job';
  const i = Number(index);
  if (!/^\d+$/.test(index) || i >= count) return `the shard index must be a whole number from 0 to ${count - 1}, got ${JSON.stringify(index)}`;
  return { index: i, count };
}
