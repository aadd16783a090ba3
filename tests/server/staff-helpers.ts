import { expect } from 'vitest';
import { hashPassword } from '../../src/server/auth/secrets';
import type { NewUser, User } from '../../src/server/store/types';
import type { TestServer } from './helpers';

export const PASSWORD = 'correct horse 42';

/** scrypt is slow on purpose: hash the shared test password once. */
let hashed: Promise<string> | null = null;

export async function addUser(server: TestServer, user: Omit<NewUser, 'passwordHash'>, password = PASSWORD): Promise<User> {
  const passwordHash = password === PASSWORD ? await (hashed ??= hashPassword(PASSWORD)) : await hashPassword(password);
  return server.ctx.store.createUser({ ...user, passwordHash });
}

export interface Login {
  cookie: string;
  csrf: string;
  user: { id: number; username: string; role: string };
}

export async function post(server: TestServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export async function login(server: TestServer, username: string, password = PASSWORD): Promise<Login> {
  const res = await post(server, '/api/login', { username, password });
  expect(res.status, await res.clone().text()).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as { csrfToken: string; user: Login['user'] };
  return { cookie: setCookie.split(';')[0]!, csrf: body.csrfToken, user: body.user };
}

/** A request as the logged-in staff member: the cookie always, the CSRF token on changes. */
export function as(server: TestServer, who: Login) {
  return {
    get: (path: string) => fetch(`${server.url}${path}`, { headers: { cookie: who.cookie } }),
    post: (path: string, body: unknown, options: { csrf?: string | null } = {}) =>
      post(server, path, body, { cookie: who.cookie, ...(options.csrf === null ? {} : { 'x-csrf-token': options.csrf ?? who.csrf }) }),
  };
}

/** The error array every refusal carries. */
export async function errorOf(res: Response): Promise<string> {
  const body = (await res.json()) as { code: number; description: string }[];
  expect(Array.isArray(body)).toBe(true);
  expect(body[0]!.code).toBe(res.status);
  return body[0]!.description;
}
