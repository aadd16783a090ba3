import type { CDPSession, Page } from 'playwright-core';

export interface HeapFigures {
  /** The page's JS heap after a full collection, MB. */
  pageMB: number;
  /** Each dedicated worker's JS heap after a full collection, MB, by the worker's name or URL. */
  workersMB: Record<string, number>;
  nodes: number;
  listeners: number;
}

/** Sends one DevTools command to a target attached without flattening (the page's own CDP session cannot reach workers). */
function callTarget(browserCdp: CDPSession, sessionId: string, method: string, nextId: () => number): Promise<Record<string, number>> {
  const id = nextId();
  return new Promise((resolve, reject) => {
    const onMessage = (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number>; error?: { message: string } };
      if (message.id !== id) return;
      browserCdp.off('Target.receivedMessageFromTarget', onMessage);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result ?? {});
    };
    browserCdp.on('Target.receivedMessageFromTarget', onMessage);
    void browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  });
}

/**
 * Heaps of a page and of every dedicated worker it runs (the walking session, MapLibre's
 * workers), each after a forced collection, so a leak in a worker shows as well as one in
 * the page.
 */
export async function heapFigures(page: Page): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  // Twice: a first collection can leave what finalizers release for the next.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  // Each page of the e2e session has its own browser context: its workers are the context's.
  const { targetInfo } = await cdp.send('Target.getTargetInfo');
  await cdp.detach();

  const browserCdp = await page.context().browser()!.newBrowserCDPSession();
  let id = 0;
  const workersMB: Record<string, number> = {};
  try {
    const { targetInfos } = await browserCdp.send('Target.getTargets');
    for (const target of targetInfos.filter((t) => t.type === 'worker' && t.browserContextId === targetInfo.browserContextId)) {
      const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      await callTarget(browserCdp, sessionId, 'HeapProfiler.collectGarbage', () => ++id);
      const heap = await callTarget(browserCdp, sessionId, 'Runtime.getHeapUsage', () => ++id);
      const name = target.title && !target.title.startsWith('http') ? target.title : (target.url.split('/').pop() ?? target.url).replace(/-[\w-]{8}\.js$/, '');
      workersMB[name] = (workersMB[name] ?? 0) + (heap.usedSize ?? 0) / 2 ** 20;
      await browserCdp.send('Target.detachFromTarget', { sessionId });
    }
  } finally {
    await browserCdp.detach();
  }
  return { pageMB: usedSize / 2 ** 20, workersMB, nodes: counters.nodes, listeners: counters.jsEventListeners };
}
