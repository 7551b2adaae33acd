import path from 'node:path';

/** The npm scripts of package.json that run this CLI with paths typed by the user. */
const CLI_SCRIPTS = new Set(['ansinh', 'samples']);

/**
 * The folder the user typed `npm run ansinh -- …` in, when npm started the CLI in another one. npm runs a
 * script in the package folder and keeps the caller's folder in INIT_CWD, so `--payouts ./chi-tra.xlsx`
 * typed in a folder of spreadsheets would otherwise be looked for in the package folder. null when the CLI
 * was not started by one of its own npm scripts (tests, `npm test`, node directly) or already runs there.
 */
export function callersDirectory(env: NodeJS.ProcessEnv, cwd: string): string | null {
  const script = env['npm_lifecycle_event'];
  const init = env['INIT_CWD'];
  if (script === undefined || !CLI_SCRIPTS.has(script) || init === undefined || init === '') return null;
  const callers = path.resolve(init);
  return callers === path.resolve(cwd) ? null : callers;
}
