import type { Wish } from '../domain/volunteers/wishes';
import type { ServerContext } from './context';
import type { Notification } from './store/notifications-sqlite';
import type { LedgerRequest, User } from './store/types';
import { deliveryOutcome, parseWebhookUrl, postJson } from './webhook';

/**
 * What the community's own system receives when a volunteer is matched (POSTed as JSON to
 * the requests service's webhook URL, the one that receives escalations):
 * - who to tell: the volunteer's account and their id in volunteers.geojson, which the
 *   community's roster (its own system) maps to a phone or a messaging account;
 * - what and where, to compound level: the request or wish id, its service or skill,
 *   compound, grid and community, the stage or claim deadline.
 * Never the resident's name, phone, address or point, nor the request's or wish's text: a
 * webhook often passes through a third-party messaging service. The volunteer reads the
 * details after logging in (their scope holds what they are matched to).
 */
export interface MatchPayload {
  event: 'volunteer_matched';
  /** The notification's id: a receiver that sees it twice (delivery is at least once) can tell. */
  notification_id: number;
  match: 'request' | 'wish';
  volunteer: { user_id: number; username: string; volunteer_id: string | null };
  request_id?: string;
  service_code?: string;
  stage?: LedgerRequest['stage'];
  expected_at?: string | null;
  wish_id?: string;
  skill?: string | null;
  due_at?: string | null;
  claim_expires_at?: string | null;
  compound_id: string | null;
  grid_id: string | null;
  community_id: string | null;
  /** When the match was made (ISO 8601). */
  at: string;
}

type Body = Omit<MatchPayload, 'notification_id'>;

const volunteerOf = (user: User) => ({ user_id: user.id, username: user.username, volunteer_id: user.volunteerId });

export function requestMatch(request: LedgerRequest, volunteer: User, at: string): Body {
  return {
    event: 'volunteer_matched',
    match: 'request',
    volunteer: volunteerOf(volunteer),
    request_id: request.id,
    service_code: request.serviceCode,
    stage: request.stage,
    expected_at: request.expectedAt,
    compound_id: request.compoundId,
    grid_id: request.gridId,
    community_id: request.communityId,
    at,
  };
}

export function wishMatch(wish: Wish, volunteer: User, at: string): Body {
  return {
    event: 'volunteer_matched',
    match: 'wish',
    volunteer: volunteerOf(volunteer),
    wish_id: wish.id,
    skill: wish.skill,
    due_at: wish.dueAt,
    claim_expires_at: wish.claimExpiresAt,
    compound_id: wish.compoundId,
    grid_id: wish.gridId,
    community_id: wish.communityId,
    at,
  };
}

const ATTEMPTS = 8;
const TIMEOUT_MS = 5_000;

/** Sends the notifications due (outbox in the ledger, so retries survive a restart), one round at a time. */
export class Notifier {
  private readonly url: URL | null;
  private readonly stopping = new AbortController();
  private round: Promise<number> | null = null;

  constructor(private readonly ctx: ServerContext) {
    this.url = ctx.config.webhookUrl ? parseWebhookUrl(ctx.config.webhookUrl) : null;
  }

  /** Records a match and sends it at once (retries follow on the scheduler's ticks). Without a webhook URL it is only recorded. */
  notify(body: Body): Notification {
    const at = this.ctx.now();
    const record = this.ctx.store.notifications.add('volunteer_matched', body as unknown as Record<string, unknown>, at.toISOString(), this.url !== null);
    if (this.url) void this.deliverDue(at).catch(() => {});
    return record;
  }

  deliverDue(now: Date): Promise<number> {
    if (!this.url || this.stopping.signal.aborted) return Promise.resolve(0);
    this.round ??= this.run(now, this.url).finally(() => (this.round = null));
    return this.round;
  }

  stop(): void {
    this.stopping.abort();
  }

  private async run(now: Date, url: URL): Promise<number> {
    let sent = 0;
    for (const n of this.ctx.store.notifications.due(now.toISOString())) {
      if (this.stopping.signal.aborted) break;
      const error = await postJson(url, { ...n.payload, notification_id: n.id }, this.stopping.signal, TIMEOUT_MS);
      if (this.stopping.signal.aborted) break;
      const outcome = deliveryOutcome(n.attempts, error, now, ATTEMPTS);
      this.ctx.store.notifications.update(n.id, outcome.state, outcome.attempts, outcome.nextAttemptAt, error);
      if (outcome.state === 'sent') sent++;
    }
    return sent;
  }
}

const notifiers = new WeakMap<ServerContext, Notifier>();

/** The one Notifier of a server. */
export function notifierOf(ctx: ServerContext): Notifier {
  let notifier = notifiers.get(ctx);
  if (!notifier) notifiers.set(ctx, (notifier = new Notifier(ctx)));
  return notifier;
}
