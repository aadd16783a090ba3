/** Waits for the thread's next task (so that input and drawing get in between slices of work). */
export type Pause = () => Promise<void>;

/**
 * A piece of the page's work done in slices of about `sliceMs`, with `pause` between them:
 * the work asks `over` at the places it may stop, and `next()` when it is. One Slices is
 * shared by the steps of one piece of work (a file's parse, then its check), so that a step
 * goes on in the slice the one before it left.
 */
export class Slices {
  private start: number;

  constructor(
    private readonly pause: Pause,
    private readonly sliceMs = 8,
    start = performance.now(),
  ) {
    this.start = start;
  }

  /** Whether the current slice is used up. */
  get over(): boolean {
    return performance.now() - this.start >= this.sliceMs;
  }

  /** Pauses, then begins the next slice. */
  async next(): Promise<void> {
    await this.pause();
    this.start = performance.now();
  }
}
