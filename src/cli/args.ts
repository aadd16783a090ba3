import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliSpec<O extends NonNullable<ParseArgsConfig['options']>> {
  /** e.g. "npm run generate-sample -- [--out <dir>] [--seed <n>]" */
  usage: string;
  /** What the command does, one or two lines. */
  summary: string;
  options: O;
  /** One help line per option name. */
  help: Partial<Record<keyof O & string, string>>;
  allowPositionals?: boolean;
}

export function helpText<O extends NonNullable<ParseArgsConfig['options']>>(spec: CliSpec<O>): string {
  const lines = Object.entries(spec.options).map(([name, opt]) => {
    const flag = `--${name}${opt.type === 'string' ? ' <value>' : ''}`;
    const text = spec.help[name as keyof O & string] ?? '';
    return `  ${flag.padEnd(26)} ${text}`;
  });
  return [`Usage: ${spec.usage}`, '', spec.summary, '', 'Options:', ...lines, `  ${'--help'.padEnd(26)} show this help`].join('\n');
}

/**
 * Parses argv strictly: `--help` prints usage and exits 0; an unknown flag or a missing
 * value prints a clear message plus usage and exits 2.
 */
export function parseCli<O extends NonNullable<ParseArgsConfig['options']>>(spec: CliSpec<O>, argv = process.argv.slice(2)) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(helpText(spec));
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options: spec.options, allowPositionals: spec.allowPositionals ?? false, strict: true });
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${helpText(spec)}`);
    process.exit(2);
  }
}

/** Exits 2 with a message and the usage when an argument value is unusable. */
export function failUsage(message: string, spec: { usage: string }): never {
  console.error(`error: ${message}\nUsage: ${spec.usage}`);
  process.exit(2);
}
