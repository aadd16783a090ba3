import { failUsage, parseCli } from './args';
import { backup, restore } from './ledger/backup';
import { CliFailure } from './ledger/open';
import { keyAdd, keyList, userAdd, userList, userPassword } from './ledger/users';

const spec = {
  usage: [
    'npm run ledger -- <command> [options]',
    '  user add NAME --role admin|community_worker|grid_leader|volunteer [--community ID] [--grid ID] [--volunteer ID] [--display-name TEXT] [--password-stdin | --password P]',
    '  user password NAME [--password-stdin | --password P]',
    '  user list',
    '  key add NAME          (prints the new API key alone on its last line)',
    '  key list',
    '  backup FILE [--force] (online: works while the server runs)',
    '  restore FILE          (stop the server first)',
  ].join('\n'),
  summary: 'Staff accounts, API keys, backups and restores of the requests ledger. Without a password, `user add` makes a random one and prints it once.',
  allowPositionals: true,
  options: {
    db: { type: 'string', default: 'var/ledger.sqlite' },
    data: { type: 'string', default: 'data/yuefeng-sample' },
    role: { type: 'string' },
    community: { type: 'string' },
    grid: { type: 'string' },
    volunteer: { type: 'string' },
    'display-name': { type: 'string' },
    password: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  help: {
    db: 'SQLite ledger file, the same as `serve --db` (default var/ledger.sqlite)',
    data: 'dataset the scope ids are checked against (default data/yuefeng-sample)',
    role: 'admin (everything), community_worker (--community), grid_leader (--grid), volunteer (--volunteer; own assignments)',
    community: 'community id from grids.geojson, e.g. cm-xinhua',
    grid: 'grid id from grids.geojson, e.g. gr-xinhua-1',
    volunteer: 'volunteer id from volunteers.geojson, e.g. v-001',
    'display-name': 'name shown in the app',
    password: 'the password (visible in the shell history: prefer --password-stdin)',
    'password-stdin': 'read the password from standard input',
    force: 'backup: replace an existing file',
  },
} as const;

const { values, positionals } = parseCli(spec);
const [command, sub, ...rest] = positionals;
const need = (what: string, value: string | undefined): string => value ?? failUsage(`${what} is missing`, spec);
const noMore = (extra: readonly string[]) => {
  if (extra.length) failUsage(`unexpected argument ${JSON.stringify(extra[0])}`, spec);
};

async function run(): Promise<void> {
  const db = values.db;
  const password = { password: values.password, passwordStdin: values['password-stdin'] };
  switch (`${command ?? ''} ${command === 'backup' || command === 'restore' ? '' : (sub ?? '')}`.trim()) {
    case 'user add':
      noMore(rest.slice(1));
      return userAdd(need('the user name (user add NAME)', rest[0]), {
        db,
        data: values.data,
        role: values.role,
        community: values.community,
        grid: values.grid,
        volunteer: values.volunteer,
        displayName: values['display-name'],
        ...password,
      });
    case 'user password':
      noMore(rest.slice(1));
      return userPassword(need('the user name (user password NAME)', rest[0]), { db, ...password });
    case 'user list':
      noMore(rest);
      return userList({ db });
    case 'key add':
      noMore(rest.slice(1));
      return keyAdd(need('the key name (key add NAME)', rest[0]), { db });
    case 'key list':
      noMore(rest);
      return keyList({ db });
    case 'backup':
      noMore(rest);
      return backup(need('the backup file (backup FILE)', sub), { db, force: values.force });
    case 'restore':
      noMore(rest);
      return restore(need('the backup file (restore FILE)', sub), { db });
    default:
      failUsage(command ? `unknown command ${JSON.stringify([command, sub].filter(Boolean).join(' '))}` : 'a command is missing', spec);
  }
}

try {
  await run();
} catch (error) {
  if (!(error instanceof CliFailure)) throw error;
  console.error(`error: ${error.message}`);
  process.exit(1);
}
