import type { EscalationLevel, WorkflowConfig } from './workflow';

const DAY_MS = 86_400_000;

/**
 * The escalation levels (吹哨) a request has reached `overdueMs` past its deadline and that
 * are not recorded yet, lowest first. Every level reached is recorded, not only the highest:
 * a request found ten days late on a server's first start calls in the grid, the community,
 * the town and the district at once, and each of them gets its record (and webhook).
 */
export function dueEscalations(overdueMs: number, recorded: Iterable<EscalationLevel>, config: WorkflowConfig): EscalationLevel[] {
  if (!(overdueMs > 0)) return [];
  const done = new Set(recorded);
  const due: EscalationLevel[] = [];
  for (const step of config.escalation) {
    if (overdueMs >= step.afterOverdueDays * DAY_MS && !done.has(step.level) && !due.includes(step.level)) due.push(step.level);
  }
  return due;
}
