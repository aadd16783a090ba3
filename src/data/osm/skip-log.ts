/** What an import left out, counted per output file and reason (the summary prints it). */
export class SkipLog {
  private readonly counts = new Map<string, Map<string, number>>();

  add(file: string, reason: string, n = 1): void {
    let reasons = this.counts.get(file);
    if (!reasons) this.counts.set(file, (reasons = new Map()));
    reasons.set(reason, (reasons.get(reason) ?? 0) + n);
  }

  /** `{ file: { reason: count } }`, reasons most frequent first. */
  toJSON(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [file, reasons] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      out[file] = Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
    }
    return out;
  }

  total(file: string): number {
    let n = 0;
    for (const count of this.counts.get(file)?.values() ?? []) n += count;
    return n;
  }
}
