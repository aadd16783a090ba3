/**
 * Resolves in a later task of this thread, so that input and drawing get in first: the
 * browser's `scheduler.yield()` where there is one (its continuation is not queued behind
 * every other task), otherwise a timeout of 0.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
