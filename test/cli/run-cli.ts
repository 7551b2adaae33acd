import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end, collecting its exit code and what it printed. */
function runProcess(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs `npm run ansinh -- …` the way a user does (a real process through tsx), in the project root. */
export function runAnsinh(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runProcess(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
}

/** `npm --prefix ROOT run --silent ansinh -- …` typed in `cwd`, as a user in a folder of spreadsheets does. */
export function npmRunAnsinh(cwd: string, args: readonly string[]): Promise<CliResult> {
  const env = { ...process.env };
  // What npm sets for a script comes from this run of npm, not from the `npm test` running the suite.
  for (const key of Object.keys(env)) if (key.startsWith('npm_') || key === 'INIT_CWD') delete env[key];
  return runProcess('npm', ['--prefix', ROOT, 'run', '--silent', 'ansinh', '--', ...args], { cwd, env });
}
