/**
 * Posts one message to a worker made for it and answers its one reply, ending the worker
 * either way: a reply `{ error }` or a failed worker rejects (the caller then does the work
 * itself). For short jobs off the page: a large file's fingerprint, the map's icons.
 */
export function askOnce<T extends object>(worker: Worker, message: unknown, name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<T | { error: string }>) => {
      worker.terminate();
      const reply = event.data;
      if ('error' in reply) reject(new Error(String(reply.error)));
      else resolve(reply);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || `the ${name} worker failed`));
    };
    worker.postMessage(message);
  });
}
