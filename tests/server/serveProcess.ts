import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from './helpers';

export interface ServeProcess {
  /** e.g. http://127.0.0.1:40123 (no trailing slash), parsed from the CLI's first line. */
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The serve CLI's first line: "十五分钟服务圈 · 15-minute service circles: http://127.0.0.1:5173/". */
export const ADDRESS_LINE = /15-minute service circles: (https?:\/\/\S+?)\/?$/m;

/**
 * `npm run serve` as a child process (node + tsx, as `npm run serve` does, without npm in
 * between so signals reach the server itself). Resolves once it prints its address; rejects
 * with its output when it ends before that or `waitMs` passes.
 */
export function runServe(args: readonly string[], waitMs = 60_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not print its address within ${waitMs} ms\n${out}\n${err}`));
    }, waitMs);
    const onData = () => {
      const m = ADDRESS_LINE.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({ url: m[1]!, child, stdout: () => out, stderr: () => err, exited });
    };
    child.stdout.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`serve ended (code ${code}, signal ${signal}) before printing its address\n${out}\n${err}`));
    });
  });
}

/** Runs the serve CLI to its end (for arguments it refuses); bounded by `waitMs`. */
export async function runServeToEnd(args: readonly string[], waitMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), waitMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
