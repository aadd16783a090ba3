import { setImmediate as nextTurn } from 'node:timers/promises';
import { dueEscalations } from '../domain/volunteers/sla';
import type { EscalationLevel } from '../domain/volunteers/workflow';
import type { ServerContext } from './context';
import { ledgerTiming } from './timing';
import { notifierOf } from './notify';
import { settleDueVotes } from './votes/settle';
import { lapseClaims } from './wishes/lapse';
import { createWebhookSender, parseWebhookUrl, type WebhookOptions, type WebhookSender } from './webhook';

/** What one pass over the open requests did. */
export interface EscalationRun {
  /** Open requests looked at. */
  checked: number;
  /** Escalation records written (one per request and level). */
  recorded: number;
  /** Requests that got at least one new record. */
  requests: number;
}

export interface Scheduler {
  /** Records every escalation due at `now` that is not recorded yet, page by page. */
  escalateDue(now: Date): Promise<EscalationRun>;
  /** Sends the webhooks due at `now` (none without a webhook URL); resolves with the attempts made. */
  deliverDue(now: Date): Promise<number>;
  /** One full tick: escalations, lapsed wish claims, votes past their deadline, then the webhook deliveries due (awaited). Tests call this with a fake clock. */
  runOnce(now?: Date): Promise<EscalationRun & { deliveries: number }>;
  /** Opens again the wishes whose claim ran out at `now` (part of every tick); returns how many. */
  lapseDue(now: Date): number;
  /** Stops the timer and aborts webhook deliveries in flight; safe to call twice. */
  stop(): void;
}

export interface SchedulerOptions {
  /** Open requests per slice; the event loop serves requests between slices (default 500). */
  pageSize?: number;
  webhook?: WebhookOptions;
  log?: Log;
}

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

const SILENT: Log = { info() {}, warn() {}, error() {} };

/**
 * The SLA scheduler (吹哨): walks the open requests in slices, works out with the workflow
 * settings how late each one is, and records every escalation level it has reached that
 * is not recorded yet; then sends the webhooks due. Nothing here may stop the server:
 * errors are logged and the next tick tries again.
 */
export function createScheduler(ctx: ServerContext, options: SchedulerOptions = {}): Scheduler {
  const pageSize = Math.max(1, options.pageSize ?? 500);
  const log = options.log ?? SILENT;
  const sender: WebhookSender | null = ctx.config.webhookUrl ? createWebhookSender(ctx, parseWebhookUrl(ctx.config.webhookUrl), log, options.webhook) : null;
  let stopped = false;
  let running: Promise<EscalationRun> | null = null;

  async function walk(now: Date): Promise<EscalationRun> {
    const run: EscalationRun = { checked: 0, recorded: 0, requests: 0 };
    const at = now.toISOString();
    let cursor: string | null = null;
    while (!stopped) {
      const page = ctx.store.openRequestsAfter(cursor, pageSize);
      if (!page.length) break;
      cursor = page[page.length - 1]!.id;
      run.checked += page.length;
      const entries: { requestId: string; level: EscalationLevel }[] = [];
      for (const request of page) {
        const { overdueMs } = ledgerTiming(request, now, ctx);
        if (overdueMs <= 0) continue;
        // Usually every level up to request.escalation is recorded; asking costs one indexed read per late request.
        const recorded = request.escalation ? ctx.store.escalations(request.id).map((e) => e.level) : [];
        for (const level of dueEscalations(overdueMs, recorded, ctx.config.workflow)) entries.push({ requestId: request.id, level });
      }
      if (entries.length) {
        // One transaction per slice: a first start with hundreds of late requests is one fsync, not hundreds.
        const created = ctx.store.addEscalations(entries, at, sender !== null);
        run.recorded += created.length;
        const escalated = new Set(created.map((e) => e.requestId));
        run.requests += escalated.size;
        for (const id of escalated) {
          const request = ctx.store.getRequest(id);
          if (request) ctx.events.emit('change', { kind: 'escalated', request });
        }
      }
      if (page.length < pageSize) break;
      await nextTurn();
    }
    if (run.recorded) log.info({ ...run }, `SLA: ${run.recorded} escalation(s) recorded for ${run.requests} overdue request(s)`);
    return run;
  }

  const escalateDue = (now: Date): Promise<EscalationRun> => {
    if (stopped) return Promise.resolve({ checked: 0, recorded: 0, requests: 0 });
    running ??= walk(now).finally(() => {
      running = null;
    });
    return running;
  };

  const deliverDue = (now: Date): Promise<number> => (sender ? sender.deliverDue(now) : Promise.resolve(0));

  return {
    escalateDue,
    deliverDue,
    async runOnce(now = ctx.now()) {
      const run = await escalateDue(now);
      if (!stopped) lapseClaims(ctx, now);
      if (!stopped) settleDueVotes(ctx, now);
      const deliveries = await deliverDue(now);
      if (!stopped) await notifierOf(ctx).deliverDue(now);
      return { ...run, deliveries };
    },
    lapseDue(now) {
      return stopped ? 0 : lapseClaims(ctx, now);
    },
    stop() {
      stopped = true;
      sender?.stop();
    },
  };
}

/**
 * Runs the scheduler every `schedulerIntervalMs` (0: never; tests drive `runOnce`). The first
 * tick comes right after start, so a ledger that was off for a while catches up at once.
 * The timer never keeps the process alive, and a slow webhook receiver never delays the
 * next pass over the requests (deliveries are not awaited by the tick).
 */
export function startScheduler(ctx: ServerContext, log: Log = SILENT, options: Omit<SchedulerOptions, 'log'> = {}): { stop(): void } {
  const scheduler = createScheduler(ctx, { ...options, log });
  const interval = ctx.config.schedulerIntervalMs;
  if (!(interval > 0)) return scheduler;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = async () => {
    const now = ctx.now();
    try {
      await scheduler.escalateDue(now);
    } catch (error) {
      if (!stopped) log.error({ err: error }, 'SLA scheduler: the pass over open requests failed; trying again next tick');
    }
    if (stopped) return;
    try {
      // Unfinished 微心愿 claims past their days open again for other volunteers.
      lapseClaims(ctx, now);
    } catch (error) {
      log.error({ err: error }, 'scheduler: lapsing wish claims failed; trying again next tick');
    }
    try {
      // Votes past their deadline are closed and their result recorded with the request.
      settleDueVotes(ctx, now);
    } catch (error) {
      log.error({ err: error }, 'scheduler: settling votes past their deadline failed; trying again next tick');
    }
    // Notifications to volunteers whose first delivery failed are retried with backoff.
    notifierOf(ctx)
      .deliverDue(now)
      .catch((error: unknown) => {
        if (!stopped) log.error({ err: error }, 'scheduler: notification deliveries failed; trying again next tick');
      });
    scheduler.deliverDue(now).catch((error: unknown) => {
      if (!stopped) log.error({ err: error }, 'SLA scheduler: webhook deliveries failed; trying again next tick');
    });
    timer = setTimeout(() => void tick(), interval).unref();
  };
  timer = setTimeout(() => void tick(), 0).unref();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      scheduler.stop();
    },
  };
}
