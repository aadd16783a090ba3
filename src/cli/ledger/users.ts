import { MIN_PASSWORD_LENGTH, scopeIdsOf, scopeProblem } from '../../server/auth/roles';
import { hashPassword, randomToken } from '../../server/auth/secrets';
import { issueApiKey } from '../../server/auth/apiKeys';
import { ROLES, type Role, type User } from '../../server/store/types';
import { CliFailure, openLedger } from './open';

export interface PasswordSource {
  password?: string;
  passwordStdin?: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The password given, or a new random one (printed once) when none was. */
async function passwordOf(source: PasswordSource): Promise<{ password: string; generated: boolean }> {
  if (source.password !== undefined && source.passwordStdin) throw new CliFailure('give either --password or --password-stdin, not both');
  let password = source.password;
  // One trailing newline is what `echo` and here-strings add; it is not part of the password.
  if (source.passwordStdin) password = (await readStdin()).replace(/\r?\n$/, '');
  if (password === undefined) return { password: randomToken(12), generated: true };
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new CliFailure(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  return { password, generated: false };
}

function scopeText(u: Pick<User, 'role' | 'communityId' | 'gridId' | 'volunteerId'>): string {
  if (u.role === 'community_worker') return `community ${u.communityId}`;
  if (u.role === 'grid_leader') return `grid ${u.gridId}`;
  if (u.role === 'volunteer') return `volunteer ${u.volunteerId} (own assignments)`;
  return 'everything';
}

export interface UserAddOptions extends PasswordSource {
  db: string;
  data: string;
  role?: string;
  community?: string;
  grid?: string;
  volunteer?: string;
  displayName?: string;
}

export async function userAdd(username: string, o: UserAddOptions): Promise<void> {
  if (!/^[\p{L}\p{N}._@-]{1,64}$/u.test(username))
    throw new CliFailure(`user name ${JSON.stringify(username)}: use 1 to 64 letters, digits, '.', '_', '-' or '@'`);
  if (!o.role || !(ROLES as readonly string[]).includes(o.role))
    throw new CliFailure(`--role must be one of ${ROLES.join(', ')}${o.role ? `, not ${JSON.stringify(o.role)}` : ''}`);
  const role = o.role as Role;
  const scope = { communityId: o.community ?? null, gridId: o.grid ?? null, volunteerId: o.volunteer ?? null };
  let ids;
  try {
    ids = scopeIdsOf(o.data);
  } catch (error) {
    throw new CliFailure((error as Error).message);
  }
  const problem = scopeProblem(role, scope, ids);
  if (problem) throw new CliFailure(problem);
  const { password, generated } = await passwordOf(o);
  const store = openLedger(o.db, { create: true });
  try {
    if (store.findUser(username)) throw new CliFailure(`a user named ${JSON.stringify(username)} exists already (see \`ledger user list\`)`);
    const user = store.createUser({ username, passwordHash: await hashPassword(password), role, displayName: o.displayName ?? null, ...scope });
    console.log(`added user ${user.username} (id ${user.id}): ${user.role}, scope: ${scopeText(user)}`);
    if (generated) console.log(`password (shown once, give it to ${user.username}): ${password}`);
  } finally {
    store.close();
  }
}

export async function userPassword(username: string, o: PasswordSource & { db: string }): Promise<void> {
  const { password, generated } = await passwordOf(o);
  const store = openLedger(o.db, { create: false });
  try {
    const user = store.findUser(username);
    if (!user) throw new CliFailure(`no user named ${JSON.stringify(username)} (see \`ledger user list\`)`);
    store.setPassword(user.id, await hashPassword(password));
    console.log(`new password set for ${username}; failed logins reset and any lock lifted`);
    if (generated) console.log(`password (shown once): ${password}`);
  } finally {
    store.close();
  }
}

export function userList(o: { db: string }): void {
  const store = openLedger(o.db, { create: false });
  try {
    const users = store.listUsers();
    if (users.length === 0) return console.log('no users yet: add one with `npm run ledger -- user add NAME --role admin`');
    const now = new Date().toISOString();
    for (const u of users) {
      const locked = u.lockedUntil && u.lockedUntil > now ? `  locked until ${u.lockedUntil}` : '';
      console.log(
        `${String(u.id).padStart(4)}  ${u.username.padEnd(20)} ${u.role.padEnd(17)} ${scopeText(u)}${u.displayName ? `  (${u.displayName})` : ''}${locked}`,
      );
    }
  } finally {
    store.close();
  }
}

export function keyAdd(name: string, o: { db: string }): void {
  if (!name.trim() || name.length > 100) throw new CliFailure('the key needs a name of 1 to 100 characters (whose system uses it, e.g. "12345-hotline")');
  const store = openLedger(o.db, { create: true });
  try {
    const { key, record } = issueApiKey(store, name.trim());
    console.log(`API key ${record.id} for ${JSON.stringify(record.name)} (shown once; only its SHA-256 is kept):`);
    // Alone on the last line, so a script can take it with `tail -n 1`.
    console.log(key);
  } finally {
    store.close();
  }
}

export function keyList(o: { db: string }): void {
  const store = openLedger(o.db, { create: false });
  try {
    const keys = store.listApiKeys();
    if (keys.length === 0) return console.log('no API keys yet: add one with `npm run ledger -- key add NAME`');
    for (const k of keys) console.log(`${String(k.id).padStart(4)}  ${k.name.padEnd(24)} created ${k.createdAt}${k.revoked ? '  revoked' : ''}`);
  } finally {
    store.close();
  }
}
