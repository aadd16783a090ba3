/**
 * `service-circles <command> [options]`: the compiled entry point of every CLI, so that a
 * production install (dev dependencies pruned, no TypeScript runner) runs them all.
 * `npm run build` compiles it to dist-node/main.js; the package's `bin` points there.
 */
const COMMANDS = {
  analyze: { what: 'nearest facility of every category for every compound (JSON report)', load: () => import('./analyze') },
  'generate-sample': { what: 'write the illustrative 岳峰镇 sample dataset', load: () => import('./generate-sample') },
  'import-osm': { what: 'turn an OpenStreetMap extract into a dataset', load: () => import('./import-osm') },
  ledger: { what: 'staff accounts, API keys, backup and restore of the requests ledger', load: () => import('./ledger') },
  'import-poi': { what: 'merge an AMap/Baidu POI table into a dataset', load: () => import('./import-poi') },
  'prepare-dataset': { what: 'write the prebuilt walking graph beside network.geojson', load: () => import('./prepare-dataset') },
  'merge-reports': { what: 'join the reports of many datasets (or shards) into one summary', load: () => import('./merge-reports') },
  sanitize: { what: 'copy a dataset without personal fields', load: () => import('./sanitize') },
  serve: { what: 'run the requests service and the app', load: () => import('./serve') },
} as const;

type Command = keyof typeof COMMANDS;

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(17)} ${c.what}`);
  return ['Usage: service-circles <command> [options]   (each command has --help)', '', 'Commands:', ...rows].join('\n');
}

const command = process.argv[2];
if (!command || command === '--help' || command === '-h') {
  console.log(usage());
  process.exit(command ? 0 : 2);
}
if (!Object.hasOwn(COMMANDS, command)) {
  console.error(`error: unknown command ${JSON.stringify(command)}\n\n${usage()}`);
  process.exit(2);
}
// The command parses process.argv.slice(2) as if it had been run directly.
process.argv.splice(2, 1);
await COMMANDS[command as Command].load();

export {};
