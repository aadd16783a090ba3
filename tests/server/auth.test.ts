import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';
import { addUser, as, errorOf, login, PASSWORD, post } from './staff-helpers';

let server: TestServer;
/** The server's clock: tests move it to expire sessions and locks. */
let clock = Date.parse('2026-12-04T08:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock), sessionHours: 12 });
  await addUser(server, { username: 'wang', role: 'admin', displayName: '王主任' });
  await addUser(server, { username: 'li', role: 'community_worker', communityId: 'cm-xinhua' });
  await addUser(server, { username: 'zhao', role: 'grid_leader', gridId: 'gr-xinhua-1' });
});
afterAll(() => server.close());

describe('login, session, logout', () => {
  it('logs in with a session cookie that scripts cannot read and cross-site requests do not carry', async () => {
    const res = await post(server, '/api/login', { username: 'wang', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sc_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${12 * 3600}`);
    expect(cookie).not.toContain('Secure');
    const body = (await res.json()) as Record<string, unknown> & { user: Record<string, unknown> };
    expect(body.user).toEqual({ id: 1, username: 'wang', displayName: '王主任', role: 'admin', communityId: null, gridId: null, volunteerId: null });
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);
    expect(typeof body.csrfToken).toBe('string');

    // Only the token's hash is stored.
    const token = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!);
    const rows = (server.ctx.store as unknown as { db: { prepare(s: string): { all(): { token_hash: string }[] } } }).db
      .prepare('SELECT token_hash FROM sessions')
      .all();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('answers the session after a reload, and no user (and 401 on the API) once logged out', async () => {
    const wang = await login(server, 'wang');
    const session = await as(server, wang).get('/api/session');
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { username: 'wang' }, csrfToken: wang.csrf });

    // Logging out is a change: without the token it is refused and the session stays.
    expect((await as(server, wang).post('/api/logout', {}, { csrf: null })).status).toBe(403);
    expect((await as(server, wang).get('/api/session')).status).toBe(200);
    const out = await fetch(`${server.url}/api/logout`, { method: 'POST', headers: { cookie: wang.cookie, 'x-csrf-token': wang.csrf } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^sc_session=;.*Max-Age=0/);
    // Asking who is logged in is not an error: nobody is.
    const after = await as(server, wang).get('/api/session');
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ user: null, csrfToken: null, expiresAt: null });
    const refused = await as(server, wang).get('/api/requests');
    expect(refused.status).toBe(401);
    expect(await errorOf(refused)).toMatch(/log in/);
  });

  it('refuses a wrong password, an unknown name and bad bodies alike, with the error array', async () => {
    const wrong = await post(server, '/api/login', { username: 'li', password: 'not it at all' });
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toBe('wrong user name or password');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const unknown = await post(server, '/api/login', { username: 'nobody', password: 'not it at all' });
    expect(unknown.status).toBe(401);
    expect(await errorOf(unknown)).toBe('wrong user name or password');
    expect((await post(server, '/api/login', { username: 'li' })).status).toBe(400);
    const broken = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "li", "pass',
    });
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toMatch(/JSON/);
    const sql = await post(server, '/api/login', { username: "li' OR '1'='1", password: "' OR 1=1 --" });
    expect(sql.status).toBe(401);
    // A good login afterwards resets the count.
    await login(server, 'li');
    expect(server.ctx.store.findUser('li')!.failedLogins).toBe(0);
  });

  it('takes about as long for an unknown name as for a known one', async () => {
    const time = async (username: string) => {
      const t0 = performance.now();
      await post(server, '/api/login', { username, password: 'wrong wrong' });
      return performance.now() - t0;
    };
    // Both run scrypt once; without the dummy hash an unknown name would answer in a fraction.
    const known = Math.min(await time('zhao'), await time('zhao'));
    const unknown = Math.min(await time('ghost-1'), await time('ghost-2'));
    expect(unknown).toBeGreaterThan(known * 0.4);
    server.ctx.store.resetLoginFailures(server.ctx.store.findUser('zhao')!.id);
  });

  it('locks an account after 5 failures for 15 minutes, even against the right password, then lets it in', async () => {
    await addUser(server, { username: 'locked', role: 'admin' });
    for (let i = 1; i <= 4; i++) expect((await post(server, '/api/login', { username: 'locked', password: `guess ${i}!!` })).status).toBe(401);
    const fifth = await post(server, '/api/login', { username: 'locked', password: 'guess 5!!' });
    expect(fifth.status).toBe(429);
    const until = new Date(clock + 15 * 60_000).toISOString();
    expect(fifth.headers.get('retry-after')).toBe(String(15 * 60));
    const [error] = (await fifth.json()) as { description: string; lockedUntil: string }[];
    expect(error!.lockedUntil).toBe(until);
    expect(error!.description).toContain(`locked until ${until}`);

    const right = await post(server, '/api/login', { username: 'locked', password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.headers.get('set-cookie')).toBeNull();

    clock += 15 * 60_000 + 1000;
    await login(server, 'locked');
    expect(server.ctx.store.findUser('locked')).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('locks an unknown name the same way, so the lock tells nothing about which names exist', async () => {
    for (let i = 1; i <= 4; i++) expect((await post(server, '/api/login', { username: 'ghost', password: `guess ${i}!!` })).status).toBe(401);
    const fifth = await post(server, '/api/login', { username: 'ghost', password: 'guess 5!!' });
    expect(fifth.status).toBe(429);
  });

  it('parallel guesses cannot outrun the lock', async () => {
    await addUser(server, { username: 'rushed', role: 'admin' });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => post(server, '/api/login', { username: 'rushed', password: `parallel ${i}!` })));
    expect(answers.map((a) => a.status).sort()).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
  });
});

describe('forged, expired and ended sessions', () => {
  it('ignores a forged or malformed cookie', async () => {
    for (const cookie of ['sc_session=forged-token-forged-token-forged-token', 'sc_session=%E0%A4%A', `sc_session=${'x'.repeat(5000)}`, 'other=1']) {
      const res = await fetch(`${server.url}/api/requests`, { headers: { cookie } });
      expect(res.status, cookie.slice(0, 30)).toBe(401);
    }
  });

  it('expires a session after sessionHours', async () => {
    const li = await login(server, 'li');
    expect((await as(server, li).get('/api/requests')).status).toBe(200);
    clock += 12 * 3_600_000 - 60_000;
    expect((await as(server, li).get('/api/requests')).status).toBe(200);
    clock += 2 * 60_000;
    expect((await as(server, li).get('/api/requests')).status).toBe(401);
    expect((await as(server, li).post('/api/requests/YF-2026-0001/move', { stage: 'rate', status: 'closed' })).status).toBe(401);
  });

  it('sets Secure on the cookie when the server is behind https', async () => {
    const secure = await startTestServer({ secureCookies: true });
    try {
      await addUser(secure, { username: 'wang', role: 'admin' });
      const res = await post(secure, '/api/login', { username: 'wang', password: PASSWORD });
      expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
    } finally {
      await secure.close();
    }
  });
});
