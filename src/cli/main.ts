import { spawnSync } from 'node:child_process';
import { AUDIT_NODE_FLAG, auditEnv, hasSemiSpaceFlag, limitHeapGrowth } from '../config/heap.js';
import { callersDirectory } from './callers-directory.js';
import { runCli } from './program.js';

// Relative paths on the command line are the user's, from the folder `npm run ansinh` was typed in.
const callers = callersDirectory(process.env, process.cwd());
if (callers !== null) {
  try {
    process.chdir(callers);
  } catch {
    // The folder is gone or closed to this user: paths stay relative to the package folder, as npm left them.
  }
}

/** Commands that run every check over whole audits (see AUDIT_SEMI_SPACE_MB). */
const CHECK_COMMANDS = new Set(['audit', 'evaluate']);

const command = process.argv[2] ?? '';
if (CHECK_COMMANDS.has(command) && !hasSemiSpaceFlag()) {
  // V8 sizes the young generation, and malloc reads its settings, when the process starts: run again with the audit's.
  const child = spawnSync(process.execPath, [...process.execArgv, AUDIT_NODE_FLAG, ...process.argv.slice(1)], { stdio: 'inherit', env: auditEnv(process.env) });
  process.exitCode = child.status ?? (child.signal ? 1 : 0);
} else {
  limitHeapGrowth();
  process.exitCode = await runCli(process.argv);
}
