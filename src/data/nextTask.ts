/** Resolvers waiting for the message that ends the current task (see nextTask). */
const waiting: (() => void)[] = [];
let channel: MessageChannel | null = null;

/** Node's ports keep the process alive while ref'd; a browser's have no such methods. */
type NodePort = MessagePort & { ref?: () => void; unref?: () => void };

/** A message to ourselves: its event is a task of its own, without the 4 ms that nested timeouts are held to. */
function viaMessage(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) {
      const made = new MessageChannel();
      made.port1.onmessage = () => {
        waiting.shift()?.();
        // In node, a port listened to keeps the process alive: only while someone waits.
        if (waiting.length === 0) (made.port1 as NodePort).unref?.();
      };
      channel = made;
    }
    waiting.push(resolve);
    (channel.port1 as NodePort).ref?.();
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
