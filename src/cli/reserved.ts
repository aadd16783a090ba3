/** Placeholder for commands that later issues fill in (analyze, bench, import:osm). */
export {};
const name = process.argv[2] ?? 'this command';
if (process.argv.includes('--help')) {
  console.log(`npm run ${name}: not yet available in this version.`);
  process.exit(0);
}
console.error(`npm run ${name}: not yet available in this version.`);
process.exit(1);
