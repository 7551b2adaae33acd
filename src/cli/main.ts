import { spawnSync } from 'node:child_process';
import { AUDIT_NODE_FLAG, hasSemiSpaceFlag, limitHeapGrowth } from '../config/heap.js';
import { runCli } from './program.js';

/** Commands that run every check over whole audits (see AUDIT_SEMI_SPACE_MB). */
const CHECK_COMMANDS = new Set(['audit', 'evaluate']);

const command = process.argv[2] ?? '';
if (CHECK_COMMANDS.has(command) && !hasSemiSpaceFlag()) {
  // V8 sizes the young generation when the process starts: run again with the audit's size.
  const child = spawnSync(process.execPath, [...process.execArgv, AUDIT_NODE_FLAG, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exitCode = child.status ?? (child.signal ? 1 : 0);
} else {
  limitHeapGrowth();
  process.exitCode = await runCli(process.argv);
}
