import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import type { Session, User } from '../store/types';
import { parseCookies, SESSION_COOKIE } from './cookies';
import { hashPassword, randomToken, sameSecret, sha256Hex, verifyPassword } from './secrets';

/** Failed logins in a row that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export type LoginResult =
  { ok: true; user: User; token: string; session: Session } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; lockedUntil: string };

export interface StaffSession {
  user: User;
  session: Session;
}

/** Failures of names that are no account, kept in memory so that they lock exactly like real ones. */
interface Phantom {
  failures: number;
  lockedUntil: string | null;
}
const PHANTOM_LIMIT = 10_000;

/**
 * Logins and sessions of one server. A wrong name costs the same scrypt work as a wrong
 * password and locks the same way, so answers and timing do not tell which names exist.
 * Attempts for one name run one after another, so parallel guesses cannot outrun the lock.
 */
export class Authenticator {
  private readonly dummyHash: Promise<string> = hashPassword(randomToken());
  private readonly phantoms = new Map<string, Phantom>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly ctx: ServerContext) {}

  login(username: string, password: string): Promise<LoginResult> {
    const previous = this.queues.get(username) ?? Promise.resolve();
    const attempt = previous.then(() => this.attempt(username, password));
    const settled = attempt.catch(() => undefined);
    this.queues.set(username, settled);
    void settled.then(() => {
      if (this.queues.get(username) === settled) this.queues.delete(username);
    });
    return attempt;
  }

  private lockUntil(failures: number): string | null {
    return failures >= LOCK_AFTER_FAILURES ? new Date(this.ctx.now().getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
  }

  private async attempt(username: string, password: string): Promise<LoginResult> {
    const { store } = this.ctx;
    const now = this.ctx.now().toISOString();
    const user = store.findUser(username);
    if (!user) return this.phantomAttempt(username, password, now);
    if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil };
    // A lock that has run out starts the count again.
    const before = user.lockedUntil ? 0 : user.failedLogins;
    if (user.lockedUntil) store.resetLoginFailures(user.id);
    if (!(await verifyPassword(password, user.passwordHash))) {
      const lockedUntil = this.lockUntil(before + 1);
      store.recordLoginFailure(user.id, lockedUntil);
      return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
    }
    if (before > 0) store.resetLoginFailures(user.id);
    const token = randomToken(32);
    const created = this.ctx.now();
    const session: Session = {
      tokenHash: sha256Hex(token),
      userId: user.id,
      csrfToken: randomToken(24),
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + this.ctx.config.sessionHours * 3_600_000).toISOString(),
    };
    store.createSession(session);
    const { passwordHash: _hash, ...plain } = user;
    return { ok: true, user: { ...plain, failedLogins: 0, lockedUntil: null }, token, session };
  }

  private async phantomAttempt(username: string, password: string, now: string): Promise<LoginResult> {
    const known = this.phantoms.get(username);
    if (known?.lockedUntil && known.lockedUntil > now) return { ok: false, reason: 'locked', lockedUntil: known.lockedUntil };
    await verifyPassword(password, await this.dummyHash);
    const failures = (known && !known.lockedUntil ? known.failures : 0) + 1;
    if (this.phantoms.size >= PHANTOM_LIMIT) this.phantoms.clear();
    const lockedUntil = this.lockUntil(failures);
    this.phantoms.set(username, { failures, lockedUntil });
    return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
  }

  /** The session and user behind the request's cookie, or null (none, unknown, ended or expired). */
  sessionOf(request: FastifyRequest): StaffSession | null {
    const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    if (!token || token.length > 200) return null;
    const session = this.ctx.store.getSession(sha256Hex(token));
    if (!session || session.expiresAt <= this.ctx.now().toISOString()) return null;
    const user = this.ctx.store.getUser(session.userId);
    return user ? { user, session } : null;
  }

  /**
   * The staff member making the request; 401 without a valid session. A change (`write`) also
   * needs the session's CSRF token in `X-CSRF-Token` (403 without it): another site can make a
   * browser send the cookie (where SameSite is not honoured) but cannot read the token.
   */
  authenticate(request: FastifyRequest, options: { write: boolean }): StaffSession {
    const staff = this.sessionOf(request);
    if (!staff) throw new HttpError(401, 'log in first: no valid session (POST /api/login)');
    if (options.write) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, staff.session.csrfToken))
        throw new HttpError(403, 'missing or wrong CSRF token: send the token from /api/login or /api/session in the X-CSRF-Token header');
    }
    return staff;
  }
}

const authenticators = new WeakMap<ServerContext, Authenticator>();

/** The one Authenticator of a server (routes of every plugin share its state). */
export function authOf(ctx: ServerContext): Authenticator {
  let auth = authenticators.get(ctx);
  if (!auth) authenticators.set(ctx, (auth = new Authenticator(ctx)));
  return auth;
}

/** For any route: the staff member behind the request (401/403 as `Authenticator.authenticate`). */
export function requireStaff(ctx: ServerContext, request: FastifyRequest, options: { write: boolean }): StaffSession {
  return authOf(ctx).authenticate(request, options);
}
