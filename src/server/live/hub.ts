import type { FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { liveAggregates, liveAggregatesSince, type LiveAggregates } from '../../domain/hall/liveAggregates';
import { DEFAULT_TIME_ZONE } from '../../domain/volunteers/time';
import { authOf } from '../auth/sessions';
import { requestMonth } from '../../domain/hall/community';
import type { LedgerChange, SandanChange, ServerContext, WishChange } from '../context';
import { placeInScope } from '../sandan/scope';
import { wishInScope } from '../wishes/scope';
import { inScope } from '../scope';
import { CONTENT_SECURITY_POLICY } from '../security';
import type { User } from '../store/types';
import { EventRing, type RingEntry } from './ring';

/** A client that has fallen this far behind (bytes not yet taken by its socket) is dropped; it reconnects and resumes. */
const MAX_BACKLOG_BYTES = 1024 * 1024;
/** Changes within this many milliseconds make one public count. */
const AGGREGATE_DEBOUNCE_MS = 200;
/** How often the ledger is asked whether another process (the ledger CLI) changed it. */
const EXTERNAL_CHECK_MS = 1_000;
/** Reconnection delay the browser is told to use. */
const RETRY_MS = 2_000;

interface Stream {
  res: ServerResponse;
  /** null: the public stream (aggregates only). */
  staff: { request: FastifyRequest; userId: number } | null;
}

/**
 * Server-sent events of one server. The public stream carries only the hall's aggregates
 * (counts by stage and month, "<5" below five). A staff stream carries the changes in that
 * staff member's scope, checked on every event against the session and user as they are
 * now (a logout or an expired session ends the stream). Changes are kept in a bounded ring
 * so a client that reconnects with Last-Event-ID gets what it missed, or a 'reset'.
 */
export class LiveHub {
  private readonly ring: EventRing<LedgerChange>;
  private readonly streams = new Set<Stream>();
  private aggregates: { id: string; value: LiveAggregates } | null = null;
  private aggregateTimer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly watcher: NodeJS.Timeout;
  private othersMark: string;
  private closed = false;
  private readonly onChange = (change: LedgerChange) => this.publish(change);
  private readonly onWish = (change: WishChange) => this.publishWish(change);
  private readonly onSandan = (change: SandanChange) => this.publishSandan(change);

  constructor(private readonly ctx: ServerContext) {
    this.ring = new EventRing(ctx.config.liveRingSize);
    this.othersMark = this.readOthersMark();
    ctx.events.on('change', this.onChange);
    ctx.events.on('wish', this.onWish);
    ctx.events.on('sandan', this.onSandan);
    this.heartbeat = setInterval(() => this.beat(), Math.max(50, ctx.config.liveHeartbeatMs)).unref();
    this.watcher = setInterval(() => this.checkExternal(), EXTERNAL_CHECK_MS).unref();
  }

  get size(): number {
    return this.streams.size;
  }

  /**
   * Takes over a response as an event stream. `user` null: the public stream. The stream
   * starts with what the client is owed: the current aggregates (public), or the changes
   * after `lastEventId`, or 'reset' when they are no longer known (staff).
   */
  open(request: FastifyRequest, res: ServerResponse, user: User | null, lastEventId: string | undefined): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // A proxy (nginx) must pass events on at once, not buffer them.
      'X-Accel-Buffering': 'no',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    const stream: Stream = { res, staff: user ? { request, userId: user.id } : null };
    this.streams.add(stream);
    const drop = () => this.streams.delete(stream);
    res.on('close', drop);
    request.raw.on('close', drop);
    res.write(`retry: ${RETRY_MS}\n\n`);
    if (!stream.staff) {
      const value = this.currentAggregates();
      this.send(stream, 'aggregates', value, this.aggregates?.id);
      return;
    }
    const resume = this.ring.after(lastEventId);
    if (resume.kind === 'reset')
      this.send(stream, 'reset', { reason: 'events since your last one are no longer kept: read the ledger again' }, this.ring.lastId);
    else if (resume.kind === 'fresh') this.send(stream, 'ready', { role: user!.role }, this.ring.lastId);
    else for (const entry of resume.entries) this.deliver(stream, entry);
  }

  /** Ends every stream (the server is closing: `app.close()` must not wait for them) and stops the timers. */
  close(): void {
    this.closed = true;
    this.ctx.events.off('change', this.onChange);
    this.ctx.events.off('wish', this.onWish);
    this.ctx.events.off('sandan', this.onSandan);
    clearInterval(this.heartbeat);
    clearInterval(this.watcher);
    if (this.aggregateTimer) clearTimeout(this.aggregateTimer);
    for (const stream of this.streams) stream.res.end();
    this.streams.clear();
  }

  private publish(change: LedgerChange): void {
    if (this.closed) return;
    const entry = this.ring.push(change);
    for (const stream of this.streams) if (stream.staff) this.deliver(stream, entry);
    this.scheduleAggregates();
  }

  /**
   * A wish changed: staff whose scope holds it get it in detail, its claimer (now or before)
   * too; other volunteers only hear that the open wishes changed (their list is made for
   * their own walk and hours, so they read it again). Wish events are not kept for replay:
   * a reconnecting client reads the wishes again anyway.
   */
  private publishWish(change: WishChange): void {
    if (this.closed) return;
    for (const stream of this.streams) {
      if (!stream.staff) continue;
      const user = this.userOf(stream);
      if (!user) continue;
      if (wishInScope(user, change.wish) || change.previousClaimer === user.id) this.send(stream, 'wish', { kind: change.kind, wish: change.wish });
      else if (user.role === 'volunteer') this.send(stream, 'wishes', { kind: change.kind });
    }
    if (change.kind === 'done') this.scheduleAggregates();
  }

  /** A partner unit or project changed: staff whose scope holds its place read their 三单 lists again. Not kept for replay (a reconnect reads them anyway). */
  private publishSandan(change: SandanChange): void {
    if (this.closed) return;
    for (const stream of this.streams) {
      const user = stream.staff ? this.userOf(stream) : null;
      if (user && placeInScope(user, { compoundId: null, ...change })) this.send(stream, 'sandan', { kind: change.kind, id: change.id });
    }
  }

  /** One change to one staff stream, if the staff member may see it now. */
  private deliver(stream: Stream, entry: RingEntry<LedgerChange>): void {
    const user = this.userOf(stream);
    if (!user) return;
    const id = this.ring.idOf(entry.seq);
    const { kind, request, previous } = entry.value;
    if (inScope(user, request)) this.send(stream, 'request', { kind, request }, id);
    else if (previous && inScope(user, previous)) this.send(stream, 'gone', { id: request.id }, id);
  }

  /** The staff member behind a stream as they are now, or null (the stream is ended: logged out, expired). */
  private userOf(stream: Stream): User | null {
    if (!stream.staff) return null;
    const staff = authOf(this.ctx).sessionOf(stream.staff.request);
    if (staff && staff.user.id === stream.staff.userId) return staff.user;
    this.send(stream, 'ended', { reason: 'the session has ended: log in again' });
    stream.res.end();
    this.streams.delete(stream);
    return null;
  }

  private currentAggregates(): LiveAggregates {
    if (!this.aggregates) this.aggregates = { id: this.ring.lastId, value: this.computeAggregates() };
    return this.aggregates.value;
  }

  private computeAggregates(): LiveAggregates {
    const now = this.ctx.now();
    const timeZone = this.ctx.dataset.manifest.timezone ?? DEFAULT_TIME_ZONE;
    const rows = this.ctx.store.stageActivity(liveAggregatesSince(now, timeZone).toISOString());
    const month = requestMonth(now, undefined, timeZone);
    return liveAggregates(rows, now, timeZone, this.ctx.store.wishes.doneBetween(month.from.toISOString(), new Date(month.until.getTime() + 1).toISOString()));
  }

  private scheduleAggregates(): void {
    this.aggregates = null;
    if (this.aggregateTimer || this.closed) return;
    this.aggregateTimer = setTimeout(() => {
      this.aggregateTimer = null;
      if (this.closed || ![...this.streams].some((s) => !s.staff)) return;
      const value = this.currentAggregates();
      for (const stream of this.streams) if (!stream.staff) this.send(stream, 'aggregates', value, this.aggregates?.id);
    }, AGGREGATE_DEBOUNCE_MS);
  }

  /** Heartbeat: keeps proxies from closing an idle stream, lets a dead client be noticed, and ends streams whose session ended. */
  private beat(): void {
    for (const stream of this.streams) {
      if (stream.staff && !this.userOf(stream)) continue;
      this.write(stream, ': ping\n\n');
    }
  }

  /**
   * Another process (the ledger CLI, a restore) changed the ledger: nothing was announced,
   * so staff read their ledger again and the counts are made anew.
   */
  private checkExternal(): void {
    if (this.closed || this.streams.size === 0) return;
    const mark = this.readOthersMark();
    if (mark === this.othersMark) return;
    this.othersMark = mark;
    for (const stream of this.streams)
      if (stream.staff && this.userOf(stream)) this.send(stream, 'reset', { reason: 'the ledger was changed outside this server' }, this.ring.lastId);
    this.scheduleAggregates();
  }

  /** The part of the store's change mark that moves only with other connections' commits (sqlite.ts: "others:own"). */
  private readOthersMark(): string {
    try {
      return this.ctx.store.changeMark().split(':')[0] ?? '';
    } catch {
      return this.othersMark;
    }
  }

  private send(stream: Stream, event: string, data: unknown, id?: string): void {
    this.write(stream, `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(stream: Stream, text: string): void {
    if (stream.res.writableEnded || stream.res.destroyed) {
      this.streams.delete(stream);
      return;
    }
    if (stream.res.writableLength > MAX_BACKLOG_BYTES) {
      stream.res.destroy();
      this.streams.delete(stream);
      return;
    }
    stream.res.write(text);
  }
}
