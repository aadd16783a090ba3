import type { ServerContext } from './context';
import type { Escalation, LedgerRequest } from './store/types';
import { ledgerTiming } from './timing';

/** What a receiver gets for each escalation (吹哨): where and how late, never who or what was written. */
export interface EscalationPayload {
  event: 'escalation';
  request_id: string;
  level: Escalation['level'];
  stage: LedgerRequest['stage'];
  service_code: string;
  compound_id: string | null;
  grid_id: string | null;
  community_id: string | null;
  requested_at: string;
  /** Hours past the deadline when the escalation was recorded, to one decimal. */
  overdue_hours: number;
  /** When the escalation was recorded (ISO 8601). */
  at: string;
}

export interface WebhookOptions {
  /** Milliseconds one delivery may take before it counts as failed (default 5 s). */
  timeoutMs?: number;
  /** Deliveries in flight at once (default 4): a dead receiver holds one slot, not the queue. */
  concurrency?: number;
  /** Attempts before an escalation's webhook is given up as 'failed' (default 8). */
  maxAttempts?: number;
}

const MINUTE_MS = 60_000;

/** Wait before the next attempt after `attempts` failed ones: 1, 2, 4, 8 … minutes. */
export function retryDelayMs(attempts: number): number {
  return MINUTE_MS * 2 ** Math.max(0, attempts - 1);
}

/**
 * The webhook URL as given on the command line, checked once at start-up: only http: and
 * https: (a file: or data: URL would be a configuration mistake, never a receiver).
 */
/**
 * One JSON POST to a webhook receiver: null when it answered 2xx, else why not (a short text
 * for the ledger). Never throws; `signal` aborts it (server closing), `timeoutMs` bounds it.
 */
export async function postJson(url: URL, body: unknown, signal: AbortSignal, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'service-circles-ledger' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    // The answer's body is of no interest; release the connection.
    await response.body?.cancel().catch(() => {});
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 500);
  }
}

/** What a delivery attempt leaves: sent, given up after `maxAttempts`, or pending until the backoff's next try. */
export function deliveryOutcome(
  previousAttempts: number,
  error: string | null,
  now: Date,
  maxAttempts: number,
): { state: 'sent' | 'failed' | 'pending'; attempts: number; nextAttemptAt: string | null } {
  const attempts = previousAttempts + 1;
  if (error === null) return { state: 'sent', attempts, nextAttemptAt: null };
  if (attempts >= maxAttempts) return { state: 'failed', attempts, nextAttemptAt: null };
  return { state: 'pending', attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() };
}

export function parseWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`the webhook URL ${JSON.stringify(text)} is not a URL (expected e.g. https://example.org/hooks/escalation)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`the webhook URL must start with http: or https:, not ${url.protocol} (${JSON.stringify(text)})`);
  }
  return url;
}

export function escalationPayload(escalation: Escalation, request: LedgerRequest, ctx: ServerContext): EscalationPayload {
  const timing = ledgerTiming(request, new Date(escalation.at), ctx);
  return {
    event: 'escalation',
    request_id: request.id,
    level: escalation.level,
    stage: request.stage,
    service_code: request.serviceCode,
    compound_id: request.compoundId,
    grid_id: request.gridId,
    community_id: request.communityId,
    requested_at: request.requestedAt,
    overdue_hours: Math.round(timing.overdueMs / 360_000) / 10,
    at: escalation.at,
  };
}

export interface WebhookSender {
  /**
   * Delivers every pending webhook due at `now` (limited concurrency) and records each
   * outcome: 'sent', or another attempt later with backoff, or 'failed' after the last one.
   * Calls while a round runs join that round. Resolves with the number of attempts made.
   */
  deliverDue(now: Date): Promise<number>;
  /** Aborts deliveries in flight (they stay pending and are retried after a restart). */
  stop(): void;
}

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * Sends escalations to the configured receiver. State lives in the escalations table
 * (pending, attempts, next attempt, last error), so retries survive a restart. Delivery is
 * at least once: a receiver that answered just before a crash may see the escalation again,
 * and can tell by (request_id, level), which is unique.
 */
export function createWebhookSender(ctx: ServerContext, url: URL, log: Log, options: WebhookOptions = {}): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxAttempts = Math.max(1, options.maxAttempts ?? 8);
  const stopping = new AbortController();
  let round: Promise<number> | null = null;

  async function post(escalation: Escalation): Promise<string | null> {
    const request = ctx.store.getRequest(escalation.requestId);
    if (!request) return 'the request is no longer in the ledger';
    return postJson(url, escalationPayload(escalation, request, ctx), stopping.signal, timeoutMs);
  }

  async function attempt(escalation: Escalation, now: Date) {
    const error = await post(escalation);
    // Closing the server aborts deliveries; the ledger is closed by then, and the escalation stays pending.
    if (stopping.signal.aborted) return;
    const outcome = deliveryOutcome(escalation.attempts, error, now, maxAttempts);
    ctx.store.updateWebhook(escalation.id, outcome.state, outcome.attempts, outcome.nextAttemptAt, error);
    if (outcome.state === 'failed')
      log.warn({ requestId: escalation.requestId, level: escalation.level, attempts: outcome.attempts }, `escalation webhook given up: ${error}`);
  }

  async function runRound(now: Date): Promise<number> {
    const handled = new Set<number>();
    let queue: Escalation[] = [];
    const next = (): Escalation | undefined => {
      // After stop() the ledger may be closed: touch it no more.
      if (stopping.signal.aborted) return undefined;
      if (!queue.length) queue = ctx.store.dueWebhooks(now.toISOString()).filter((e) => !handled.has(e.id));
      const escalation = queue.shift();
      if (escalation) handled.add(escalation.id);
      return escalation;
    };
    const worker = async () => {
      for (let escalation = next(); escalation; escalation = next()) {
        try {
          await attempt(escalation, now);
        } catch (error) {
          if (!stopping.signal.aborted) log.error({ err: error, requestId: escalation.requestId }, 'escalation webhook: cannot record the outcome');
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return handled.size;
  }

  return {
    deliverDue(now) {
      if (stopping.signal.aborted) return Promise.resolve(0);
      round ??= runRound(now).finally(() => {
        round = null;
      });
      return round;
    },
    stop() {
      stopping.abort();
    },
  };
}
