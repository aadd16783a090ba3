import type { ServerContext } from './context';

// Placeholder: the SLA scheduler (issue 13, item 6).
export function startScheduler(_ctx: ServerContext): { stop(): void } {
  return { stop() {} };
}
