/** Resolvers waiting for the message that ends the current task (see nextTask). */
const waiting: (() => void)[] = [];
let channel: MessageChannel | null = null;

/** A message to ourselves: its event is a task of its own, without the 4 ms that nested timeouts are held to. */
function viaMessage(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
      // In node (tests), a port listened to would keep the process alive.
      (channel.port1 as { unref?: () => void }).unref?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves in a later task of this thread, so that input and drawing get in first: the
 * browser's `scheduler.yield()` where there is one (its continuation is not queued behind
 * every other task), otherwise a message to ourselves (as React's scheduler does: a timeout
 * would be held to 4 ms once nested, and under a test's fake timers it would wait for the
 * test to move the clock), or a timeout where there is no MessageChannel.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') return viaMessage();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
