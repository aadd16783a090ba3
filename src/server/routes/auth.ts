import type { FastifyInstance } from 'fastify';
import { sessionCookie } from '../auth/cookies';
import { publicUser } from '../auth/roles';
import { authOf } from '../auth/sessions';
import type { ServerContext } from '../context';
import { sendError } from '../errors';

const loginSchema = {
  body: {
    type: 'object',
    required: ['username', 'password'],
    additionalProperties: false,
    properties: {
      username: { type: 'string', minLength: 1, maxLength: 100 },
      password: { type: 'string', minLength: 1, maxLength: 1000 },
    },
  },
} as const;

/**
 * Staff login, logout and the current session. The session lives in an httpOnly cookie;
 * the CSRF token comes back in the body (and from GET /api/session after a reload), for the
 * app to send with every change.
 */
export async function authRoutes(app: FastifyInstance, ctx: ServerContext) {
  const auth = authOf(ctx);
  const maxAgeS = ctx.config.sessionHours * 3600;

  app.post<{ Body: { username: string; password: string } }>('/api/login', { schema: loginSchema }, async (request, reply) => {
    const result = await auth.login(request.body.username, request.body.password);
    if (!result.ok && result.reason === 'locked') {
      const retryS = Math.max(1, Math.ceil((Date.parse(result.lockedUntil) - ctx.now().getTime()) / 1000));
      return reply
        .code(429)
        .header('Retry-After', String(retryS))
        .send([{ code: 429, description: `too many failed logins: this account is locked until ${result.lockedUntil}`, lockedUntil: result.lockedUntil }]);
    }
    if (!result.ok) return sendError(request, reply, 401, 'wrong user name or password');
    reply.header('Set-Cookie', sessionCookie(result.token, maxAgeS, ctx.config.secureCookies));
    return { user: publicUser(result.user), csrfToken: result.session.csrfToken, expiresAt: result.session.expiresAt };
  });

  app.post('/api/logout', async (request, reply) => {
    const staff = auth.sessionOf(request);
    if (staff) {
      auth.authenticate(request, { write: true });
      ctx.store.endSession(staff.session.tokenHash);
    }
    reply.header('Set-Cookie', sessionCookie('', 0, ctx.config.secureCookies));
    return reply.code(204).send();
  });

  /**
   * Who is logged in. Not being logged in is an answer here, not an error (200 with a null
   * user), so the app can ask on every load without a failed request in the browser's console;
   * every other staff route answers 401 without a session.
   */
  app.get('/api/session', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const staff = auth.sessionOf(request);
    if (!staff) return { user: null, csrfToken: null, expiresAt: null };
    return { user: publicUser(staff.user), csrfToken: staff.session.csrfToken, expiresAt: staff.session.expiresAt };
  });
}
